package org.wcstat.cli.demo;

import java.util.Random;

/**
 * The women's federation's yearly family education guidance report (家庭教育指导服务工作统计表), by
 * year and town (9-digit code): households with children aged 0-18 (0-18岁儿童家庭户数) and how many of
 * them had a parent take part in family education guidance in the year (接受家庭教育指导家庭户数),
 * one row per figure.
 *
 * <p>Invented for the demo (no district figure was found): about 1.3 children per household; guidance
 * reaching 55% of households in 2015 and 88% in 2025.
 */
final class FamilyEducationGuidanceReportDemo {
    private FamilyEducationGuidanceReportDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        try (DemoTable rows = db.table("FL_JTJY_TJ")) {
            for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
                Random r = new Random(42_000L + year);
                for (DemoDistrict.Town town : DemoDistrict.TOWNS) {
                    int households = (int) Math.round((DemoDistrict.residentsAged(year, town, false, 0, 17) + DemoDistrict.residentsAged(year, town, true, 0, 17)) / 1.3);
                    rows.add(year, town.code(), "0-18岁儿童家庭户数", households);
                    rows.add(year, town.code(), "接受家庭教育指导家庭户数", SyntheticPeople.draw(r, households, DemoDistrict.trend(year, 0.55, 0.88)));
                }
            }
        }
    }
}
