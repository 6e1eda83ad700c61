package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The education bureau's register of kindergartens (幼儿园基本情况), one row per kindergarten and school
 * year: its code, name, town (9-digit code), kind ('公办', '普惠性民办', '非普惠性民办'), whether it is the
 * town's public central kindergarten (乡镇公办中心园, '是'/'否'), whether it is a provincial model
 * kindergarten (省级示范性幼儿园, '是'/'否') and its pupils (在园幼儿数).
 *
 * <p>Invented for the demo (no district figure was found): a public central kindergarten in every
 * town but 射箭镇 until 2022; an inclusive private kindergarten in every town, and a non-inclusive one that
 * turns inclusive, in the seat in 2017 and one town a year after, three still not in 2025; public
 * kindergartens' pupils 42% in 2015 rising to 58% in 2025; the district's first provincial model kindergarten in 2023.
 */
final class KindergartenRegisterDemo {
    private KindergartenRegisterDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("YEY_JBQK")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(32_000L + year);
                String schoolYear = year + "-" + (year + 1);
                double publicShare = DemoDistrict.trend(year, 0.42, 0.58);
                double inclusiveShare = DemoDistrict.trend(year, 0.28, 0.34);
                for (int t = 0; t < DemoDistrict.TOWNS.size(); t++) {
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(t);
                    int pupils = 0;
                    for (int f = 0; f < 2; f++) pupils += (int) Math.round(DemoDistrict.residentsAged(year, town, f == 1, 3, 5) * 0.95);
                    String prefix = town.code().substring(6);
                    boolean central = !town.code().endsWith("109") || year >= 2022;
                    int pub = (int) Math.round(pupils * publicShare);
                    int inclusive = (int) Math.round(pupils * inclusiveShare);
                    rows.add(schoolYear, "YE" + prefix + "01", town.nameZh() + (central ? "中心幼儿园" : "幼儿园"), town.code(),
                            "公办", central ? "是" : "否", year >= 2023 && t == 0 ? "是" : "否", pub);
                    // a town's non-inclusive kindergarten turns inclusive in its year, the seat's first
                    boolean turned = year >= 2017 + t;
                    int other = Math.max(0, pupils - pub - inclusive + r.nextInt(3));
                    rows.add(schoolYear, "YE" + prefix + "02", town.nameZh() + "阳光幼儿园", town.code(),
                            "普惠性民办", "否", "否", inclusive + (turned ? other : 0));
                    if (!turned) {
                        rows.add(schoolYear, "YE" + prefix + "03", town.nameZh() + "贝贝幼儿园", town.code(),
                                "非普惠性民办", "否", "否", other);
                    }
                }
            }
        }
    }
}
