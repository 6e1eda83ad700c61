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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One release of 2024 published from a warehouse filled by hand, shared by the tests of the workbook, the PDF
 * and the web report so that Spark runs once. The shipped configuration (catalog, regions, yearbook layout)
 * is used as it is.
 *
 * <pre>
 * C-H-03b 婴儿死亡率 (‰, target <= 5.0, by sex, residence, town), district total:
 *   2020  6 / 2,000 = 3.0    2021  8 / 2,000 = 4.0    2022  no row
 *   2023  5 / 1,250 = 4.0    2024  9 / 2,000 = 4.5
 *   2024 girls 2 / 1,000 = 2.0 -> withheld (2 deaths < threshold 3); boys 7 / 1,000 = 7.0
 *   2024 卫子镇 4 / 800 = 5.0; 昭化镇 5 / 1,200 = 4.1667
 *   assessed: on track (进展顺利); a town's assessment row must not be taken for the district's
 * W-H-02 孕产妇死亡率 (1/100000): 2024 0 / 2,000 = 0 (a zero is not withheld); not assessed
 * C-E-02 学前教育毛入园率 (%): 2023 1,800 / 2,000 = 90.0; 2024 1,960 / 2,000 = 98.0;
 *   2024 girls 950 / 1,000 = 95.0, boys 1,010 / 1,000 = 101.0; assessed achieved (已实现) in 2024,
 *   deteriorating in 2023 (an older judgement, not shown)
 * W-L-09 妇女获得法律援助人次 (人次, a count, by age and town): 2024 total 120; aged 18-24 30, aged 65+ 2 (withheld)
 * Warnings 2024: C-H-03b girls, group_lag, high — its girls' value is withheld, so its reason is not published;
 *   C-E-02 district, fluctuation, medium — published with its reason
 * </pre>
 */
final class PublishedRelease {
    static final int YEAR = 2024;
    static final String DISTRICT = "510811";
    static final String WEIZI = "510811101";
    static final String ZHAOHUA = "510811108";
    static final String WITHHELD_REASON = "女婴死亡率2.0‰，高于男婴，差距为2例";
    static final String PUBLISHED_REASON = "学前教育毛入园率2024年较上年上升8.0个百分点，波动较大";

    private static PublishedRelease instance;

    final Path home;
    final Path dir;
    final Configuration config;

    private PublishedRelease(Path home, Configuration config) {
        this.home = home;
        this.dir = home.resolve("releases").resolve(String.valueOf(YEAR));
        this.config = config;
    }

    /**
     * The release's warehouse. Asked for each time: a Spark test of another class running in between may
     * have replaced the JVM's one session with its own.
     */
    SparkSession spark() {
        return Spark.session(Spark.localWarehouse(home));
    }

    static synchronized PublishedRelease get() {
        if (instance == null) {
            try {
                instance = publish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static PublishedRelease publish() throws IOException {
        Path home = Files.createDirectories(Path.of("target").toAbsolutePath().resolve("publish-test"))
                .resolve(String.valueOf(ProcessHandle.current().pid()));
        Files.createDirectories(home);
        Configuration config = Configuration.load(TestRepo.demoConf());
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();

        List<Row> values = new ArrayList<>();
        value(values, "C-H-03b", 2020, DISTRICT, "_T", 6, 2000, 3.0);
        value(values, "C-H-03b", 2021, DISTRICT, "_T", 8, 2000, 4.0);
        value(values, "C-H-03b", 2023, DISTRICT, "_T", 5, 1250, 4.0);
        value(values, "C-H-03b", 2024, DISTRICT, "_T", 9, 2000, 4.5);
        value(values, "C-H-03b", 2024, DISTRICT, "F", 2, 1000, 2.0);
        value(values, "C-H-03b", 2024, DISTRICT, "M", 7, 1000, 7.0);
        value(values, "C-H-03b", 2024, WEIZI, "_T", 4, 800, 5.0);
        value(values, "C-H-03b", 2024, ZHAOHUA, "_T", 5, 1200, 5000.0 / 1200);
        value(values, "W-H-02", 2024, DISTRICT, "_T", 0, 2000, 0.0);
        value(values, "C-E-02", 2023, DISTRICT, "_T", 1800, 2000, 90.0);
        value(values, "C-E-02", 2024, DISTRICT, "_T", 1960, 2000, 98.0);
        value(values, "C-E-02", 2024, DISTRICT, "F", 950, 1000, 95.0);
        value(values, "C-E-02", 2024, DISTRICT, "M", 1010, 1000, 101.0);
        rows(values, "W-L-09", 2024, DISTRICT, "_T", 120);
        rows(values, "W-L-09", 2024, DISTRICT, "18-24", 30);
        rows(values, "W-L-09", 2024, DISTRICT, "65+", 2);
        wh.append(spark.createDataFrame(values, spark.table(Warehouse.INDICATOR_VALUES).schema()), Warehouse.INDICATOR_VALUES);

        List<Row> assessed = new ArrayList<>();
        assessed.add(assessment("C-H-03b", 2024, DISTRICT, "on_track", "进展顺利", "on track"));
        assessed.add(assessment("C-H-03b", 2024, WEIZI, "deterioration", "退步", "deterioration"));
        assessed.add(assessment("C-E-02", 2024, DISTRICT, "achieved", "已实现", "achieved"));
        assessed.add(assessment("C-E-02", 2023, DISTRICT, "deterioration", "退步", "deterioration"));
        wh.append(spark.createDataFrame(assessed, spark.table(Warehouse.ASSESSMENT).schema()), Warehouse.ASSESSMENT);

        List<Row> warnings = List.of(
                RowFactory.create(2024, "C-H-03b", DISTRICT, "F", "_T", "_T", "group_lag", "high", WITHHELD_REASON),
                RowFactory.create(2024, "C-E-02", DISTRICT, "_T", "_T", "_T", "fluctuation", "medium", PUBLISHED_REASON));
        wh.append(spark.createDataFrame(warnings, spark.table(Warehouse.WARNINGS).schema()), Warehouse.WARNINGS);

        new PublishJob().run(new JobContext(config, home, wh, Progress.SILENT, Map.of()), YEAR, Optional.empty());
        return new PublishedRelease(home, config);
    }

    private static void value(List<Row> rows, String indicator, int year, String region, String sex,
                              double numerator, double denominator, double value) {
        // the shipped catalog pools W-H-02 over three years: its value as published is the pooled one
        int pooledYears = indicator.equals("W-H-02") ? 3 : 1;
        rows.add(RowFactory.create(indicator, year, region, sex, "_T", "_T", pooledYears, numerator, denominator, value, null, null, ""));
    }

    /** A count: no denominator, the value is the numerator. */
    private static void rows(List<Row> rows, String indicator, int year, String region, String ageBand, double count) {
        rows.add(RowFactory.create(indicator, year, region, "_T", ageBand, "_T", 1, count, null, count, null, null, ""));
    }

    private static Row assessment(String indicator, int year, String region, String status, String zh, String en) {
        return RowFactory.create(indicator, year, region, "_T", "_T", "_T", status, zh, en, "cagr_ratio",
                2020, null, null, null, null, null, null, null, null, null);
    }
}
