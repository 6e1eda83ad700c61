package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The health commission's health literacy surveillance (健康素养监测), one row per questionnaire: year,
 * town (9-digit code), sex ('1'/'2'), age, whether the respondent is the main carer of a child under 18
 * ('是'/'否'), and whether the score reaches health literacy (具备健康素养, '是'/'否'). Pupils aged 9-17 answer
 * the students' questionnaire, adults the residents' one.
 *
 * <p>Invented for the demo (no district figure was found): about 400 pupils and 800 adults a year;
 * literacy of pupils 18% in 2015 rising to 32% in 2025, of children's carers 15% to 28%.
 */
final class HealthLiteracySurveillanceDemo {
    private HealthLiteracySurveillanceDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("JKSY_JC")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(25_000L + year);
                for (int i = 1; i <= 1200; i++) {
                    boolean pupil = i <= 400;
                    int age = pupil ? 9 + r.nextInt(9) : 18 + r.nextInt(52);
                    boolean carer = !pupil && age < 60 && r.nextDouble() < 0.45;
                    double literacy = pupil ? DemoDistrict.trend(year, 0.18, 0.32)
                            : carer ? DemoDistrict.trend(year, 0.15, 0.28) : DemoDistrict.trend(year, 0.12, 0.25);
                    rows.add(year, String.format("JK%d%05d", year, i),
                            DemoDistrict.TOWNS.get(HealthDemo.pickTown(r)).code(), r.nextBoolean() ? "1" : "2", age,
                            carer ? "是" : "否", r.nextDouble() < literacy ? "是" : "否");
                }
            }
        }
    }
}
