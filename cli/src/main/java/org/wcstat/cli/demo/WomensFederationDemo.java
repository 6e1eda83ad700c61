package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The women's federation's ledger of parent schools and family education guidance service points
 * (家长学校和家庭教育指导服务站点台账): one row per urban community (社区) and administrative village
 * (行政村) per year, towns by 9-digit code, whether the community has a parent school or guidance
 * point ('是'/'否') and the year it opened.
 *
 * <p>Invented for the demo (no district figure was found): 15 urban communities (3 in the seat 元坝镇,
 * 2 in 卫子镇, one in each other town) and about 180 villages; each community or village opens its
 * point in a year drawn so that about 60% of communities and 40% of villages have one in 2015, and
 * every community (from 2023) and about 88% of villages in 2025. Once open, a point stays open.
 */
final class WomensFederationDemo {
    private WomensFederationDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        Random r = new Random(14_000L);
        try (DemoTable rows = db.table("FL_JTJY_ZD")) {
            for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                int communities = DemoDistrict.urbanCommunities(town);
                int villages = DemoDistrict.villages(town);
                for (int c = 0; c < communities + villages; c++) {
                    boolean urban = c < communities;
                    String name = urban ? town.nameZh().replace("镇", "") + (c + 1) + "社区"
                            : DemoDistrict.villageName(c - communities);
                    Integer opened = openingYear(r, urban);
                    for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                        boolean open = opened != null && opened <= year;
                        rows.add(year, town.code(), name, urban ? "社区" : "行政村", open ? "是" : "否", open ? opened : null);
                    }
                }
            }
        }
    }

    /** The year the point opened, or null if it has not by the last year. */
    private static Integer openingYear(Random r, boolean urban) {
        double x = r.nextDouble();
        if (urban) {
            // 60% before 2015, the rest spread over 2016-2023
            return x < 0.6 ? 2010 + r.nextInt(5) : 2016 + r.nextInt(8);
        }
        // 35% before 2015, then about 5.3 points a year, 12% still without one in 2025
        if (x < 0.35) return 2008 + r.nextInt(7);
        if (x >= 0.88) return null;
        return 2015 + (int) ((x - 0.35) / 0.53 * 11);
    }
}
