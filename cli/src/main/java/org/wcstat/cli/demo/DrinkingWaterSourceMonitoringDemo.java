package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.DISTRICT;
import static org.wcstat.cli.demo.ItemReport.Sexes.NONE;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The ecology and environment bureau's monitoring of centralised drinking water sources (集中式饮用水
 * 水源地水质监测): samples taken at the district's urban and rural sources in the year and those meeting
 * the standard (GB 3838 class III and GB/T 14848 class III), district-wide, in the long layout of
 * {@link ItemReport}.
 *
 * <p>Invented for the demo (no district figure was found): 14 sources sampled monthly (168 samples),
 * 93% of samples meeting the standard in 2015 rising to 99%.
 */
final class DrinkingWaterSourceMonitoringDemo {
    static final String TABLE = "STHJ_YYS_JC";

    private DrinkingWaterSourceMonitoringDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 54_000L, List.of(
                new ItemReport.Item("JCYP", DISTRICT, NONE, (y, t, f, r) -> 168,
                        new ItemReport.Part("DBYP", (y, t, f) -> trend(y, 0.93, 0.99)))));
    }
}
