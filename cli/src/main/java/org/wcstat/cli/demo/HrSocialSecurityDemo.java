package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The human resources and social security bureau's yearly statistical report (人社统计年报): counts by
 * town (12-digit statistical division code), sex coded '1'/'2' and item code — employees of urban
 * units (城镇单位就业人员) and participants in the two basic pension schemes (企业职工 and 城乡居民
 * 基本养老保险).
 *
 * <p>Invented for the demo (no district figure was found): about 8,600 urban-unit employees in 2015
 * growing to about 9,400, located by town in proportion to the town's urban population; the women's
 * share of them rising from 37.5% to 41% (the national level was 41.7% in 2024); pension participation
 * among residents aged 18 and over rising from 88% to 96% for women and a point higher for men, a
 * fifth of participants in the employees' scheme. The item codes are the demo's own.
 */
final class HrSocialSecurityDemo {
    static final String URBAN_UNIT_EMPLOYEES = "A0101";
    static final String EMPLOYEE_PENSION = "B0201";
    static final String RESIDENT_PENSION = "B0301";

    private HrSocialSecurityDemo() {
    }

    static double womenShareOfUrbanUnitEmployees(int year) {
        return 0.375 + 0.0035 * (year - DemoDistrict.FIRST_YEAR);
    }

    /** Expected urban-unit employees of one town and sex, before the report's year-to-year noise. */
    static double urbanUnitEmployees(int year, DemoDistrict.Town town, boolean female) {
        double total = 8_600 + 80 * (year - DemoDistrict.FIRST_YEAR);
        double urbanWeight = 0;
        for (DemoDistrict.Town t : DemoDistrict.TOWNS) urbanWeight += t.share() * t.urbanShare();
        double share = womenShareOfUrbanUnitEmployees(year);
        return total * town.share() * town.urbanShare() / urbanWeight * (female ? share : 1 - share);
    }

    static double pensionParticipation(int year, boolean female) {
        return 0.88 + 0.008 * (year - DemoDistrict.FIRST_YEAR) + (female ? 0 : 0.01);
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("RS_TJ_NB")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(11_000L + year);
                for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                    for (int f = 0; f < 2; f++) {
                        boolean female = f == 1;
                        String sex = female ? "2" : "1";
                        int employees = (int) Math.round(urbanUnitEmployees(year, town, female) * (0.98 + 0.04 * r.nextDouble()));
                        double adults = 0;
                        for (int age = 18; age <= DemoDistrict.MAX_AGE; age++) {
                            adults += DemoDistrict.residents(year, town, female, age, true) + DemoDistrict.residents(year, town, female, age, false);
                        }
                        double insured = adults * Math.min(0.99, pensionParticipation(year, female) + 0.01 * (r.nextDouble() - 0.5));
                        int employeeScheme = (int) Math.round(insured * 0.2);
                        int residentScheme = (int) Math.round(insured) - employeeScheme;
                        String code = town.code() + "000";
                        rows.add(year, code, sex, URBAN_UNIT_EMPLOYEES, employees);
                        rows.add(year, code, sex, EMPLOYEE_PENSION, employeeScheme);
                        rows.add(year, code, sex, RESIDENT_PENSION, residentScheme);
                    }
                }
            }
        }
    }
}
