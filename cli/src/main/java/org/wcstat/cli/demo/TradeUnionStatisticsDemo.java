package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.DISTRICT;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The federation of trade unions' yearly statistics (工会统计年报), district-wide, by sex, in the long
 * layout of {@link ItemReport}: employees of the enterprises and public institutions holding a
 * workers' congress (职工代表大会) and the congresses' representatives.
 *
 * <p>Invented for the demo (no district figure was found): 9,000 employees, women 41% rising to 43%;
 * 1,200 representatives, women 38% rising to 43%.
 */
final class TradeUnionStatisticsDemo {
    static final String TABLE = "GH_TJ_NB";

    private TradeUnionStatisticsDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 51_000L, List.of(
                new ItemReport.Item("ZGRS", DISTRICT, BOTH, (y, t, f, r) -> Math.round(9000 * (f ? trend(y, 0.41, 0.43) : 1 - trend(y, 0.41, 0.43)))),
                new ItemReport.Item("ZDDB", DISTRICT, BOTH, (y, t, f, r) -> Math.round(1200 * (f ? trend(y, 0.38, 0.43) : 1 - trend(y, 0.38, 0.43))))));
    }
}
