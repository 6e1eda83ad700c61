package org.wcstat.cli.demo;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.cli.TestRepo;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.pipeline.Pipeline;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.PipelineRunner;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A year of hand-written department databases run through the shipped pipeline, and what to ask of the result. */
final class HandWrittenYear {
    static final double EPS = 1e-9;

    private HandWrittenYear() {
    }

    /** Writes one department's H2 database: its tables, then its rows. */
    static void db(Path dir, String name, String... ddlAndRows) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(name), "sa", "");
             Statement s = c.createStatement()) {
            for (String sql : ddlAndRows) {
                s.execute(sql);
            }
        }
    }

    /**
     * Runs pipelines/yearly-load.yaml for the year over the home's departments, with the shipped conf; the
     * tables a test wrote no rows for are created empty first, and the return of the department that reports by
     * file is the demo's.
     */
    static JobContext run(Path home, int year) throws Exception {
        OutlineTables.createMissing(home.resolve("departments"));
        // the department that reports by file (no database to write by hand) sends the demo's return
        NextGenerationReturnDemo.write(home);
        Configuration config = Configuration.load(TestRepo.demoConf());
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        JobContext ctx = new JobContext(config, home, new Warehouse(spark).ensureTables(), Progress.SILENT, Map.of());
        PipelineRunner.run(ctx, Pipeline.load(TestRepo.root().resolve("pipelines/yearly-load.yaml")), year);
        return ctx;
    }

    /** The values an indicator is published by: a pooled indicator's pooled ones, not the year alone beside them. */
    static List<Row> values(SparkSession spark, int year, String indicator, String region, String sex, String ageBand, String residence) {
        return spark.sql("SELECT value, numerator, denominator FROM " + Warehouse.INDICATOR_VALUES
                + " WHERE indicator = '" + indicator + "' AND year = " + year + " AND region = '" + region
                + "' AND sex = '" + sex + "' AND age_band = '" + ageBand + "' AND residence = '" + residence + "'"
                + " AND pooled_years = " + published(spark, indicator, year)).collectAsList();
    }

    /** The pooled_years of the values an indicator is published by in a year: its widest. */
    static int published(SparkSession spark, String indicator, int year) {
        Row r = spark.sql("SELECT max(pooled_years) FROM " + Warehouse.INDICATOR_VALUES + " WHERE indicator = '" + indicator
                + "' AND year = " + year).first();
        return r.isNullAt(0) ? 1 : r.getInt(0);
    }

    static void assertValue(SparkSession spark, int year, String indicator, String region, String sex, String residence,
                            double value, double numerator, double denominator) {
        List<Row> rows = values(spark, year, indicator, region, sex, "_T", residence);
        String what = indicator + " " + region + "/" + sex + "/" + residence;
        assertEquals(1, rows.size(), what + ": " + rows);
        assertEquals(value, rows.get(0).getDouble(0), EPS, what + " value");
        assertEquals(numerator, rows.get(0).getDouble(1), EPS, what + " numerator");
        assertEquals(denominator, rows.get(0).getDouble(2), EPS, what + " denominator");
    }
}
