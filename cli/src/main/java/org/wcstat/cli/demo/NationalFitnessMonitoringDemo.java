package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The sports bureau's national physical fitness monitoring (国民体质监测, adults aged 20-69 tested
 * against the national physical fitness standard) and its survey of sports participation (体育锻炼
 * 情况调查: exercising at least three times a week, 30 minutes or more, at moderate intensity), in the
 * long layout of {@link ItemReport}, by town and sex.
 *
 * <p>Invented for the demo (no district figure was found): 30 adults of each sex a town tested and
 * 60 surveyed a year; women meeting the standard 86% rising to 92% (men 85% to 90%), women exercising
 * regularly 26% to 40% (men 30% to 40%).
 */
final class NationalFitnessMonitoringDemo {
    static final String TABLE = "TY_TZJC";

    private NationalFitnessMonitoringDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 44_000L, List.of(
                new ItemReport.Item("TZCS", TOWN, BOTH, (y, t, f, r) -> 30,
                        new ItemReport.Part("TZHG", (y, t, f) -> f ? trend(y, 0.86, 0.92) : trend(y, 0.85, 0.90))),
                new ItemReport.Item("DLDC", TOWN, BOTH, (y, t, f, r) -> 60,
                        new ItemReport.Part("JCDL", (y, t, f) -> f ? trend(y, 0.26, 0.40) : trend(y, 0.30, 0.40)))));
    }
}
