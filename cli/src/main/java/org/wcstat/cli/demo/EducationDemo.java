package org.wcstat.cli.demo;


/**
 * The education bureau's enrolment statistics (教育事业统计) by school year ('2024-2025'), school,
 * level, single year of age and sex ('M'/'F'). Kindergartens are in every town; the district's two
 * senior secondary schools are in 元坝镇 and 卫子镇, so high-school figures are not meaningful by town.
 */
final class EducationDemo {
    private static final int[] PRESCHOOL_AGES = {2, 3, 4, 5, 6};
    private static final double[] PRESCHOOL_AGE_MIX = {0.03, 0.31, 0.32, 0.31, 0.03};
    private static final int[] HIGH_SCHOOL_AGES = {14, 15, 16, 17, 18, 19};
    private static final double[] HIGH_SCHOOL_AGE_MIX = {0.02, 0.30, 0.32, 0.30, 0.05, 0.01};

    private EducationDemo() {
    }

    /** Gross enrolment in preschool: about 90% in 2015, the plan's 96.8% in 2020, then on towards 98%. */
    static double preschoolRatio(int year) {
        return year <= 2020 ? 0.90 + (0.968 - 0.90) * (year - 2015) / 5 : 0.968 + 0.0025 * (year - 2020);
    }

    /** Gross enrolment in high school: the plan's 92.05% in 2020, rising about a point a year after. */
    static double highSchoolRatio(int year) {
        return year <= 2020 ? 0.86 + (0.9205 - 0.86) * (year - 2015) / 5 : 0.9205 + 0.009 * (year - 2020);
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("EDU_ENROLMENT")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                String schoolYear = year + "-" + (year + 1);
                for (int f = 0; f < 2; f++) {
                    String sex = f == 1 ? "F" : "M";
                    double girls = f == 1 ? 1.01 : 0.99;
                    double districtTeens = 0;
                    for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                        double young = 0;
                        for (int age = 3; age <= 5; age++) {
                            young += DemoDistrict.residents(year, town, f == 1, age, true) + DemoDistrict.residents(year, town, f == 1, age, false);
                        }
                        for (int age = 15; age <= 17; age++) {
                            districtTeens += DemoDistrict.residents(year, town, f == 1, age, true) + DemoDistrict.residents(year, town, f == 1, age, false);
                        }
                        double pupils = young * preschoolRatio(year) * girls;
                        for (int i = 0; i < PRESCHOOL_AGES.length; i++) {
                            add(rows, schoolYear, town.code(), town.nameZh() + "中心幼儿园", "学前教育", PRESCHOOL_AGES[i], sex,
                                    (int) Math.round(pupils * PRESCHOOL_AGE_MIX[i]));
                        }
                    }
                    double students = districtTeens * highSchoolRatio(year) * girls;
                    for (int i = 0; i < HIGH_SCHOOL_AGES.length; i++) {
                        double atAge = students * HIGH_SCHOOL_AGE_MIX[i];
                        add(rows, schoolYear, "510811100", "广元市昭化区元坝中学", "高中", HIGH_SCHOOL_AGES[i], sex, (int) Math.round(atAge * 0.65));
                        add(rows, schoolYear, "510811101", "广元市昭化区卫子中学", "高中", HIGH_SCHOOL_AGES[i], sex, (int) Math.round(atAge * 0.35));
                    }
                }
            }
        }
    }

    private static void add(DemoTable rows, String schoolYear, String town, String school, String level, int age, String sex, int count) throws Exception {
        rows.add(schoolYear, town, school, level, age, sex, count);
    }
}
