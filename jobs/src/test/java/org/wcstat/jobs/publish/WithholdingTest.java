package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.disclosure.SmallCounts;
import org.wcstat.jobs.TestRepo;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Withholding across a family's years and windows and into the values derived from it, on the shipped catalog. */
class WithholdingTest {
    private static final String D = "510811";

    private static Configuration config;

    @BeforeAll
    static void load() {
        config = Configuration.load(TestRepo.demoConf());
    }

    @Test
    void aGapIsWithheldWhenTheUrbanOrRuralRateItSubtractsIs() {
        // C-H-03b 婴儿死亡率 by residence, and C-H-03e its rural less urban gap.
        // 2023: urban 5 / 700, rural 9 / 1,300, district 14 / 2,000: nothing small, the gap
        //   (9/1300 - 5/700) x 1000 = 6.923 - 7.143 = -0.220 is published.
        // 2024: urban 2 / 700 (2 < 3: withheld), rural 8 / 1,300 withheld to protect it (district 10 - 8 = 2);
        //   the gap (8/1300 - 2/700) x 1000 = 3.297 would give the urban rate away beside any published rural one,
        //   so it is withheld although its own counts (8 deaths, 1,300 births) are not small.
        List<Row> rows = new ArrayList<>();
        for (int[] y : new int[][] {{2023, 5, 9}, {2024, 2, 8}}) rows.addAll(infantDeathsByResidence(y[0], y[1], 700, y[2], 1300));
        Withholding w = new Withholding(config.catalog(), D, SmallCounts.DEFAULT);
        List<PublishedValue> out = w.apply(rows);
        assertFalse(find(out, "C-H-03e", 2023, "_T", 1).suppressed());
        assertEquals(-0.2198, find(out, "C-H-03e", 2023, "_T", 1).value(), 1e-4);
        assertTrue(find(out, "C-H-03b", 2024, "U", 1).suppressed());
        assertTrue(find(out, "C-H-03b", 2024, "R", 1).suppressed());
        assertFalse(find(out, "C-H-03b", 2024, "_T", 1).suppressed());
        assertTrue(find(out, "C-H-03e", 2024, "_T", 1).suppressed());
        // primary: urban 2024; secondary: rural 2024 and the gap
        assertEquals(1, w.primary());
        assertEquals(2, w.secondary());
    }

    @Test
    void aGapWithheldForItsParentLosesAStatusThatSaysItIsZero() {
        // C-H-03b 婴儿死亡率 2024: urban 2 / 700 (2 < 3: withheld), rural 4 / 1,400 withheld to protect it (district
        // 6 - 4 = 2), district 6 / 2,100 published. The gap C-H-03e = (4/1400 - 2/700) x 1000 = 2.857 - 2.857 = 0 is
        // withheld with its parent. Its goal (城乡差距逐步缩小) is judged on the gap's size, bounded below by 0: at 0 it is
        // 已实现 by the method at_limit, which says rural = urban, and with the district's 6 / 2,100 and the
        // denominators the urban 2 deaths. That status is withheld; the district's rate, published, keeps its own.
        List<Row> rows = infantDeathsByResidence(2024, 2, 700, 4, 1400);
        List<PublishedValue> out = new Withholding(config.catalog(), D, SmallCounts.DEFAULT).apply(rows);
        assertTrue(find(out, "C-H-03e", 2024, "_T", 1).suppressed());
        assertFalse(find(out, "C-H-03b", 2024, "_T", 1).suppressed());

        ReleaseTables tables = new ReleaseTables(PublishedValue.headline(out));
        List<Row> judged = tables.assessment(List.of(
                assessed("C-H-03e", "growth_rate+absolute_gap+at_limit", 0.0),
                assessed("C-H-03b", "growth_rate+at_limit", 2.857)));
        StructType a = ASSESSED;
        assertEquals(ReleaseTables.WITHHELD_STATUS, judged.get(0).getString(a.fieldIndex("status")));
        assertEquals("growth_rate+absolute_gap", judged.get(0).getString(a.fieldIndex("method")));
        assertNull(judged.get(0).get(a.fieldIndex("current_value")));
        assertEquals("achieved", judged.get(1).getString(a.fieldIndex("status")), "a published series keeps its status");
        assertEquals(2.857, judged.get(1).getDouble(a.fieldIndex("current_value")), 1e-12);
    }

    /**
     * C-H-03b 婴儿死亡率 of a year in the district (its deaths and births the sum of urban and rural), urban and rural,
     * and C-H-03e, its rural less urban gap per 1,000.
     */
    private static List<Row> infantDeathsByResidence(int year, int urbanDeaths, int urbanBirths, int ruralDeaths, int ruralBirths) {
        return List.of(
                rate("C-H-03b", year, "_T", "_T", 1, urbanDeaths + ruralDeaths, urbanBirths + ruralBirths, 1000),
                rate("C-H-03b", year, "_T", "U", 1, urbanDeaths, urbanBirths, 1000),
                rate("C-H-03b", year, "_T", "R", 1, ruralDeaths, ruralBirths, 1000),
                ValueRows.row("C-H-03e", year, D, "_T", "_T", 1, ruralDeaths, (double) ruralBirths,
                        ((double) ruralDeaths / ruralBirths - (double) urbanDeaths / urbanBirths) * 1000));
    }

    /** The columns of indicators.assessment that disclosure control reads or rewrites. */
    private static final StructType ASSESSED = new StructType().add("indicator", "string").add("region", "string").add("sex", "string")
            .add("age_band", "string").add("residence", "string").add("status", "string").add("status_zh", "string")
            .add("status_en", "string").add("method", "string").add("baseline_value", "double").add("current_value", "double")
            .add("ratio", "double").add("anticipated_2025", "double").add("anticipated_2030", "double").add("gap_2030", "double")
            .add("note", "string");

    /** A district's judgement of 2024, achieved by {@code method}. */
    private static Row assessed(String indicator, String method, double current) {
        return new GenericRowWithSchema(new Object[]{indicator, D, "_T", "_T", "_T", "achieved", "已实现", "target achieved", method,
                null, current, null, null, null, null, "a note quoting the figures"}, ASSESSED);
    }

    @Test
    void aPooledValueAndTheYearsOfItsWindowNeverLeaveOneSmallYearToSubtract() {
        // W-H-02 孕产妇死亡率, pooled over 3 years, beside the years alone: deaths 2022 1, 2023 4, 2024 3;
        // pooled 2022-2024: 8 deaths over 6,000 births. 2022 alone (1 < 3) is withheld; with 2023, 2024 and the
        // pooled 8 published, 2022 = 8 - 4 - 3 = 1. So the smallest published year, 2024 (3), is withheld too:
        // then the reader knows only 2022 + 2024 = 4, which is not small.
        List<Row> rows = new ArrayList<>();
        rows.add(rate("W-H-02", 2022, "_T", "_T", 1, 1, 2000, 100000));
        rows.add(rate("W-H-02", 2023, "_T", "_T", 1, 4, 2000, 100000));
        rows.add(rate("W-H-02", 2024, "_T", "_T", 1, 3, 2000, 100000));
        rows.add(rate("W-H-02", 2024, "_T", "_T", 3, 8, 6000, 100000));
        Withholding w = new Withholding(config.catalog(), D, SmallCounts.DEFAULT);
        List<PublishedValue> out = w.apply(rows);
        assertTrue(find(out, "W-H-02", 2022, "_T", 1).suppressed());
        assertFalse(find(out, "W-H-02", 2023, "_T", 1).suppressed());
        assertTrue(find(out, "W-H-02", 2024, "_T", 1).suppressed());
        assertFalse(find(out, "W-H-02", 2024, "_T", 3).suppressed());
        assertEquals(8 / 6000.0 * 100000, find(out, "W-H-02", 2024, "_T", 3).value(), 1e-9);
        assertEquals(1, w.primary());
        assertEquals(1, w.secondary());
    }

    @Test
    void aPooledValueShortOfYearsIsGroupedWithTheYearsItSums() {
        // W-H-02 for 2022 pools 2021-2022 only (births of 2020 were never loaded): its flag says pooled_years=2021-2022.
        // Deaths 2020 1 (withheld, under 3), 2021 0, 2022 4; pooled 0 + 4 = 4 over 4,000 births. 2020 is not in the
        // pooled value, so 2021 and 2022 with the pooled 4 give nothing away: all three are published. Grouped with its
        // whole window (2020-2022), the withheld 2020 would wrongly cost the 2022 value too.
        List<Row> rows = new ArrayList<>();
        rows.add(rate("W-H-02", 2020, "_T", "_T", 1, 1, 2000, 100000));
        rows.add(rate("W-H-02", 2021, "_T", "_T", 1, 0, 2000, 100000));
        rows.add(rate("W-H-02", 2022, "_T", "_T", 1, 4, 2000, 100000));
        rows.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {"W-H-02", 2022, D, "_T", "_T", "_T", 3,
                4.0, 4000.0, 100.0, null, null, "pooled_3y,pooled_partial,pooled_years=2021-2022"}, ValueRows.SCHEMA));
        Withholding w = new Withholding(config.catalog(), D, SmallCounts.DEFAULT);
        List<PublishedValue> out = w.apply(rows);
        assertTrue(find(out, "W-H-02", 2020, "_T", 1).suppressed());
        assertFalse(find(out, "W-H-02", 2021, "_T", 1).suppressed());
        assertFalse(find(out, "W-H-02", 2022, "_T", 1).suppressed());
        assertFalse(find(out, "W-H-02", 2022, "_T", 3).suppressed());
        assertEquals(1, w.primary());
        assertEquals(0, w.secondary());
    }

    @Test
    void aBirthOfUnknownSexLeavesTheSexesNoSafer() {
        // C-H-03b 2024 by sex: 10 infant deaths over 1,000 births, girls 2 / 480, boys 7 / 500, and 1 death of a baby of
        // unknown sex (sex 9), counted in the total only and named by the total's flag unknown_sex=1. The girls' 2 is
        // withheld; 10 - 7 - 1 = 2 would give it back, so the boys' 7 is withheld as well, and the total stays.
        List<Row> rows = new ArrayList<>();
        rows.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {"C-H-03b", 2024, D, "_T", "_T", "_T", 1,
                10.0, 1000.0, 10.0, null, null, "unknown_sex=1"}, ValueRows.SCHEMA));
        rows.add(ValueRows.row("C-H-03b", 2024, D, "F", "_T", 1, 2, 480.0, 2 / 480.0 * 1000));
        rows.add(ValueRows.row("C-H-03b", 2024, D, "M", "_T", 1, 7, 500.0, 7 / 500.0 * 1000));
        Withholding w = new Withholding(config.catalog(), D, SmallCounts.DEFAULT);
        List<PublishedValue> out = w.apply(rows);
        assertFalse(out.get(0).suppressed());
        assertTrue(out.get(1).suppressed());
        assertTrue(out.get(2).suppressed());
        assertEquals(1, w.primary());
        assertEquals(1, w.secondary());
    }

    private static Row rate(String indicator, int year, String sex, String residence, int pooled, double num, double den, double factor) {
        return ValueRows.row(indicator, year, D, sex, residence, pooled, num, den, num / den * factor);
    }


    private static PublishedValue find(List<PublishedValue> out, String indicator, int year, String residence, int pooled) {
        return out.stream().filter(v -> v.indicator().equals(indicator) && v.year() == year && v.residence().equals(residence)
                && v.pooledYears() == pooled).findFirst().orElseThrow();
    }
}
