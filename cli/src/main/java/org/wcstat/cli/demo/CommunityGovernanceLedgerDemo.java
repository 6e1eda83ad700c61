package org.wcstat.cli.demo;

import java.util.List;

import static org.wcstat.cli.demo.ItemReport.Level.DISTRICT;
import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.Sexes.NONE;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The civil affairs bureau's ledger of community governance and elderly care (城乡社区治理和养老服务
 * 统计台账), in the long layout of {@link ItemReport}: residents' committee members and directors by
 * town and sex; villages, and those with at least one woman in the village party organisation or
 * committee (村"两委"); urban communities and villages, and those served by an elderly care service
 * (a day care centre, a care station or home visits); home elderly care enterprises and organisations,
 * elderly care volunteer teams and community elderly care complexes by town; the district's
 * professional volunteer team and care home for the disabled elderly.
 *
 * <p>Invented for the demo (no district figure was found): five committee members a community, women
 * 48% rising to 52%, directors 32% to 42%; villages with a woman in the two committees 93% to 100%;
 * communities served by elderly care 60% to 92%; one home care provider a town, two in the largest
 * from 2020; a volunteer team in every town from 2021 and a complex in every town from 2022; the
 * district's team from 2022 and its care home from 2023.
 */
final class CommunityGovernanceLedgerDemo {
    static final String TABLE = "MZ_SQ_TZ";

    private CommunityGovernanceLedgerDemo() {
    }

    private static long committee(DemoDistrict.Town t, int perCommunity, int year, boolean female, double in2015, double in2025) {
        int size = perCommunity * WomenInDecisionMakingReturnDemo.units(t, false);
        // both sexes' rows draw the same women, so that they add up to the committees' size
        int women = ItemReport.draw(new java.util.Random(java.util.Objects.hash(t.code(), perCommunity, year)), size, trend(year, in2015, in2025));
        return female ? women : size - women;
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 52_000L, List.of(
                new ItemReport.Item("JWHCY", TOWN, BOTH, (y, t, f, r) -> committee(t, 5, y, f, 0.48, 0.52)),
                new ItemReport.Item("JWHZR", TOWN, BOTH, (y, t, f, r) -> committee(t, 1, y, f, 0.32, 0.42)),
                new ItemReport.Item("XZC", TOWN, NONE, (y, t, f, r) -> WomenInDecisionMakingReturnDemo.units(t, true),
                        new ItemReport.Part("LWYNX", (y, t, f) -> Math.min(1.0, trend(y, 0.93, 1.02)))),
                new ItemReport.Item("CXSQ", TOWN, NONE, (y, t, f, r) -> WomenInDecisionMakingReturnDemo.units(t, true) + WomenInDecisionMakingReturnDemo.units(t, false),
                        new ItemReport.Part("YLFW", (y, t, f) -> trend(y, 0.60, 0.92))),
                new ItemReport.Item("JJYL", TOWN, NONE, (y, t, f, r) -> y >= 2020 && t == DemoDistrict.TOWNS.get(0) ? 2 : 1),
                new ItemReport.Item("YLZYD", TOWN, NONE, (y, t, f, r) -> y >= 2021 ? 1 : 0),
                new ItemReport.Item("YLZHT", TOWN, NONE, (y, t, f, r) -> y >= 2022 ? 1 : 0),
                new ItemReport.Item("QJZYD", DISTRICT, NONE, (y, t, f, r) -> y >= 2022 ? 1 : 0),
                new ItemReport.Item("SNZHL", DISTRICT, NONE, (y, t, f, r) -> y >= 2023 ? 1 : 0)));
    }
}
