package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.WOMEN;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The public security bureau's statistics of public order cases (治安案件统计): sexual harassment
 * cases (性骚扰, 猥亵 under the public order law) accepted in the year whose victim is a woman, by the
 * town where it happened, in the long layout of {@link ItemReport}.
 *
 * <p>Invented for the demo (no district figure was found): 14 cases per 100,000 women in 2015 falling
 * to 9 — five to nine cases a year.
 */
final class PublicOrderCaseStatisticsDemo {
    static final String TABLE = "ZA_AJ_TJ";

    private PublicOrderCaseStatisticsDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 55_000L, List.of(
                new ItemReport.Item("XSR", TOWN, WOMEN, (y, t, f, r) -> SyntheticPeople.poisson(r,
                        DemoDistrict.population(y) * DemoDistrict.femaleShare() * t.share() / 100_000 * trend(y, 14, 9)))));
    }
}
