package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The disease control centre's yearly report on primary and secondary school students' health
 * examinations and common diseases (学生健康体检和常见病监测年报), by year, town of the school
 * (9-digit code), school stage ('小学'/'初中'/'高中'), sex ('男'/'女') and item code. It carries the
 * students on roll, vision checks (人次) and students screened, myopia (all and new cases among those
 * not myopic a year before), caries of 12-year-olds, and the sums over the health-behaviour
 * questionnaire's respondents (健康影响因素调查: hours of sleep, of daylight outdoors at home, of physical
 * activity in and out of school, minutes of continuous reading and writing, eye exercises a day).
 *
 * <p>Invented for the demo (no district figure was found): students are the 6-17-year-olds (high
 * school 90% of its age band, in 元坝镇 and 卫子镇); myopia 40% to 36% in primary, 68% to 58% in
 * junior and 80% to 69% in senior school, 2015 to 2025; new myopia 12% to 8% a year; caries at 12
 * 32% to 24%; a tenth of students answer the questionnaire, their habits improving slowly.
 */
final class StudentHealthSurveillanceDemo {
    private static final String[] STAGES = {"小学", "初中", "高中"};
    private static final int[][] AGES = {{6, 11}, {12, 14}, {15, 17}};
    private static final double[][] MYOPIA = {{0.40, 0.36}, {0.68, 0.58}, {0.80, 0.69}};
    private static final double[][] SLEEP = {{9.3, 9.8}, {8.4, 8.9}, {7.3, 7.8}};

    private StudentHealthSurveillanceDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("XS_JKJC_NB")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(24_000L + year);
                for (int s = 0; s < STAGES.length; s++) {
                    for (int f = 0; f < 2; f++) {
                        int highSchool = 0;
                        if (s == 2) {
                            for (DemoDistrict.Town town : DemoDistrict.TOWNS) highSchool += DemoDistrict.residentsAged(year, town, f == 1, 15, 17);
                        }
                        for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                            int students;
                            if (s < 2) {
                                students = DemoDistrict.residentsAged(year, town, f == 1, AGES[s][0], AGES[s][1]);
                            } else if (town.code().equals("510811100") || town.code().equals("510811101")) {
                                students = (int) Math.round(highSchool * 0.9 * (town.code().endsWith("100") ? 0.65 : 0.35));
                            } else {
                                continue;
                            }
                            student(rows, r, year, town.code(), s, DemoDistrict.SEXES_ZH[f], students);
                        }
                    }
                }
            }
        }
    }

    private static void student(DemoTable rows, Random r, int year, String town, int s, String sex, int students) throws Exception {
        String stage = STAGES[s];
        int screened = SyntheticPeople.draw(r, students, DemoDistrict.trend(year, 0.85, 0.99));
        double myopia = DemoDistrict.trend(year, MYOPIA[s][0], MYOPIA[s][1]);
        int notMyopicBefore = (int) Math.round(screened * (1 - myopia));
        add(rows, year, town, stage, sex, "ZXS", students);
        add(rows, year, town, stage, sex, "SLJC", Math.round(students * DemoDistrict.trend(year, 0.9, 1.8)));
        add(rows, year, town, stage, sex, "SLSC", screened);
        add(rows, year, town, stage, sex, "JS", SyntheticPeople.draw(r, screened, myopia));
        add(rows, year, town, stage, sex, "SNWJS", notMyopicBefore);
        add(rows, year, town, stage, sex, "XFJS", SyntheticPeople.draw(r, notMyopicBefore, DemoDistrict.trend(year, 0.12, 0.08)));
        if (s == 1) {
            int twelve = students / 3;
            add(rows, year, town, stage, sex, "KQJC12", twelve);
            add(rows, year, town, stage, sex, "KQQH12", SyntheticPeople.draw(r, twelve, DemoDistrict.trend(year, 0.32, 0.24)));
        }
        int answered = Math.max(1, students / 10);
        add(rows, year, town, stage, sex, "WJ", answered);
        add(rows, year, town, stage, sex, "SMSC", answered * jitter(r, DemoDistrict.trend(year, SLEEP[s][0], SLEEP[s][1])));
        add(rows, year, town, stage, sex, "HWGZ", answered * jitter(r, DemoDistrict.trend(year, 0.8, 1.2)));
        add(rows, year, town, stage, sex, "XNTY", answered * jitter(r, DemoDistrict.trend(year, 0.7, 1.05)));
        add(rows, year, town, stage, sex, "XWTY", answered * jitter(r, DemoDistrict.trend(year, 0.6, 0.95)));
        add(rows, year, town, stage, sex, "LXYY", answered * jitter(r, DemoDistrict.trend(year, 55, 42)));
        add(rows, year, town, stage, sex, "YBJC", answered * jitter(r, DemoDistrict.trend(year, 1.4, 1.9)));
    }

    /** A questionnaire mean, a little off the trend from town to town. */
    private static double jitter(Random r, double mean) {
        return mean * (1 + 0.03 * r.nextGaussian());
    }

    private static void add(DemoTable rows, int year, String town, String stage, String sex, String item, double amount) throws Exception {
        rows.add(year, town, stage, sex, item, Math.round(amount * 10) / 10.0);
    }
}
