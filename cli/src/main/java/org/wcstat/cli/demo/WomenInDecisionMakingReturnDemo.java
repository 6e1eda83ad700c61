package org.wcstat.cli.demo;

import java.util.List;
import java.util.Random;

import static org.wcstat.cli.demo.ItemReport.Level.DISTRICT;
import static org.wcstat.cli.demo.ItemReport.Level.TOWN;
import static org.wcstat.cli.demo.ItemReport.Sexes.BOTH;
import static org.wcstat.cli.demo.ItemReport.trend;

/**
 * The organisation department's yearly return on women in decision-making (妇女参与决策和管理情况统计表),
 * in the long layout of {@link ItemReport}, by sex: party members and the delegates of the district's
 * and the towns' party congresses; deputies of the district's and the towns' people's congresses and
 * the district's standing committee; members and standing committee members of the district's CPPCC
 * committee; board and supervisory board members and managers of the district's state-owned
 * enterprises (district-wide); members and secretaries of the villages' and the communities' party
 * organisations (by town).
 *
 * <p>Invented for the demo (no district figure was found): sizes of a district of 134,000 people —
 * 7,000 party members, 200 district and 90 town party congress delegates a town, 180 district and 55
 * town people's congress deputies a town, 25 standing committee members, 150 CPPCC members and 22 of
 * its standing committee, 40 board, 25 supervisory board members and 60 managers; women's shares
 * rising slowly over the decade, the figures of the first and the last year given below.
 */
final class WomenInDecisionMakingReturnDemo {
    static final String TABLE = "FN_JC_TJ";

    private WomenInDecisionMakingReturnDemo() {
    }

    /** Members of one sex of a body of a given size, women's share moving from its 2015 to its 2025 value. */
    private static ItemReport.Amount body(int size, double in2015, double in2025) {
        return (y, t, f, r) -> draw(t, size, y, f, in2015, in2025);
    }

    /** The same for each town's village (about 15 a town) or community bodies, with so many members each. */
    private static ItemReport.Amount perTown(boolean villages, int members, double in2015, double in2025) {
        return (y, t, f, r) -> draw(t, members * units(t, villages), y, f, in2015, in2025);
    }

    static int units(DemoDistrict.Town t, boolean villages) {
        return villages ? (int) Math.round(t.share() * 180) : t.code().endsWith("100") ? 3 : t.code().endsWith("101") ? 2 : 1;
    }

    private static long draw(DemoDistrict.Town t, int size, int year, boolean female, double in2015, double in2025) {
        // the women's and the men's row draw the same women, so that the two add up to the body's size
        Random same = new Random(java.util.Objects.hash(t == null ? "510811" : t.code(), size, year, in2015));
        int women = ItemReport.draw(same, size, trend(year, in2015, in2025));
        return female ? women : size - women;
    }

    static void write(DemoDatabase db) throws Exception {
        ItemReport.write(db, TABLE, 50_000L, List.of(
                new ItemReport.Item("DY", DISTRICT, BOTH, body(7000, 0.27, 0.31)),
                new ItemReport.Item("DDB", DISTRICT, BOTH, body(200, 0.28, 0.33)),
                new ItemReport.Item("DDB", TOWN, BOTH, (y, t, f, r) -> draw(t, 90, y, f, 0.29, 0.34)),
                new ItemReport.Item("RDDB", DISTRICT, BOTH, body(180, 0.27, 0.32)),
                new ItemReport.Item("RDDB", TOWN, BOTH, (y, t, f, r) -> draw(t, 55, y, f, 0.26, 0.31)),
                new ItemReport.Item("RDCW", DISTRICT, BOTH, body(25, 0.20, 0.28)),
                new ItemReport.Item("ZXWY", DISTRICT, BOTH, body(150, 0.25, 0.32)),
                new ItemReport.Item("ZXCW", DISTRICT, BOTH, body(22, 0.18, 0.27)),
                new ItemReport.Item("GQDS", DISTRICT, BOTH, body(40, 0.15, 0.22)),
                new ItemReport.Item("GQJS", DISTRICT, BOTH, body(25, 0.25, 0.32)),
                new ItemReport.Item("GQGL", DISTRICT, BOTH, body(60, 0.18, 0.26)),
                new ItemReport.Item("CDZZ", TOWN, BOTH, perTown(true, 4, 0.18, 0.26)),
                new ItemReport.Item("CDZS", TOWN, BOTH, perTown(true, 1, 0.08, 0.14)),
                new ItemReport.Item("SQDZZ", TOWN, BOTH, perTown(false, 5, 0.40, 0.50)),
                new ItemReport.Item("SQDZS", TOWN, BOTH, perTown(false, 1, 0.30, 0.40))));
    }
}
