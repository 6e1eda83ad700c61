package org.wcstat.cli.demo;

import java.util.Random;

/**
 * Two of the education bureau's yearly figures by school year ('2024-2025'), town (9-digit code) and
 * sex ('M'/'F'), one row per item code: the compulsory-education cohort (the students of the year's
 * final junior grade and how many of that cohort entered primary grade 1 nine years before, from the
 * student registry 学籍) and the national student physical fitness standard test (国家学生体质健康标准
 * 测试: students tested, rated excellent, rated good).
 *
 * <p>Invented for the demo (no district figure was found): retention 99.5% in 2015, the plan's 99.92%
 * in 2020, staying there; excellent or good fitness ratings 45% in 2015 rising to 62% in 2025.
 */
final class EducationStatisticsReportDemo {
    private EducationStatisticsReportDemo() {
    }

    static double retention(int year) {
        return year <= 2020 ? 0.995 + (0.9992 - 0.995) * (year - 2015) / 5 : 0.9992;
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("JY_TJ_ZB")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(31_000L + year);
                String schoolYear = year + "-" + (year + 1);
                for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                    for (int f = 0; f < 2; f++) {
                        String sex = f == 1 ? "F" : "M";
                        int entered = DemoDistrict.residentsAged(year, town, f == 1, 14, 14);
                        int tested = DemoDistrict.residentsAged(year, town, f == 1, 6, 14);
                        int good = SyntheticPeople.draw(r, tested, DemoDistrict.trend(year, 0.45, 0.62));
                        int excellent = SyntheticPeople.draw(r, good, 0.3);
                        rows.add(schoolYear, town.code(), sex, "GL_RXS", entered);
                        rows.add(schoolYear, town.code(), sex, "GL_BYS", SyntheticPeople.draw(r, entered, retention(year)));
                        rows.add(schoolYear, town.code(), sex, "TC_CS", tested);
                        rows.add(schoolYear, town.code(), sex, "TC_YX", excellent);
                        rows.add(schoolYear, town.code(), sex, "TC_LH", good - excellent);
                    }
                }
            }
        }
    }
}
