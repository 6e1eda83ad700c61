package org.wcstat.jobs.compute;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.TestConf;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass computation on facts written by hand: breakdowns, three-year pooling, confidence
 * intervals and the small-number flags. Expected values are worked out in the comments.
 */
class ComputeJobTest {
    static final String WEIZI = "510811101";
    static final String ZHAOHUA = "510811108";

    @TempDir
    static Path home;
    static SparkSession spark;

    @BeforeAll
    static void computeFromHandMadeFacts() throws Exception {
        Path conf = home.resolve("conf");
        // a source producing the measures the test catalog names; it is never read here
        TestConf.write(conf, List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml"), "B: live_births, D: deaths, W: women_members, A: all_members", """
                indicators:
                  - {code: RATE, plan: children, area: health, name_zh: 率, name_en: rate, unit: "‰",
                     numerator: deaths, denominator: live_births, factor: 1000, by: [town, sex],
                     interval: poisson, target: "<= 5", sources: [health]}
                  - {code: POOLED, plan: children, area: health, name_zh: 合并率, name_en: pooled rate, unit: "1/100000",
                     numerator: deaths, denominator: live_births, factor: 100000, pooled_years: 3,
                     interval: poisson, target: "<= 12", sources: [health]}
                  - {code: SHARE, plan: women, area: decision, name_zh: 比例, name_en: share, unit: "%",
                     numerator: women_members, denominator: all_members, factor: 100, by: [town],
                     interval: wilson, target: ">= 30", sources: [health]}
                  - {code: BOYS, plan: children, area: family, name_zh: 男婴, name_en: boys, unit: "人",
                     numerator: "live_births{sex=M}", sources: [health]}
                  - {code: VS2022, plan: children, area: health, name_zh: 比2022年, name_en: births against 2022, unit: "%",
                     numerator: live_births, denominator: "live_births@2022", factor: 100, by: [town],
                     target: "-20% vs 2022", sources: [health]}
                  - {code: GAP, plan: children, area: health, name_zh: 男女差距, name_en: boys' less girls' rate, unit: "‰",
                     numerator: "deaths{sex=M}", denominator: "live_births{sex=M}", factor: 1000,
                     minus: {numerator: "deaths{sex=F}", denominator: "live_births{sex=F}"}, by: [town],
                     target: decrease, sources: [health]}
                  - {code: COHORT, plan: children, area: health, name_zh: 队列, name_en: girls against two years before, unit: "%",
                     numerator: "live_births{sex=F}", denominator: "live_births{sex=F}@-2", factor: 100, sources: [health]}
                  - {code: NO_BASE, plan: children, area: health, name_zh: 无基年, name_en: no base year data, unit: "%",
                     numerator: live_births, denominator: "live_births@2019", factor: 100, sources: [health]}
                  - {code: WEIZI_SHARE, plan: children, area: health, name_zh: 卫子镇占比, name_en: Weizi's share of births, unit: "%",
                     numerator: "live_births{region=510811101}", denominator: live_births, factor: 100, by: [sex], sources: [health]}
                """);
        Configuration config = Configuration.load(conf);
        spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();

        List<Row> facts = new ArrayList<>();
        // 2024: births 卫子镇 M 300 F 280, 昭化镇 M 220 F 200 (1,000); deaths 卫子镇 M 2, 昭化镇 F 1 (3)
        fact(facts, "live_births", 2024, WEIZI, "M", 300);
        fact(facts, "live_births", 2024, WEIZI, "F", 280);
        fact(facts, "live_births", 2024, ZHAOHUA, "M", 220);
        fact(facts, "live_births", 2024, ZHAOHUA, "F", 200);
        fact(facts, "deaths", 2024, WEIZI, "M", 2);
        fact(facts, "deaths", 2024, ZHAOHUA, "F", 1);
        // 2023 and 2022: 1,100 and 1,200 births, 0 and 1 deaths; 2021 (outside the window): 9 deaths
        fact(facts, "live_births", 2023, WEIZI, "M", 1100);
        fact(facts, "deaths", 2023, WEIZI, "M", 0);
        fact(facts, "live_births", 2022, WEIZI, "F", 1200);
        fact(facts, "deaths", 2022, ZHAOHUA, "F", 1);
        fact(facts, "live_births", 2021, WEIZI, "F", 1000);
        fact(facts, "deaths", 2021, WEIZI, "F", 9);
        // a town seen only in 2022: no 2024 row may come of it
        fact(facts, "live_births", 2022, "510811100", "M", 50);
        // village committees 2024: 卫子镇 3 women of 7, 昭化镇 40 of 100
        fact(facts, "women_members", 2024, WEIZI, "_T", 3);
        fact(facts, "all_members", 2024, WEIZI, "_T", 7);
        fact(facts, "women_members", 2024, ZHAOHUA, "_T", 40);
        fact(facts, "all_members", 2024, ZHAOHUA, "_T", 100);
        wh.append(spark.createDataFrame(facts, spark.table(Warehouse.FACTS).schema()), Warehouse.FACTS);

        JobContext ctx = new JobContext(config, home, wh, Progress.SILENT, Map.of());
        new ComputeJob().run(ctx, 2024, Optional.empty());
    }

    @Test
    void aRateByTownAndSexWithItsExactPoissonInterval() {
        // 3 deaths / 1,000 births x 1000 = 3.0‰; Garwood 95% for x = 3: [χ²(.025; 6)/2, χ²(.975; 8)/2]
        // = [1.2373/2, 17.5345/2] = [0.6187, 8.7673] events, so [0.6187, 8.7673]‰ over 1,000 births
        Row total = row("RATE", "510811", "_T");
        assertEquals(3.0, total.<Double>getAs("value"), 1e-9);
        assertEquals(0.6187, total.<Double>getAs("ci_low"), 1e-3);
        assertEquals(8.7673, total.<Double>getAs("ci_high"), 1e-3);
        // fewer than 20 events: unstable
        assertEquals("unstable", total.getAs("flags"));
        // 卫子镇 2 / 580 x 1000 = 3.448‰; 昭化镇 1 / 420 x 1000 = 2.381‰
        assertEquals(2000.0 / 580, row("RATE", WEIZI, "_T").<Double>getAs("value"), 1e-9);
        assertEquals(1000.0 / 420, row("RATE", ZHAOHUA, "_T").<Double>getAs("value"), 1e-9);
        // boys 2 / 520 = 3.846‰; girls 1 / 480 = 2.083‰
        assertEquals(2000.0 / 520, row("RATE", "510811", "M").<Double>getAs("value"), 1e-9);
        assertEquals(1000.0 / 480, row("RATE", "510811", "F").<Double>getAs("value"), 1e-9);
    }

    @Test
    void aPooledRateSumsTheYearAndTheTwoBefore() {
        // 2022-2024: deaths 1 + 0 + 3 = 4; births (1,200 + 50) + 1,100 + 1,000 = 3,350; 2021 left out.
        // 4 / 3,350 x 100,000 = 119.40 per 100,000. Garwood x = 4: [χ²(.025; 8)/2, χ²(.975; 10)/2]
        // = [2.1797/2, 20.4832/2] = [1.0899, 10.2416] -> [32.53, 305.72] per 100,000
        Row pooled = row("POOLED", "510811", "_T");
        assertEquals(4.0, pooled.<Double>getAs("numerator"), 1e-9);
        assertEquals(3350.0, pooled.<Double>getAs("denominator"), 1e-9);
        assertEquals(400000.0 / 3350, pooled.<Double>getAs("value"), 1e-9);
        assertEquals(1.0899 / 3350 * 100000, pooled.<Double>getAs("ci_low"), 0.05);
        assertEquals(10.2416 / 3350 * 100000, pooled.<Double>getAs("ci_high"), 0.05);
        assertEquals("pooled_3y,unstable", pooled.getAs("flags"));
    }

    @Test
    void aPooledRateHasTheYearAloneBesideIt() {
        // 2024 alone: 3 deaths / 1,000 births x 100,000 = 300 per 100,000; Garwood x = 3: [0.6187, 8.7673]
        // events over 1,000 births -> [61.87, 876.73] per 100,000; no pooled flag, fewer than 20 events
        Row single = row("POOLED", "510811", "_T", 1);
        assertEquals(3.0, single.<Double>getAs("numerator"), 1e-9);
        assertEquals(1000.0, single.<Double>getAs("denominator"), 1e-9);
        assertEquals(300.0, single.<Double>getAs("value"), 1e-9);
        assertEquals(61.87, single.<Double>getAs("ci_low"), 0.01);
        assertEquals(876.73, single.<Double>getAs("ci_high"), 0.01);
        assertEquals("unstable", single.getAs("flags"));
    }

    @Test
    void aShareWithItsWilsonInterval() {
        // 卫子镇 3 of 7 = 42.857%. Wilson, z = 1.95996: centre (3/7 + z²/14) / (1 + z²/7) = 0.45388,
        // half-width z·√(p(1-p)/7 + z²/196) / (1 + z²/7) = 0.29566 -> [15.82%, 74.95%]
        Row weizi = row("SHARE", WEIZI, "_T");
        assertEquals(300.0 / 7, weizi.<Double>getAs("value"), 1e-9);
        assertEquals(15.822, weizi.<Double>getAs("ci_low"), 0.01);
        assertEquals(74.954, weizi.<Double>getAs("ci_high"), 0.01);
        // district: 43 of 107 = 40.187%
        assertEquals(4300.0 / 107, row("SHARE", "510811", "_T").<Double>getAs("value"), 1e-9);
    }

    @Test
    void aCountHasNoDenominatorAndNoInterval() {
        // boys born in 2024: 300 + 220 = 520
        Row boys = row("BOYS", "510811", "_T");
        assertEquals(520.0, boys.<Double>getAs("value"), 1e-9);
        assertNull(boys.getAs("denominator"));
        assertNull(boys.getAs("ci_low"));
        assertEquals("", boys.getAs("flags"));
    }

    @Test
    void aRatioToABaseYearReadsThatYearsFacts() {
        // births 2024 over births 2022: district 1,000 / (1,200 + 50) x 100 = 80%;
        // 卫子镇 580 / 1,200 x 100 = 48.33%; 元坝镇 (510811100) 0 / 50 = 0%, a town with births in the
        // base year only; 昭化镇 420 / 0: no value, flagged
        assertEquals(80.0, row("VS2022", "510811", "_T").<Double>getAs("value"), 1e-9);
        assertEquals(58000.0 / 1200, row("VS2022", WEIZI, "_T").<Double>getAs("value"), 1e-9);
        assertEquals(0.0, row("VS2022", "510811100", "_T").<Double>getAs("value"), 1e-9);
        Row zhaohua = row("VS2022", ZHAOHUA, "_T");
        assertNull(zhaohua.getAs("value"));
        assertEquals("zero_denominator", zhaohua.getAs("flags"));
    }

    @Test
    void aGapIsTheFirstRatioLessTheSecond() {
        // boys 2 / 520 x 1000 = 3.8462‰ less girls 1 / 480 x 1000 = 2.0833‰: 1.7628 points;
        // numerator and denominator are the first ratio's
        Row total = row("GAP", "510811", "_T");
        assertEquals(2000.0 / 520 - 1000.0 / 480, total.<Double>getAs("value"), 1e-9);
        assertEquals(2.0, total.<Double>getAs("numerator"), 1e-9);
        assertEquals(520.0, total.<Double>getAs("denominator"), 1e-9);
        assertEquals("difference", total.getAs("flags"));
        // 卫子镇 2 / 300 - 0 / 280 = 6.667‰; 昭化镇 0 / 220 - 1 / 200 = -5‰
        assertEquals(2000.0 / 300, row("GAP", WEIZI, "_T").<Double>getAs("value"), 1e-9);
        assertEquals(-5.0, row("GAP", ZHAOHUA, "_T").<Double>getAs("value"), 1e-9);
    }

    @Test
    void aTermSomeYearsBackReadsThatYear() {
        // girls born 2024: 280 + 200 = 480; girls born 2022: 1,200 -> 40%
        Row cohort = row("COHORT", "510811", "_T");
        assertEquals(480.0, cohort.<Double>getAs("numerator"), 1e-9);
        assertEquals(1200.0, cohort.<Double>getAs("denominator"), 1e-9);
        assertEquals(40.0, cohort.<Double>getAs("value"), 1e-9);
    }

    @Test
    void aTermOfOneTownIsSummedOverThatTownInTheTotalAndEveryGroup() {
        // 卫子镇's births of 2024, 300 + 280 = 580, of the district's 1,000: 58%; boys 300 of 520 = 57.69%,
        // girls 280 of 480 = 58.33% (the total and the sexes are summed over the towns first, but for such a term)
        assertEquals(58.0, row("WEIZI_SHARE", "510811", "_T").<Double>getAs("value"), 1e-9);
        assertEquals(30000.0 / 520, row("WEIZI_SHARE", "510811", "M").<Double>getAs("value"), 1e-9);
        assertEquals(28000.0 / 480, row("WEIZI_SHARE", "510811", "F").<Double>getAs("value"), 1e-9);
    }

    @Test
    void anIndicatorWhoseBaseYearHasNoFactsIsNotComputed() {
        assertEquals(0, spark.sql("SELECT count(*) FROM " + Warehouse.INDICATOR_VALUES + " WHERE indicator = 'NO_BASE'").first().getLong(0));
    }

    @Test
    void onlyTheYearComputedIsWritten() {
        long other = spark.sql("SELECT count(*) FROM " + Warehouse.INDICATOR_VALUES + " WHERE year <> 2024").first().getLong(0);
        assertEquals(0, other);
        // RATE: total + 2 towns + 2 sexes = 5; POOLED: total = 1; SHARE: total + 2 towns = 3; BOYS: total = 1;
        // VS2022: total + 3 towns = 4; GAP: total + 2 towns = 3; COHORT: total = 1; NO_BASE: none;
        // WEIZI_SHARE: total + 2 sexes = 3 -> 21; and POOLED's 2024 alone beside its pooled value: 22
        assertEquals(22, spark.sql("SELECT count(*) FROM " + Warehouse.INDICATOR_VALUES).first().getLong(0));
    }

    /** The value an indicator is published by: POOLED's pooled over three years, the others' of the year. */
    private static Row row(String indicator, String region, String sex) {
        return row(indicator, region, sex, indicator.equals("POOLED") ? 3 : 1);
    }

    private static Row row(String indicator, String region, String sex, int pooledYears) {
        List<Row> rows = spark.sql("SELECT * FROM " + Warehouse.INDICATOR_VALUES + " WHERE indicator = '" + indicator
                + "' AND year = 2024 AND region = '" + region + "' AND sex = '" + sex + "' AND residence = '_T'"
                + " AND pooled_years = " + pooledYears).collectAsList();
        assertEquals(1, rows.size(), indicator + " " + region + " " + sex + ": " + rows);
        return rows.get(0);
    }

    private static void fact(List<Row> facts, String measure, int year, String region, String sex, double value) {
        facts.add(RowFactory.create(measure, year, region, sex, "_T", "_T", value, "health", "report", "test"));
    }
}
