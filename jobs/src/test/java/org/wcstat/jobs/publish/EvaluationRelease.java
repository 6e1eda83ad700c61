package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.TestRepo;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.assess.AssessJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The releases of 2025, the outlines' mid-term evaluation year, and of 2026, the year after it, published from
 * indicator values written by hand and judged by the real assess stage, with the shipped configuration
 * (evaluation_years [2025, 2030]). Shared by the evaluation's tests so that Spark runs once.
 *
 * <pre>
 * District totals (2,000 in every denominator):
 * C-E-02 学前教育毛入园率 (%, ≥ 97): 2020 90, 2021 92, 2022 94, 2023 95, 2024 96, 2025 98 (1,960 / 2,000)
 *   -> 98 ≥ 97 in 2025: achieved (已实现)
 * C-E-04 高中阶段毛入学率 (%, ≥ 98): 90, 90.4, 90.8, 91.2, 91.6, 92 (a straight line, +0.4 a year)
 *   observed growth (92 / 90)^(1/5) − 1 = 0.4405% a year; required (98 / 90)^(1/10) − 1 = 0.8552% a year;
 *   ratio 0.4405 / 0.8552 = 0.515 < 0.60: limited progress (进展有限)
 *   the line reaches 92 + 5 × 0.4 = 94 in 2030: gap 94 − 98 = −4, the target is not met
 * C-H-02a 儿童健康素养水平 (%, increase only): 20, 20.8, 21.6, 22.4, 23.2, 24 (400 … 480 / 2,000)
 *   growth (24 / 20)^(1/5) − 1 = 3.71% a year ≥ 1.5%: on track; trend up (slope 0.8 a year)
 * W-H-02 孕产妇死亡率 (1/100000, ≤ 12): 2 / 3,000 in 2020, then 1 / 3,000 each year: every value rests on a count
 *   below the threshold of 3 and is withheld, so its figures leave the evaluation too; its status stays
 * C-H-02b 儿童照护人健康素养水平 (%, increase only): 1 of 2 carers in 2020 (50), then 2 of 2 (100) each year: every
 *   count below 3, withheld. 100 is the natural limit of a % (plausible_ranges): 已实现 by the method at_limit,
 *   which says the value itself (2 of 2), so the release withholds the status too (不予公布), and takes it out of
 *   the counts of children's health and of the children's outline (an achieved indicator fewer)
 * Every other indicator with a target has no value: insufficient data.
 * Children and education: 14 indicators, all with a numeric target (conf/indicators/children-education.yaml):
 *   1 achieved (C-E-02), 1 limited progress (C-E-04), 12 insufficient data:
 *   "14项量化指标中1项已实现或进展顺利"
 * 2026 adds C-E-02 98.5, C-E-04 92.4, C-H-02a 24.8; the 2026 release still shows the 2025 evaluation.
 * </pre>
 */
final class EvaluationRelease {
    static final int YEAR = 2025;
    static final int NEXT = 2026;
    static final String DISTRICT = "510811";
    static final String CHILDREN_EDUCATION_SUMMARY = "14项量化指标中1项已实现或进展顺利";

    private static EvaluationRelease instance;

    final Path home;
    final Path dir;
    final Path next;
    final Configuration config;
    /** What publish said when it published 2025 again from the same data. */
    final String republished;

    private EvaluationRelease(Path home, Configuration config, String republished) {
        this.home = home;
        this.dir = home.resolve("releases").resolve(String.valueOf(YEAR));
        this.next = home.resolve("releases").resolve(String.valueOf(NEXT));
        this.config = config;
        this.republished = republished;
    }

    SparkSession spark() {
        return Spark.session(Spark.localWarehouse(home));
    }

    static synchronized EvaluationRelease get() {
        if (instance == null) {
            try {
                instance = publish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** An empty warehouse under target/{@code folder}, of the shipped configuration, for values written by hand. */
    static JobContext emptyHome(String folder) throws IOException {
        Path home = Files.createDirectories(Path.of("target").toAbsolutePath().resolve(folder))
                .resolve(String.valueOf(ProcessHandle.current().pid()));
        if (Files.exists(home)) Releases.deleteTree(home);
        Files.createDirectories(home);
        Warehouse wh = new Warehouse(Spark.session(Spark.localWarehouse(home))).ensureTables();
        return new JobContext(Configuration.load(TestRepo.demoConf()), home, wh, Progress.SILENT, Map.of());
    }

    private static EvaluationRelease publish() throws IOException {
        JobContext ctx = emptyHome("evaluation-test");
        Path home = ctx.home();
        Configuration config = ctx.config();
        Warehouse wh = ctx.warehouse();
        SparkSession spark = wh.spark();

        List<Row> values = new ArrayList<>();
        double[] preschool = {1800, 1840, 1880, 1900, 1920, 1960};
        double[] highSchool = {1800, 1808, 1816, 1824, 1832, 1840};
        double[] literate = {400, 416, 432, 448, 464, 480};
        double[] maternal = {2, 1, 1, 1, 1, 1};
        double[] carers = {1, 2, 2, 2, 2, 2};
        for (int i = 0; i < 6; i++) {
            int year = 2020 + i;
            rate(values, "C-E-02", year, preschool[i], 2000, 100);
            rate(values, "C-E-04", year, highSchool[i], 2000, 100);
            rate(values, "C-H-02a", year, literate[i], 2000, 100);
            rate(values, "C-H-02b", year, carers[i], 2, 100);
            // the catalog pools W-H-02 over 3 years: the values assess judges are the pooled ones
            rate(values, "W-H-02", year, 3, maternal[i], 3000, 100000);
        }
        wh.append(spark.createDataFrame(values, spark.table(Warehouse.INDICATOR_VALUES).schema()), Warehouse.INDICATOR_VALUES);
        new AssessJob().assess(ctx, YEAR);
        new PublishJob().run(ctx, YEAR, Optional.empty());
        String again = new PublishJob().run(ctx, YEAR, Optional.empty());

        List<Row> later = new ArrayList<>();
        rate(later, "C-E-02", NEXT, 1970, 2000, 100);
        rate(later, "C-E-04", NEXT, 1848, 2000, 100);
        rate(later, "C-H-02a", NEXT, 496, 2000, 100);
        wh.append(spark.createDataFrame(later, spark.table(Warehouse.INDICATOR_VALUES).schema()), Warehouse.INDICATOR_VALUES);
        new AssessJob().assess(ctx, NEXT);
        new PublishJob().run(ctx, NEXT, Optional.empty());
        return new EvaluationRelease(home, config, again);
    }

    /** A value of an indicator the catalog does not pool: the year alone. */
    static void rate(List<Row> rows, String indicator, int year, double numerator, double denominator, double factor) {
        rate(rows, indicator, year, 1, numerator, denominator, factor);
    }

    private static void rate(List<Row> rows, String indicator, int year, int pooledYears, double numerator, double denominator, double factor) {
        rows.add(RowFactory.create(indicator, year, DISTRICT, "_T", "_T", "_T", pooledYears, numerator, denominator,
                numerator / denominator * factor, null, null, pooledYears > 1 ? "pooled_" + pooledYears + "y" : ""));
    }
}
