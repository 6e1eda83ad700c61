package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.wcstat.core.dimension.Regions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which facts of an extract are subtotals, on facts written by hand (no Spark: the rows are collected facts). */
class SubtotalsTest {
    static final Regions REGIONS = new Regions(new Regions.Region("510811", "昭化区", "Zhaohua District", false),
            List.of(new Regions.Region("510811101", "卫子镇", "Weizi", false), new Regions.Region("510811108", "昭化镇", "Zhaohua", false),
                    new Regions.Region("510811100", "元坝镇", "Yuanba", false)));

    @Test
    void aTownGivingOnlyItsTotalIsAPartNotASubtotal() {
        // 卫子镇 F 4, M 5; 昭化镇 F 2, M 3; 元坝镇 only a total, 7; the district's total 21 = 4 + 5 + 2 + 3 + 7
        List<Row> facts = List.of(fact("510811101", "F", 4), fact("510811101", "M", 5), fact("510811108", "F", 2),
                fact("510811108", "M", 3), fact("510811100", "_T", 7), fact("510811", "_T", 21));
        List<Subtotals.Subtotal> s = new Subtotals(REGIONS, false).of("report", facts);
        // only the district's row is a subtotal, and it agrees with its parts, 元坝镇's total among them
        assertEquals(List.of("2024|pupils|510811|_T|_T|_T"), s.stream().map(Subtotals.Subtotal::key).toList());
        assertNull(s.get(0).disagreement());
    }

    @Test
    void aDistrictRowAloneIsData() {
        // an extract kept at the district only: nothing to break it down, nothing is a subtotal
        assertEquals(List.of(), new Subtotals(REGIONS, false).of("report", List.of(fact("510811", "F", 3), fact("510811", "M", 4))));
    }

    @Test
    void aDistrictsOwnUnitIsAPartBesideTheTowns() {
        // people's congress deputies: the district's own congress 117 M, 63 F beside the towns' 卫子镇 40 M, 20 F;
        // with district_rows: own the district's rows are parts, no subtotal, so all four are counted (and by sex, the
        // district's _T row is still the subtotal of its F and M: 180 = 117 + 63)
        List<Row> facts = List.of(fact("510811", "M", 117), fact("510811", "F", 63), fact("510811101", "M", 40),
                fact("510811101", "F", 20), fact("510811", "_T", 180));
        List<Subtotals.Subtotal> s = new Subtotals(REGIONS, true).of("report", facts);
        assertEquals(List.of("2024|pupils|510811|_T|_T|_T"), s.stream().map(Subtotals.Subtotal::key).toList());
        assertNull(s.get(0).disagreement());
        // as subtotals (the default), the district's F and M would be the towns' sums and disagree with them
        assertEquals(3, new Subtotals(REGIONS, false).of("report", facts).size());
    }

    @Test
    void aTotalOfSexThatDisagreesIsNamed() {
        // 卫子镇 F 4 + M 5 = 9 against its 合计 10
        List<Subtotals.Subtotal> s = new Subtotals(REGIONS, false).of("report",
                List.of(fact("510811101", "F", 4), fact("510811101", "M", 5), fact("510811101", "_T", 10)));
        assertEquals(1, s.size());
        assertEquals("region=卫子镇 510811101, sex=_T, age_band=_T, residence=_T, measure=pupils, year=2024", s.get(0).disagreement().rowKey());
        assertEquals("a subtotal row of pupils, not added to its parts: it gives 10, its 2 part row(s) under it sum to 9 (a difference of -1);"
                + " the parts are counted; check which is right", s.get(0).disagreement().reason());
    }

    @Test
    void aProvincesReportHasASubtotalPerTownAndOneForTheArea() {
        // a province's 7,440 towns, each F (1 to 7) and M (1 to 5) with its 合计 F + M, but town 500's 合计 one too many;
        // the area's 合计 is every town's F + M: 7,440 town subtotals and the area's, and only town 500's disagrees, by -1
        List<Regions.Region> towns = new ArrayList<>();
        List<Row> facts = new ArrayList<>();
        double area = 0;
        for (int i = 0; i < 7440; i++) {
            String code = String.format("510811%04d", i);
            towns.add(new Regions.Region(code, "镇" + i, "Town " + i, false));
            double f = i % 7 + 1;
            double m = i % 5 + 1;
            area += f + m;
            facts.add(fact(code, "F", f));
            facts.add(fact(code, "M", m));
            facts.add(fact(code, "_T", f + m + (i == 500 ? 1 : 0)));
        }
        facts.add(fact("510811", "_T", area));
        Regions regions = new Regions(new Regions.Region("510811", "某省", "A province", false), towns);
        List<Subtotals.Subtotal> s = new Subtotals(regions, false).of("report", facts);
        assertEquals(7441, s.size());
        List<Subtotals.Subtotal> disagreeing = s.stream().filter(t -> t.disagreement() != null).toList();
        assertEquals(List.of("2024|pupils|5108110500|_T|_T|_T"), disagreeing.stream().map(Subtotals.Subtotal::key).toList());
        assertTrue(disagreeing.get(0).disagreement().reason().contains("a difference of -1"), disagreeing.get(0).disagreement().reason());
    }

    @Test
    void onlyAYearAndMeasureWithATotalBesideAnotherCodeCanHoldASubtotal() {
        // a bit per dimension whose code is the total: region 1, sex 2, age 4, residence 8
        // 2024 pupils: cells with every code their own (0) and the district's 合计 of all (15): a total beside other codes
        // 2024 births: every fact a town's total of sex and age by residence (6): no dimension has both, nothing to check
        // 2023 births: one fact of every age (6), another of its own age (2): age has both
        // 2022 deaths: the district's cells only (1): no code of its own beside the total
        Set<String> groups = Subtotals.groupsThatMayHold(Arrays.asList("2024|pupils|0;2024|pupils|15;2024|births|6",
                "2023|births|6;2023|births|2", "2022|deaths|1", "", null));
        assertEquals(Set.of("2024|pupils", "2023|births"), groups);
    }

    private static Row fact(String region, String sex, double value) {
        return RowFactory.create("pupils", 2024, region, sex, "_T", "_T", value, "edu", "report", "l1");
    }
}
