package org.wcstat.jobs.assess;

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
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The assess stage on indicator values written by hand into indicators.value: the four tables it
 * writes, a re-run leaving them as they were, and a later year keeping the earlier year's rows.
 * Expected values are worked out in the comments (the same series as core's BreakdownAssessmentTest).
 */
class AssessJobTest {
    static final String DISTRICT = "510811";
    static final String YUANBA = "510811100";
    static final String WEIZI = "510811101";

    @TempDir
    static Path home;
    static SparkSession spark;
    static AssessJob.Outcome outcome;
    static List<String> series2024;
    static List<String> evaluation2024;
    static Map<String, List<String>> afterFirstRun;
    static Map<String, List<String>> afterSecondRun;

    @BeforeAll
    static void assessHandMadeValues() throws Exception {
        Path conf = AssessConf.write(home.resolve("conf"), """
                indicators:
                  - {code: SLOW, plan: children, area: health, name_zh: 慢率, name_en: slow, unit: "%",
                     numerator: a, denominator: b, factor: 100, by: [town], target: ">= 90", sources: [health]}
                  - {code: GONE, plan: children, area: health, name_zh: 断率, name_en: gone, unit: "‰",
                     numerator: a, denominator: b, factor: 1000, target: "<= 5", sources: [health]}
                  - {code: JUMP, plan: children, area: education, name_zh: 跳率, name_en: jump, unit: "%",
                     numerator: a, denominator: b, factor: 100, target: ">= 80", sources: [health]}
                  - {code: NONE, plan: women, area: health, name_zh: 无率, name_en: none, unit: "%",
                     numerator: a, denominator: b, factor: 100, target: ">= 95", sources: [health]}
                  - {code: PLAIN, plan: women, area: health, name_zh: 数, name_en: plain, unit: "人次",
                     numerator: a, sources: [health]}
                """);
        Configuration config = Configuration.load(conf);
        spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();

        List<Row> values = new ArrayList<>();
        // SLOW: 80, 80.6, 81.2, 81.8, 82.4 in 2020-2024; 元坝镇 70 and 卫子镇 104.3 in 2024
        double[] slow = {80, 80.6, 81.2, 81.8, 82.4};
        for (int i = 0; i < slow.length; i++) value(values, "SLOW", 2020 + i, DISTRICT, slow[i]);
        value(values, "SLOW", 2024, YUANBA, 70);
        value(values, "SLOW", 2024, WEIZI, 104.3);
        // GONE: 6, 5.8, 5.6 in 2021-2023, nothing in 2024
        value(values, "GONE", 2021, DISTRICT, 6);
        value(values, "GONE", 2022, DISTRICT, 5.8);
        value(values, "GONE", 2023, DISTRICT, 5.6);
        // JUMP: 90, 91, 90, 91, 90, 70 in 2019-2024
        double[] jump = {90, 91, 90, 91, 90, 70};
        for (int i = 0; i < jump.length; i++) value(values, "JUMP", 2019 + i, DISTRICT, jump[i]);
        // PLAIN (no target): 120 and 150 in 2023-2024; NONE has no value at all
        value(values, "PLAIN", 2023, DISTRICT, 120);
        value(values, "PLAIN", 2024, DISTRICT, 150);
        // a value after the year assessed is not read
        value(values, "SLOW", 2025, DISTRICT, 99);
        wh.append(spark.createDataFrame(values, spark.table(Warehouse.INDICATOR_VALUES).schema()), Warehouse.INDICATOR_VALUES);

        JobContext ctx = new JobContext(config, home, wh, Progress.SILENT, Map.of());
        outcome = new AssessJob().assess(ctx, 2024);
        afterFirstRun = tables();
        new AssessJob().assess(ctx, 2024);
        afterSecondRun = tables();
        series2024 = afterSecondRun.get(Warehouse.SERIES);
        evaluation2024 = afterSecondRun.get(Warehouse.EVALUATION);
        new AssessJob().assess(ctx, 2026);
    }

    private static void value(List<Row> rows, String indicator, int year, String region, double v) {
        rows.add(RowFactory.create(indicator, year, region, "_T", "_T", "_T", 1, v, 100.0, v, null, null, ""));
    }

    private static Map<String, List<String>> tables() {
        return Map.of(Warehouse.SERIES, sorted(Warehouse.SERIES, ""), Warehouse.ASSESSMENT, sorted(Warehouse.ASSESSMENT, ""),
                Warehouse.WARNINGS, sorted(Warehouse.WARNINGS, ""), Warehouse.EVALUATION, sorted(Warehouse.EVALUATION, ""));
    }

    private static List<String> sorted(String table, String where) {
        return spark.sql("SELECT * FROM " + table + where).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static Row one(String sql) {
        List<Row> rows = spark.sql(sql).collectAsList();
        assertEquals(1, rows.size(), sql + " gave " + rows);
        return rows.get(0);
    }

    @Test
    void aSecondRunLeavesEveryTableAsItWas() {
        assertEquals(afterFirstRun, afterSecondRun);
        assertTrue(afterFirstRun.values().stream().noneMatch(List::isEmpty), afterFirstRun.toString());
    }

    @Test
    void theSeriesHasEveryBreakdownUpToTheYear() {
        // SLOW 5 + 2 towns, GONE 3, JUMP 6, PLAIN 2: 18 rows; the 2025 value is left out
        assertEquals(18, series2024.size());
        assertTrue(series2024.stream().noneMatch(r -> r.contains(",2025,")), series2024.toString());
        // SLOW in 2022: 81.2, +0.6 on 80.6 = 0.7444%, trend 0.6 a year through 80, 80.6, 81.2: up
        assertTrue(series2024.contains("[SLOW,510811,_T,_T,_T,2022,81.2,81.2,0.5999999999999943,0.7444168734491557,0.5999999999999943,up,]")
                || series2024.stream().anyMatch(r -> r.startsWith("[SLOW,510811,_T,_T,_T,2022,81.2,81.2,0.6") && r.endsWith(",up,]")),
                series2024.toString());
        // PLAIN: 120 → 150 is +30 = +25%, too few points for a trend
        assertTrue(series2024.contains("[PLAIN,510811,_T,_T,_T,2024,150.0,150.0,30.0,25.0,null,none,]"), series2024.toString());
    }

    @Test
    void theAssessmentOfTheYear() {
        // SLOW: R = 0.6260, anticipated 83 (2025) and 86 (2030), 4 short of 90
        Row slow = one("SELECT * FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2024 AND indicator = 'SLOW' AND region = '510811'");
        assertEquals("needs_acceleration", slow.getAs("status"));
        assertEquals("需加快", slow.getAs("status_zh"));
        assertEquals("progress made but acceleration needed", slow.getAs("status_en"));
        assertEquals("cagr_ratio", slow.getAs("method"));
        assertEquals(0.6260, slow.<Double>getAs("ratio"), 1e-4);
        assertEquals(82.4, slow.<Double>getAs("current_value"), 1e-9);
        assertEquals(90.0, slow.<Double>getAs("target_value"), 1e-9);
        assertEquals(83.0, slow.<Double>getAs("anticipated_2025"), 1e-9);
        assertEquals(86.0, slow.<Double>getAs("anticipated_2030"), 1e-9);
        assertEquals(-4.0, slow.<Double>getAs("gap_2030"), 1e-9);
        // GONE is judged on its latest value, 5.6 in 2023: (5.6/6)^(1/2) − 1 = −0.033908 against
        // (5/6)^(1/9) − 1 = −0.020055 required from its first year 2021: R = 1.6908, on track
        Row gone = one("SELECT * FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2024 AND indicator = 'GONE'");
        assertEquals("on_track", gone.getAs("status"));
        assertEquals("cagr_ratio+baseline_shifted", gone.getAs("method"));
        assertEquals(1.6908, gone.<Double>getAs("ratio"), 1e-4);
        // NONE has no value: insufficient data, said so; PLAIN has no target and no assessment row
        Row none = one("SELECT * FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2024 AND indicator = 'NONE'");
        assertEquals("insufficient_data", none.getAs("status"));
        assertEquals("no_data", none.getAs("method"));
        assertEquals("No district value up to 2024: nothing to judge.", none.getAs("note"));
        assertEquals(0L, spark.sql("SELECT count(*) FROM " + Warehouse.ASSESSMENT + " WHERE indicator = 'PLAIN'").first().getLong(0));
        // the towns of SLOW are judged too (one value each: insufficient data)
        assertEquals(3L, spark.sql("SELECT count(*) FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2024 AND indicator = 'SLOW'").first().getLong(0));
    }

    @Test
    void warningsOfEveryKindNamingIndicatorBreakdownAndNumbers() {
        List<Row> warnings = spark.sql("SELECT * FROM " + Warehouse.WARNINGS + " WHERE assessed_year = 2024").collectAsList();
        Set<String> kinds = new TreeSet<>();
        warnings.forEach(w -> kinds.add(w.getAs("kind")));
        assertEquals(new TreeSet<>(List.of("projected_miss", "needs_acceleration", "fluctuation", "group_lag", "missing_year", "implausible")), kinds);

        Row lag = one("SELECT * FROM " + Warehouse.WARNINGS + " WHERE assessed_year = 2024 AND kind = 'group_lag'");
        // 元坝镇 70 against 82.4: 12.4 worse = 15.0% of 82.4: medium (卫子镇's 104.3 is better, not lagging)
        assertEquals(YUANBA, lag.getAs("region"));
        assertEquals("medium", lag.getAs("severity"));
        assertEquals("SLOW 慢率 (元坝镇): 70 in 2024 against the district's 82.4, worse by 12.4 (15.0% of the district's value), "
                + "beyond the 10% gap allowed.", lag.getAs("reason"));
        Row implausible = one("SELECT * FROM " + Warehouse.WARNINGS + " WHERE assessed_year = 2024 AND kind = 'implausible'");
        assertEquals(WEIZI, implausible.getAs("region"));
        assertTrue(implausible.<String>getAs("reason").startsWith("SLOW 慢率 (卫子镇): 104.3 % in 2024 is outside the plausible range [0, 100]"));
        Row missing = one("SELECT * FROM " + Warehouse.WARNINGS + " WHERE assessed_year = 2024 AND kind = 'missing_year'");
        assertEquals("high", missing.getAs("severity"));
        assertEquals("GONE 断率 (昭化区): no value for 2024 in the series since 2021, the last value is 5.6 in 2023.", missing.getAs("reason"));
        Row jump = one("SELECT * FROM " + Warehouse.WARNINGS + " WHERE assessed_year = 2024 AND kind = 'fluctuation' AND indicator = 'JUMP'");
        assertEquals("high", jump.getAs("severity"));
        assertTrue(jump.<String>getAs("reason").startsWith("JUMP 跳率 (昭化区): strong fluctuation, the 2024 change -20 has a modified z-score of -6.41"));
        // an indicator without a target fluctuates too: 120 → 150 is +25%, beyond ±20%, two values give no z-score
        Row plain = one("SELECT * FROM " + Warehouse.WARNINGS + " WHERE assessed_year = 2024 AND kind = 'fluctuation' AND indicator = 'PLAIN'");
        assertEquals("medium", plain.getAs("severity"));
        assertEquals("PLAIN 数 (昭化区): strong fluctuation, too few year-on-year changes for a modified z-score; 120 to 150 is a "
                + "year-on-year change of 25.00% beyond the ±20.00% bound.", plain.getAs("reason"));

        assertEquals(warnings.size(), outcome.warningCount());
    }

    @Test
    void provisionalEvaluationsFromTheYearsData() {
        // children: SLOW needs acceleration, GONE on track, JUMP: 90 (2020... first from 2020: 91) → 70 < 80 after
        // meeting it in 2020: target lost, deterioration. 1 of 3 quantified achieved or on track.
        // women: NONE insufficient data: 0 of 1. (The counts by status: achieved, on track, needs acceleration, limited
        // progress, deterioration, inconclusive, insufficient data.)
        assertTrue(evaluation2024.contains("[2030,2024,children,_T,3,3,0,1,1,0,1,0,0,暂定（据2024年数据）：3项量化指标中1项已实现或进展顺利，1项按趋势预计可如期实现目标,"
                + "provisional, from the data up to 2024: 1 of 3 quantified indicators achieved or on track; 1 anticipated to meet their target on time,provisional,1]"),
                evaluation2024.toString());
        assertTrue(evaluation2024.stream().anyMatch(r -> r.startsWith("[2025,2024,women,_T,1,1,0,0,0,0,0,0,1,")), evaluation2024.toString());
        // children/health, children/education, women/health and the two plans, for 2025 and 2030
        assertEquals(10, evaluation2024.size());
    }

    @Test
    void aLaterYearKeepsTheEarlierAssessmentAndEvaluatesTheMidTermOnItsOwnData() {
        assertTrue(spark.sql("SELECT count(*) FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2024").first().getLong(0) > 0);
        // run for 2026: the 2025 evaluation now uses the data up to 2025, where SLOW reached 99 ≥ 90: achieved
        Row mid = one("SELECT * FROM " + Warehouse.EVALUATION + " WHERE evaluation_year = 2025 AND plan = 'children' AND area = '_T'");
        assertEquals(2025, mid.<Integer>getAs("assessed_year"));
        assertEquals("observed", mid.getAs("basis"));
        assertEquals(1, mid.<Integer>getAs("achieved"));
        Row fin = one("SELECT * FROM " + Warehouse.EVALUATION + " WHERE evaluation_year = 2030 AND plan = 'children' AND area = '_T'");
        assertEquals(2026, fin.<Integer>getAs("assessed_year"));
        assertEquals("provisional", fin.getAs("basis"));
    }

    @Test
    void theOutcomeSummarisesEachPlan() {
        assertEquals(List.of("children: 1 on track, 1 progress made but acceleration needed, 1 deterioration",
                "women: 1 insufficient data"), outcome.planLines());
        // SLOW (district and two towns), GONE, JUMP, PLAIN: 6 series
        assertTrue(outcome.summary().startsWith("assessed 4 indicator(s) with a target for 2024, 6 breakdown series; "
                + outcome.warningCount() + " warning(s) ("), outcome.summary());
    }
}
