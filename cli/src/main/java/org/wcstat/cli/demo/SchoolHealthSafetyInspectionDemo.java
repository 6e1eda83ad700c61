package org.wcstat.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The education bureau's yearly inspection of school health and safety work (学校卫生与安全工作专项督导
 * 检查), one row per school, year and inspection item, with the result ('达标'/'未达标'). Items: a mental
 * health counselling room (XLFDS), a full- or part-time mental health teacher (XLJS), full- or
 * part-time mental health staff (XLRY), classroom lighting up to the hygiene standard (JSZM), sports
 * grounds and equipment up to the standard (TYCD), drowning prevention and emergency rescue teaching
 * at least once in the year (FNJY), an evacuation drill every month (SSYL) and, for kindergartens, every
 * quarter (YEYL).
 *
 * <p>Invented for the demo (no district figure was found): a central primary and a junior school in
 * every town, high schools in 元坝镇 and 卫子镇, two kindergartens in every town; every item met by
 * 40-85% of schools in 2015 and 85-100% in 2025.
 */
final class SchoolHealthSafetyInspectionDemo {
    record School(String code, String name, String kind, String town) {
    }

    private static final String[] SCHOOL_ITEMS = {"XLFDS", "XLJS", "XLRY", "JSZM", "TYCD", "FNJY", "SSYL"};
    private static final double[][] MET = {{0.55, 0.93}, {0.60, 0.96}, {0.50, 0.95}, {0.40, 0.92}, {0.50, 0.90}, {0.85, 1.0}, {0.70, 0.97}};

    private SchoolHealthSafetyInspectionDemo() {
    }

    static List<School> schools() {
        List<School> list = new ArrayList<>();
        for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
            String p = town.code().substring(6);
            String place = town.nameZh().replace("镇", "");
            list.add(new School("XX" + p + "01", place + "镇中心小学", "小学", town.code()));
            list.add(new School("XX" + p + "02", place + "初级中学", "初中", town.code()));
            list.add(new School("YE" + p + "01", town.nameZh() + "中心幼儿园", "幼儿园", town.code()));
            list.add(new School("YE" + p + "02", town.nameZh() + "阳光幼儿园", "幼儿园", town.code()));
        }
        list.add(new School("XX10003", "广元市昭化区元坝中学", "高中", "510811100"));
        list.add(new School("XX10103", "广元市昭化区卫子中学", "高中", "510811101"));
        return list;
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("DD_XXWSAQ_JC")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(33_000L + year);
                for (School s : schools()) {
                    if (s.kind().equals("幼儿园")) {
                        add(rows, year, s, "YEYL", r.nextDouble() < DemoDistrict.trend(year, 0.75, 0.98));
                        continue;
                    }
                    for (int i = 0; i < SCHOOL_ITEMS.length; i++) {
                        add(rows, year, s, SCHOOL_ITEMS[i], r.nextDouble() < DemoDistrict.trend(year, MET[i][0], MET[i][1]));
                    }
                }
            }
        }
    }

    private static void add(DemoTable rows, int year, School s, String item, boolean met) throws Exception {
        rows.add(year, s.code(), s.name(), s.kind(), s.town(), item, met ? "达标" : "未达标");
    }
}
