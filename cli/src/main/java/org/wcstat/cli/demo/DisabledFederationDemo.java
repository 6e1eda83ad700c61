package org.wcstat.cli.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Random;

/**
 * The disabled persons' federation: the roster of school-age disabled children and their school
 * placement (适龄残疾儿童少年入学安置台账, by school year '2024-2025', one row per child, sex as 'M'/'F',
 * the disability certificate number as key) and the register of disabled children under 7 needing
 * rehabilitation and whether they received the year's rehabilitation assistance (残疾儿童康复救助
 * 台账, by calendar year, status '已救助'/'未救助').
 *
 * <p>Invented for the demo (no district figure was found): about 14 certified disabled children per
 * birth cohort, boys 58%, so 120-130 of school age (6-14 at the end of the year); enrolment, counting
 * home-delivered schooling (送教上门), rising from 93% in 2015 to 98.5% in 2025; 40-50 children under 7
 * needing rehabilitation a year, 80% assisted in 2015 rising to 97%.
 */
final class DisabledFederationDemo {
    /** The disability categories of the certificate (残疾人证), in the order of their codes 1-7. */
    static final String[] CATEGORIES = {"视力", "听力", "言语", "肢体", "智力", "精神", "多重"};
    private static final String[] CATEGORY_CODES = {"1", "2", "3", "4", "5", "6", "7"};
    private static final String[] REHAB_KINDS = {"康复训练", "辅助器具适配", "人工耳蜗植入", "矫治手术"};

    private DisabledFederationDemo() {
    }

    static double enrolment(int year) {
        return 0.93 + 0.0055 * (year - DemoDistrict.FIRST_YEAR);
    }

    static double rehabilitation(int year) {
        return 0.80 + 0.017 * (year - DemoDistrict.FIRST_YEAR);
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("CJ_SLRX_AZ")) {
            Random r = new Random(16_000L);
            for (int cohort = DemoDistrict.FIRST_YEAR - 14; cohort <= DemoDistrict.LAST_YEAR - 6; cohort++) {
                int children = 12 + r.nextInt(5);
                for (int c = 0; c < children; c++) {
                    boolean female = r.nextDouble() >= 0.58;
                    LocalDate born = SyntheticPeople.dayIn(r, cohort);
                    int category = r.nextInt(CATEGORIES.length);
                    String certificate = SyntheticPeople.idCard(r, born, female) + CATEGORY_CODES[category] + (1 + r.nextInt(4));
                    String name = SyntheticPeople.name(r);
                    String town = DemoDistrict.TOWNS.get(HealthDemo.pickTown(r)).code();
                    for (int year = Math.max(DemoDistrict.FIRST_YEAR, cohort + 6); year <= Math.min(DemoDistrict.LAST_YEAR, cohort + 14); year++) {
                        String placement;
                        if (r.nextDouble() >= enrolment(year)) {
                            placement = "未入学";
                        } else {
                            double x = r.nextDouble();
                            placement = x < 0.55 ? "随班就读" : x < 0.8 ? "特殊教育学校" : "送教上门";
                        }
                        rows.add(year + "-" + (year + 1), certificate, name, female ? "F" : "M", Date.valueOf(born),
                                town, CATEGORIES[category], placement);
                    }
                }
            }
        }
        try (DemoTable rows = db.table("CJ_KFJZ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(16_000L + year);
                int children = 40 + r.nextInt(11);
                for (int c = 1; c <= children; c++) {
                    boolean female = r.nextDouble() >= 0.58;
                    LocalDate born = SyntheticPeople.dayIn(r, year - r.nextInt(7));
                    LocalDate guardianBorn = SyntheticPeople.dayIn(r, born.getYear() - 22 - r.nextInt(15));
                    rows.add(year, String.format("KF%d%04d", year, c), SyntheticPeople.name(r),
                            SyntheticPeople.idCard(r, guardianBorn, r.nextBoolean()), female ? "F" : "M", Date.valueOf(born),
                            DemoDistrict.TOWNS.get(HealthDemo.pickTown(r)).code(), REHAB_KINDS[r.nextInt(REHAB_KINDS.length)],
                            r.nextDouble() < rehabilitation(year) ? "已救助" : "未救助");
                }
            }
        }
    }
}
