package org.wcstat.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The health commission's yearly health resources report (卫生资源统计年报), one row per institution,
 * year and item: paediatric licensed (assistant) doctors, paediatric beds, general practitioners giving
 * children's basic medical care, doctors working in child health care, and whether the institution is
 * a critical newborn care centre, holds a prenatal screening licence or runs a vaccination clinic
 * (1 or 0). With it, the critical newborn care centre's quarterly work report (危重新生儿救治中心季度
 * 工作报表): specialist skills trainings and rapid-response team drills held in each quarter.
 *
 * <p>Invented for the demo (no district figure was found): the district people's hospital and the
 * maternal and child health hospital in 元坝镇, a township health centre in every town and community
 * health service centres in 元坝镇 and 卫子镇. Paediatric doctors 13 in 2015 rising to 22, beds 42 to
 * 66; the critical newborn care centre opens at the MCH hospital in 2019; township centres gain
 * child-care general practitioners and child health doctors over the years, one or two still short
 * in 2025; a quarter without a training or drill is rarer each year.
 */
final class HealthResourcesAnnualReportDemo {
    record Institution(String code, String name, String kind, String town) {
    }

    private static final int NICU_OPENED = 2019;

    private HealthResourcesAnnualReportDemo() {
    }

    static List<Institution> institutions() {
        List<Institution> list = new ArrayList<>();
        list.add(new Institution("12510811MB0001", "广元市昭化区人民医院", "综合医院", "510811100"));
        list.add(new Institution("12510811MB0002", "广元市昭化区妇幼保健院", "妇幼保健院", "510811100"));
        for (int t = 0; t < DemoDistrict.TOWNS.size(); t++) {
            DemoDistrict.Town town = DemoDistrict.TOWNS.get(t);
            list.add(new Institution(String.format("12510811MB%04d", 10 + t), town.nameZh() + "卫生院", "乡镇卫生院", town.code()));
        }
        list.add(new Institution("12510811MB0030", "元坝镇社区卫生服务中心", "社区卫生服务中心", "510811100"));
        list.add(new Institution("12510811MB0031", "卫子镇社区卫生服务中心", "社区卫生服务中心", "510811101"));
        return list;
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("WS_JG_NB")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(23_000L + year);
                double progress = (year - DemoDistrict.FIRST_YEAR) / 10.0;
                for (Institution in : institutions()) {
                    switch (in.kind()) {
                        case "综合医院" -> {
                            add(rows, year, in, "EKYS", 8 + (int) Math.round(5 * progress));
                            add(rows, year, in, "EKCW", 30 + (int) Math.round(15 * progress));
                            add(rows, year, in, "WZXSE", 0);
                            add(rows, year, in, "CQSC", year >= 2020 ? 1 : 0);
                            add(rows, year, in, "JZMZ", 1);
                        }
                        case "妇幼保健院" -> {
                            add(rows, year, in, "EKYS", 4 + (int) Math.round(3 * progress));
                            add(rows, year, in, "EKCW", 12 + (int) Math.round(9 * progress));
                            add(rows, year, in, "WZXSE", year >= NICU_OPENED ? 1 : 0);
                            add(rows, year, in, "CQSC", 1);
                            add(rows, year, in, "JZMZ", 0);
                        }
                        default -> {
                            add(rows, year, in, "EKYS", r.nextDouble() < 0.1 * progress ? 1 : 0);
                            add(rows, year, in, "EKCW", 0);
                            add(rows, year, in, "JZMZ", 1);
                            // 2015: about half have a child-care GP, a quarter two child health doctors
                            add(rows, year, in, "ETQK", r.nextDouble() < 0.5 + 0.42 * progress ? 1 + r.nextInt(2) : 0);
                            add(rows, year, in, "ETBJ", r.nextDouble() < 0.25 + 0.65 * progress ? 2 + r.nextInt(2) : 1);
                        }
                    }
                }
            }
        }
        try (DemoTable rows = db.table("WZXSE_JD_BB")) {
            Institution mch = institutions().get(1);
            for (int year = NICU_OPENED; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(23_500L + year);
                double held = DemoDistrict.trend(year, 0.4, 0.95);
                for (int quarter = 1; quarter <= 4; quarter++) {
                    rows.add(year, quarter, mch.code(), mch.town(), "专项技能培训", r.nextDouble() < held ? 1 + r.nextInt(2) : 0);
                    rows.add(year, quarter, mch.code(), mch.town(), "快速反应团队急救演练", r.nextDouble() < held ? 1 : 0);
                }
            }
        }
    }

    private static void add(DemoTable rows, int year, Institution in, String item, int count) throws Exception {
        rows.add(year, in.code(), in.name(), in.kind(), in.town(), item, count);
    }
}
