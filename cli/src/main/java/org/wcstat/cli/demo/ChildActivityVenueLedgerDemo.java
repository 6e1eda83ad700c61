package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The culture, tourism and sports bureau's ledger of public-interest out-of-school activity venues for
 * children (公益性儿童校外活动场所台账), one row per venue and year: its name, town (9-digit code), kind
 * (青少年活动中心, 图书馆少儿阅览室, 文化馆, 科技馆, 体育场馆, 乡村学校少年宫), opening days, daily capacity for
 * children (日接待能力) and children's visits (接待儿童人次).
 *
 * <p>Invented for the demo (no district figure was found): 8 venues in 2015, one or two more most
 * years, 19 in 2025; visits 35% of capacity in 2015 rising to 55%.
 */
final class ChildActivityVenueLedgerDemo {
    private static final String[] KINDS = {"青少年活动中心", "图书馆少儿阅览室", "文化馆", "科技馆", "体育场馆", "乡村学校少年宫"};

    private ChildActivityVenueLedgerDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        Random setup = new Random(47_000L);
        int venues = 19;
        int[] opened = new int[venues];
        int[] capacity = new int[venues];
        for (int i = 0; i < venues; i++) {
            opened[i] = i < 8 ? 2010 : 2016 + (i - 8) * 9 / 11;
            capacity[i] = 40 + 20 * setup.nextInt(8);
        }
        try (DemoTable rows = db.table("WL_ETHDCS_TZ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(47_000L + year);
                for (int i = 0; i < venues; i++) {
                    if (opened[i] > year) continue;
                    DemoDistrict.Town town = DemoDistrict.TOWNS.get(i < 5 ? 0 : i % 12);
                    String kind = i < 5 ? KINDS[i] : KINDS[5];
                    int days = 250 + r.nextInt(60);
                    int visits = (int) Math.round(days * capacity[i] * DemoDistrict.trend(year, 0.35, 0.55) * (0.85 + 0.3 * r.nextDouble()));
                    rows.add(year, town.nameZh() + kind + (i < 5 ? "" : i), town.code(), kind, days, capacity[i], visits);
                }
            }
        }
    }
}
