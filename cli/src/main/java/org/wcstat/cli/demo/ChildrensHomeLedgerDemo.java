package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The women's federation's ledger of children's homes (儿童之家建设台账): one row per urban community
 * (社区) and administrative village (行政村) per year, town by 9-digit code, whether it has a children's
 * home at the end of the year ('是'/'否').
 *
 * <p>Invented for the demo (no district figure was found): 55% of communities and villages in 2015,
 * one in ten of the rest opening one each year; once open, a home stays open.
 */
final class ChildrensHomeLedgerDemo {
    private ChildrensHomeLedgerDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        Random r = new Random(41_000L);
        try (DemoTable rows = db.table("FL_ETZJ_TZ")) {
            for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                for (DemoDistrict.Community c : DemoDistrict.communities(town)) {
                    boolean open = r.nextDouble() < (c.urban() ? 0.75 : 0.55);
                    for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                        if (year > DemoDistrict.FIRST_YEAR && !open) open = r.nextDouble() < 0.1;
                        rows.add(year, town.code(), c.name(), c.urban() ? "社区" : "行政村", open ? "是" : "否");
                    }
                }
            }
        }
    }
}
