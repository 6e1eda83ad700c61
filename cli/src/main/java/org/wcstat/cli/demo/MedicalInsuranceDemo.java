package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The medical insurance bureau's participation statistics (参保人数统计): counts by year, town name,
 * sex as '男'/'女' and scheme, the scheme written out in full as the bureau's report does
 * (职工基本医疗保险, 城乡居民基本医疗保险, 生育保险).
 *
 * <p>Invented for the demo (no district figure was found): basic medical insurance covering 96.5% of
 * registered women in 2015 rising to 98.6% in 2025 (men half a point lower); 7% of participants in
 * the employees' scheme; maternity insurance covering 84% of women employed in urban units in 2015
 * rising to 95%, and men in urban units insured at the same rate, since employers enrol the whole
 * workforce.
 */
final class MedicalInsuranceDemo {
    private MedicalInsuranceDemo() {
    }

    static double coverage(int year, boolean female) {
        return 0.965 + 0.0021 * (year - DemoDistrict.FIRST_YEAR) - (female ? 0 : 0.005);
    }

    static double maternityCoverage(int year) {
        return 0.84 + 0.011 * (year - DemoDistrict.FIRST_YEAR);
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("YB_CBRS_TJ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(12_000L + year);
                for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                    for (int f = 0; f < 2; f++) {
                        boolean female = f == 1;
                        double residents = 0;
                        for (int age = 0; age <= DemoDistrict.MAX_AGE; age++) {
                            residents += DemoDistrict.residents(year, town, female, age, true) + DemoDistrict.residents(year, town, female, age, false);
                        }
                        double insured = residents * Math.min(0.995, coverage(year, female) + 0.006 * (r.nextDouble() - 0.5));
                        int employees = (int) Math.round(insured * 0.07);
                        int residentScheme = (int) Math.round(insured) - employees;
                        double maternity = HrSocialSecurityDemo.urbanUnitEmployees(year, town, female) * maternityCoverage(year) * (0.98 + 0.04 * r.nextDouble());
                        String sex = female ? "女" : "男";
                        rows.add(year, town.nameZh(), sex, "职工基本医疗保险", employees);
                        rows.add(year, town.nameZh(), sex, "城乡居民基本医疗保险", residentScheme);
                        rows.add(year, town.nameZh(), sex, "生育保险", (int) Math.round(maternity));
                    }
                }
            }
        }
    }
}
