package org.wcstat.jobs;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DuckDB, as an analyst runs it without Spark, reads the Parquet data files of an Iceberg table and gets the
 * values Spark gets, as long as it reads the files the table's `files` metadata table lists (docs/analysts.md).
 */
class DuckDbReadsTheWarehouseTest {
    @TempDir
    Path home;

    @Test
    void theLiveDataFilesGiveDuckDbWhatSparkReads() throws Exception {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        new Warehouse(spark).ensureTables();
        String insert = "INSERT INTO " + Warehouse.INDICATOR_VALUES + " VALUES ";
        spark.sql(insert + "('W-EN-07', 2023, '510811108', '_T', '_T', '_T', 1, 280, 350, 80.0, NULL, NULL, ''),"
                + "('C-H-03b', 2023, '510811', 'F', '_T', '_T', 1, 2, 498, 4.016064257028112, 0.4863, 14.5, 'small_numerator')");
        spark.sql(insert + "('W-EN-07', 2024, '510811108', '_T', '_T', '_T', 1, 290, 350, 82.85714285714286, NULL, NULL, '')");
        // 2024 computed again: the year's partition is replaced, its first file stays on disk for older snapshots
        spark.sql("INSERT OVERWRITE " + Warehouse.INDICATOR_VALUES + " PARTITION (year = 2024) "
                + "SELECT 'W-EN-07', '510811108', '_T', '_T', '_T', 1, 294, 350, 84.0, NULL, NULL, '昭化镇 revised'");

        List<String> files = spark.sql("SELECT file_path FROM " + Warehouse.INDICATOR_VALUES + ".files WHERE content = 0")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        // every file holds whole rows: the warehouse writes no delete files a reader of data files would have to apply
        assertEquals(0L, spark.sql("SELECT count(*) FROM " + Warehouse.INDICATOR_VALUES + ".files WHERE content <> 0").first().getLong(0));

        String columns = "indicator, year, region, sex, numerator, denominator, value, ci_low, ci_high, flags";
        List<String> bySpark = spark.sql("SELECT " + columns + " FROM " + Warehouse.INDICATOR_VALUES)
                .collectAsList().stream().map(r -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < r.length(); i++) values.add(r.get(i));
                    return text(values);
                }).sorted().toList();
        List<String> byDuckDb = duckDb("SELECT " + columns + " FROM read_parquet([" + files.stream()
                .map(f -> "'" + f.replace("file:", "") + "'").collect(Collectors.joining(", ")) + "])");

        assertEquals(3, bySpark.size());
        assertEquals(bySpark, byDuckDb);
        // the revised 2024 value, not the replaced one: 294 / 350 x 100 = 84
        assertTrue(byDuckDb.contains("W-EN-07 2024 510811108 _T 294.0 350.0 84.0 null null 昭化镇 revised"), byDuckDb.toString());

        // globbing the folder instead reads the replaced file too: 4 rows, one of them stale
        List<String> globbed = duckDb("SELECT " + columns + " FROM read_parquet('" + home.resolve("warehouse/indicators/value/data") + "/**/*.parquet')");
        assertNotEquals(bySpark, globbed);
        assertEquals(4, globbed.size());
    }

    private static List<String> duckDb(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) values.add(r.getObject(i));
                rows.add(text(values));
            }
            return rows.stream().sorted().toList();
        }
    }

    private static String text(List<Object> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
