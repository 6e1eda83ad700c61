package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.NONE;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The justice bureau's people's mediation statistics (人民调解工作统计): marriage and family disputes
 * (婚姻家庭纠纷) the mediation committees took up in the year, by town, in the long layout of
 * {@link ItemReport}.
 *
 * <p>Invented for the demo (no district figure was found): 9 disputes per 10,000 registered residents
 * in 2015 falling to 6 in 2025.
 */
final class PeopleMediationStatisticsDemo {
    static final String TABLE = "RMTJ_TJ";

    private PeopleMediationStatisticsDemo() {
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 53_000L, List.of(
                new ItemReport.Item("HYJT", TOWN, NONE, (y, t, f, r) -> SyntheticPeople.poisson(r,
                        DemoDistrict.population(y) * t.share() / 10_000 * trend(y, 9, 6)))));
    }
}
