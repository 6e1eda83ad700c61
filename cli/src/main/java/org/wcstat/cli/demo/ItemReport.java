package org.wcstat.cli.demo;

import java.util.List;
import java.util.Random;

/**
 * The long layout of a department's yearly statistical return to the district's women and children
 * working committee (妇女儿童发展纲要监测统计报表): one amount per year (TJND), area (XZQH: the
 * 12-digit code of a town, or 510811 for a district-wide figure), sex (XB: '1' men, '2' women, '0'
 * not by sex) and item code (ZBDM). Each return is a {@link Report}: its table, items and how their
 * amounts are drawn (the demo's in {@link ItemReports}), written by one generator, {@link #write}.
 */
final class ItemReport {
    /** Where an item is reported: for each town, or once for the district. */
    enum Level { TOWN, DISTRICT }

    /** Which sexes an item is reported for. */
    enum Sexes { BOTH, WOMEN, NONE }

    /** An amount for a year, a town (null for a district-wide item) and a sex (false for men and for items not by sex). */
    @FunctionalInterface
    interface Amount {
        long of(int year, DemoDistrict.Town town, boolean female, Random r);
    }

    /** A probability for a year, a town (null for the district) and a sex. */
    @FunctionalInterface
    interface Rate {
        double of(int year, DemoDistrict.Town town, boolean female);
    }

    /**
     * An item whose amount is drawn from its parent's: those of the parent's persons who have the
     * property (tested of the women delivered, treated of those infected ...), so the two always agree.
     */
    record Part(String code, Rate rate, List<Part> parts) {
        Part(String code, Rate rate, Part... parts) {
            this(code, rate, List.of(parts));
        }
    }

    record Item(String code, Level level, Sexes sexes, Amount amount, List<Part> parts) {
        Item(String code, Level level, Sexes sexes, Amount amount, Part... parts) {
            this(code, level, sexes, amount, List.of(parts));
        }
    }

    /** A return: its table, the seed of its draws and its items, in the order written. */
    record Report(String table, long seed, List<Item> items) {
        void write(DemoDatabase db) throws Exception {
            ItemReport.write(db, table, seed, items);
        }
    }

    private ItemReport() {
    }

    /** Writes every item for every year of the demo; the seed makes the draws the same on every run. */
    static void write(DemoDatabase db, String table, long seed, List<Item> items) throws Exception {
        try (DemoTable rows = db.table(table)) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(seed + year);
                for (Item item : items) {
                    List<DemoDistrict.Town> towns = item.level() == Level.TOWN ? DemoDistrict.TOWNS : java.util.Collections.singletonList(null);
                    for (DemoDistrict.Town town : towns) {
                        String area = town == null ? "510811" : town.code() + "000";
                        for (String sex : switch (item.sexes()) {
                            case BOTH -> List.of("1", "2");
                            case WOMEN -> List.of("2");
                            case NONE -> List.of("0");
                        }) {
                            long amount = item.amount().of(year, town, sex.equals("2"), r);
                            rows.add(year, area, sex, item.code(), amount);
                            parts(rows, item.parts(), amount, year, town, area, sex, r);
                        }
                    }
                }
            }
        }
    }

    private static void parts(DemoTable rows, List<Part> parts, long of, int year, DemoDistrict.Town town, String area,
                              String sex, Random r) throws Exception {
        for (Part p : parts) {
            long amount = SyntheticPeople.draw(r, (int) of, p.rate().of(year, town, sex.equals("2")));
            rows.add(year, area, sex, p.code(), amount);
            parts(rows, p.parts(), amount, year, town, area, sex, r);
        }
    }

    /** A town's share of the district's births, population or services. */
    static double share(DemoDistrict.Town town) {
        return town == null ? 1.0 : town.share();
    }
}
