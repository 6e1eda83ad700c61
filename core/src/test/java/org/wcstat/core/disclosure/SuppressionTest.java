package org.wcstat.core.disclosure;

import org.junit.jupiter.api.Test;
import org.wcstat.core.dimension.CellKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Primary and secondary suppression on tables made by hand; each expected pattern is argued in its comment. */
class SuppressionTest {
    static final SmallCounts THREE = new SmallCounts(3, false);
    static final String D = "510811";
    static final CellKey TOTAL = CellKey.total(D);

    @Test
    void naivePrimarySuppressionLeaksTheSmallTownThroughTheDistrictTotal() {
        // Infant deaths by town: 卫子 1, 昭化 5, 柏林沟 7, 虎跳 9; district 22.
        // Primary only: 卫子 withheld, the rest published, and 22 - 5 - 7 - 9 = 1 gives it away.
        CellKey weizi = town("101"), zhaohua = town("108"), bailingou = town("104"), hutiao = town("106");
        Map<CellKey, Double> counts = counts(TOTAL, 22, weizi, 1, zhaohua, 5, bailingou, 7, hutiao, 9);
        Set<CellKey> primary = Set.of(weizi);
        assertEquals(List.of(weizi), derivable(counts, primary), "the leak primary suppression leaves");

        // Secondary: the smallest other town, 昭化 (5), is withheld too. The reader now learns only that
        // 卫子 + 昭化 = 22 - 7 - 9 = 6, which fits 1+5, 2+4, 3+3 ... and is not itself a small count.
        var withheld = suppress(counts, primary, THREE);
        assertEquals(Map.of(weizi, Suppression.Reason.PRIMARY, zhaohua, Suppression.Reason.SECONDARY), withheld);
        assertEquals(List.of(), derivable(counts, withheld.keySet()));
    }

    @Test
    void twoSmallCellsWhoseSumIsSmallAreNotEnough() {
        // Towns 1, 1, 8, 10; district 20. Both 1s are withheld, yet 20 - 8 - 10 = 2 and a withheld cell
        // is at least 1 (zeros are published), so both must be 1. The sum 2 is a small count: the next
        // smallest town, 8, is withheld as well, leaving 1 + 1 + 8 = 10 to the reader.
        CellKey a = town("101"), b = town("102"), c = town("103"), d = town("104");
        Map<CellKey, Double> counts = counts(TOTAL, 20, a, 1, b, 1, c, 8, d, 10);
        var withheld = suppress(counts, Set.of(a, b), THREE);
        assertEquals(Map.of(a, Suppression.Reason.PRIMARY, b, Suppression.Reason.PRIMARY, c, Suppression.Reason.SECONDARY), withheld);
    }

    @Test
    void aPublishedZeroIsNotChosenToHideASmallCount() {
        // Towns 1, 0, 6, 8; district 15; zeros are published. Withholding the 0 beside the 1 would leave
        // 15 - 6 - 8 = 1 to the reader; the smallest non-zero town, 6, is withheld instead (sum 7).
        CellKey a = town("101"), zero = town("102"), c = town("103"), d = town("104");
        Map<CellKey, Double> counts = counts(TOTAL, 15, a, 1, zero, 0, c, 6, d, 8);
        var withheld = suppress(counts, Set.of(a), THREE);
        assertEquals(Set.of(a, c), withheld.keySet());
        assertFalse(withheld.containsKey(zero));
    }

    @Test
    void whenZerosCountAWithheldZeroNeedsANonZeroPartner() {
        // Zeros withheld too: towns 0, 4, 5; district 9. Primary: the 0. Its sum with nothing is 0, a small
        // count under this rule, so the smallest non-zero town, 4, is withheld: 0 + 4 = 4 is not small.
        SmallCounts withZeros = new SmallCounts(3, true);
        CellKey zero = town("101"), b = town("102"), c = town("103");
        Map<CellKey, Double> counts = counts(TOTAL, 9, zero, 0, b, 4, c, 5);
        Set<CellKey> primary = primary(counts, withZeros);
        assertEquals(Set.of(zero), primary);
        assertEquals(Map.of(zero, Suppression.Reason.PRIMARY, b, Suppression.Reason.SECONDARY), suppress(counts, primary, withZeros));
    }

    @Test
    void sexAndTownBreakdownsAreProtectedTogether() {
        // Maternal near-miss cases: towns 1, 4, 6 and girls/boys-like F 2, M 9 of a district 11.
        // Primary: town 101 (1) and F (2). Towns: withhold 102 (4), sum 5. Sex: only M is left, withhold it:
        // F + M = 11, the total, tells nothing about F. The total and town 103 stay published.
        CellKey t1 = town("101"), t2 = town("102"), t3 = town("103");
        CellKey f = new CellKey(D, "F", "_T", "_T"), m = new CellKey(D, "M", "_T", "_T");
        Map<CellKey, Double> counts = counts(TOTAL, 11, t1, 1, t2, 4, t3, 6, f, 2, m, 9);
        Set<CellKey> primary = primary(counts, THREE);
        assertEquals(Set.of(t1, f), primary);
        var withheld = suppress(counts, primary, THREE);
        assertEquals(Map.of(t1, Suppression.Reason.PRIMARY, f, Suppression.Reason.PRIMARY,
                t2, Suppression.Reason.SECONDARY, m, Suppression.Reason.SECONDARY), withheld);
        assertEquals(List.of(), derivable(counts, withheld.keySet()));
    }

    @Test
    void urbanRuralAndAgeBandsAreGroupsOfTheirOwn() {
        // Residence U 2, R 30 (total 32) and ages 0-14: 12, 15-17: 20. U is small; its only partner R is
        // withheld. The age groups are untouched: 12 and 20 and the total 32 stay published.
        CellKey u = new CellKey(D, "_T", "_T", "U"), r = new CellKey(D, "_T", "_T", "R");
        CellKey young = new CellKey(D, "_T", "0-14", "_T"), old = new CellKey(D, "_T", "15-17", "_T");
        Map<CellKey, Double> counts = counts(TOTAL, 32, u, 2, r, 30, young, 12, old, 20);
        var withheld = suppress(counts, primary(counts, THREE), THREE);
        assertEquals(Set.of(u, r), withheld.keySet());
    }

    @Test
    void aSmallTotalHasItsSmallPartsWithIt() {
        // District 2 = town 101 (2) + town 102 (0); F 1 + M 1. Every non-zero cell is a small count; with
        // the total and both sexes withheld, and town 101 with the total, no group has a lone withheld cell.
        CellKey t1 = town("101"), t2 = town("102");
        CellKey f = new CellKey(D, "F", "_T", "_T"), m = new CellKey(D, "M", "_T", "_T");
        Map<CellKey, Double> counts = counts(TOTAL, 2, t1, 2, t2, 0, f, 1, m, 1);
        var withheld = suppress(counts, primary(counts, THREE), THREE);
        assertEquals(Set.of(TOTAL, t1, f, m), withheld.keySet());
        assertTrue(withheld.values().stream().allMatch(r -> r == Suppression.Reason.PRIMARY));
    }

    @Test
    void nothingSmallNothingWithheld() {
        CellKey t1 = town("101"), t2 = town("102");
        Map<CellKey, Double> counts = counts(TOTAL, 30, t1, 10, t2, 20);
        assertEquals(Map.of(), suppress(counts, primary(counts, THREE), THREE));
    }

    @Test
    void theGroupsAreTheOneDimensionBreakdownsOfTheDistrictTotal() {
        CellKey t1 = town("101"), f = new CellKey(D, "F", "_T", "_T"), u = new CellKey(D, "_T", "_T", "U");
        CellKey age = new CellKey(D, "_T", "6-11", "_T");
        // a town by sex is no part of these breakdowns: it is left out
        CellKey townGirls = new CellKey(D + "101", "F", "_T", "_T");
        var groups = AdditiveGroup.oneWay(List.of(TOTAL, t1, f, u, age, townGirls), D);
        assertEquals(List.of(new AdditiveGroup<>(TOTAL, List.of(t1)), new AdditiveGroup<>(TOTAL, List.of(f)),
                new AdditiveGroup<>(TOTAL, List.of(age)), new AdditiveGroup<>(TOTAL, List.of(u))), groups);
    }

    private static CellKey town(String suffix) {
        return new CellKey(D + suffix, "_T", "_T", "_T");
    }

    private static Map<CellKey, Double> counts(Object... keyAndCount) {
        Map<CellKey, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyAndCount.length; i += 2) {
            m.put((CellKey) keyAndCount[i], ((Number) keyAndCount[i + 1]).doubleValue());
        }
        return m;
    }

    private static Set<CellKey> primary(Map<CellKey, Double> counts, SmallCounts rule) {
        Set<CellKey> p = new java.util.HashSet<>();
        counts.forEach((k, v) -> {
            if (rule.suppress(v)) p.add(k);
        });
        return p;
    }

    private static Map<CellKey, Suppression.Reason> suppress(Map<CellKey, Double> counts, Set<CellKey> primary, SmallCounts rule) {
        return new Suppression<>(counts, AdditiveGroup.oneWay(counts.keySet(), D), rule).apply(primary);
    }

    /** The withheld cells a reader can work out exactly: the only unknown of some group's sum. */
    private static List<CellKey> derivable(Map<CellKey, Double> counts, Set<CellKey> withheld) {
        List<CellKey> out = new ArrayList<>();
        for (var g : AdditiveGroup.oneWay(counts.keySet(), D)) {
            List<CellKey> unknown = new ArrayList<>();
            if (withheld.contains(g.total())) unknown.add(g.total());
            for (CellKey p : g.parts()) if (withheld.contains(p)) unknown.add(p);
            if (unknown.size() == 1) out.add(unknown.get(0));
        }
        return out;
    }
}
