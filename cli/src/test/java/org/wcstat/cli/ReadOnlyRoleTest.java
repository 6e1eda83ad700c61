package org.wcstat.cli;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst role reads and nothing else; the bureau changes the warehouse only when it says so. Every
 * refused statement leaves every table's row count and snapshot as they were.
 */
class ReadOnlyRoleTest {
    @TempDir
    static Path home;

    @BeforeAll
    static void warehouse() {
        SparkSession spark = spark();
        Warehouse wh = new Warehouse(spark).ensureTables();
        spark.sql("INSERT INTO " + Warehouse.INDICATOR_VALUES + " VALUES "
                + "('W-EN-07', 2015, '510811', '_T', '_T', '_T', 1, 900, 1000, 90.0, NULL, NULL, ''),"
                + "('W-EN-07', 2016, '510811', '_T', '_T', '_T', 1, 910, 1000, 91.0, NULL, NULL, '')");
        spark.sql("INSERT INTO " + Warehouse.WARNINGS + " SELECT * FROM (SELECT * FROM " + Warehouse.WARNINGS + " LIMIT 0)");
        wh.create(spark.sql("SELECT 2024 AS year, 'ab12' AS cert_no_hash, 'L1' AS load_id UNION ALL SELECT 2024, 'cd34', 'L1'"),
                Warehouse.rawTable("health", "births"), "year");
        spark.sql("CREATE TABLE wh.meta.scratch (a INT) USING iceberg");
        spark.sql("INSERT INTO wh.meta.scratch VALUES (1), (2), (3)");
    }

    static SparkSession spark() {
        return Spark.session(Spark.localWarehouse(home));
    }

    /** Every table's row count and current snapshot, read afresh (a new session has no cached tables), in one query. */
    static Map<String, String> state() {
        SparkSession spark = spark().newSession();
        List<String> parts = new java.util.ArrayList<>();
        for (String ns : List.of("indicators", "facts", "meta", "raw", "quarantine")) {
            for (Row t : spark.sql("SHOW TABLES IN wh." + ns).collectAsList()) {
                String table = "wh." + ns + "." + t.getString(1);
                parts.add("SELECT '" + table + "' AS t, (SELECT count(*) FROM " + table + ") AS n, (SELECT max_by(snapshot_id, committed_at) FROM "
                        + table + ".snapshots) AS s");
            }
        }
        Map<String, String> state = new TreeMap<>();
        for (Row r : spark.sql(String.join(" UNION ALL ", parts)).collectAsList()) {
            state.put(r.getString(0), r.getLong(1) + " rows, snapshot " + r.get(2));
        }
        return state;
    }

    static SqlCommandTest.Result sql(String... args) {
        return SqlCommandTest.sql(home, args);
    }

    @Test
    void theAnalystCannotChangeDestroyOrRouteAround() throws Exception {
        Path rawData = home.resolve("warehouse/raw/health_births/data");
        assertTrue(Files.isDirectory(rawData), "the raw table's data folder: " + rawData);
        Path jar = Files.writeString(home.resolve("x.jar"), "not a jar");
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("DELETE FROM indicators.value WHERE year = 2015", "DELETE");
        refused.put("DROP TABLE indicators.warning", "DROP TABLE");
        refused.put("CREATE TEMPORARY VIEW x USING parquet OPTIONS (path '" + rawData + "')", "CREATE TEMPORARY VIEW … USING");
        refused.put("SELECT count(*) FROM parquet.`" + rawData + "`", "reads files by path");
        refused.put("INSERT INTO indicators.value SELECT * FROM indicators.value", "INSERT");
        refused.put("UPDATE indicators.value SET value = 0", "UPDATE");
        refused.put("MERGE INTO indicators.value t USING indicators.value s ON t.year = s.year WHEN MATCHED THEN DELETE", "MERGE");
        refused.put("TRUNCATE TABLE indicators.value", "TRUNCATE TABLE");
        refused.put("ALTER TABLE indicators.value SET TBLPROPERTIES ('x' = 'y')", "SET TABLE PROPERTIES");
        refused.put("CREATE TABLE indicators.mine (a INT)", "CREATE TABLE");
        refused.put("CREATE TEMPORARY VIEW v AS SELECT * FROM indicators.value", "CREATE VIEW");
        refused.put("CACHE TABLE indicators.value", "CACHE TABLE");
        refused.put("ADD JAR " + jar, "ADD JAR");
        refused.put("ADD FILE " + jar, "ADD FILE");
        refused.put("LOAD DATA LOCAL INPATH '" + jar + "' INTO TABLE indicators.value", "LOAD DATA");
        refused.put("REFRESH TABLE indicators.value", "REFRESH");
        refused.put("CALL wh.system.rollback_to_snapshot('indicators.value', 1)", "CALL");
        refused.put("SET spark.sql.runSQLOnFiles=true", "SET of that option");
        refused.put("SET spark.sql.catalog.mine=org.apache.iceberg.spark.SparkCatalog", "SET of that option");
        refused.put("RESET", "RESET");
        refused.put("EXPLAIN DELETE FROM indicators.value", "EXPLAIN");
        refused.put("DECLARE VARIABLE v INT", "CREATE VARIABLE");
        // refused before anything runs, so no statement can undo another's change: one comparison at the end suffices
        Map<String, String> before = state();
        for (var e : refused.entrySet()) {
            SqlCommandTest.Result r = sql("-e", e.getKey());
            assertEquals(1, r.exit(), e.getKey() + " ran: " + r.out() + r.err());
            assertTrue(r.err().contains("error: refused, nothing was run: ") && r.err().contains(e.getValue()),
                    e.getKey() + " -> " + r.err());
        }
        assertEquals(before, state());
        // the view's second statement: no view was made, so nothing of raw is read through it
        SqlCommandTest.Result r = sql("-e", "SELECT count(*) FROM x");
        assertEquals(1, r.exit());
        assertFalse(r.out().contains("2"), r.out());
        assertTrue(Files.isDirectory(home.resolve("warehouse/indicators/warning")), "the table's folder is still there");
    }

    @Test
    void theAnalystReadsAsBefore() {
        for (String reading : List.of("SELECT count(*) AS n FROM indicators.value",
                "WITH v AS (SELECT * FROM indicators.value) SELECT max(value) FROM v",
                "SHOW TABLES IN indicators", "SHOW NAMESPACES", "DESCRIBE indicators.value", "SHOW COLUMNS IN indicators.value",
                "EXPLAIN SELECT * FROM indicators.value", "SET spark.sql.session.timeZone=UTC", "SET", "USE indicators",
                "SELECT * FROM indicators.value.snapshots")) {
            SqlCommandTest.Result r = sql("-e", reading);
            assertEquals(0, r.exit(), reading + ": " + r.err());
        }
        SqlCommandTest.Result count = sql("--format", "csv", "-e", "SELECT count(*) AS n FROM indicators.value");
        assertEquals("n\r\n2\r\n", count.out());
    }

    @Test
    void theBureauChangesTheWarehouseOnlyWhenItSaysSo() {
        Map<String, String> before = state();
        SqlCommandTest.Result r = sql("--role", "bureau", "-e", "DELETE FROM meta.scratch WHERE a = 1");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("it would change meta.scratch; run wcstat sql --role bureau --allow-writes"), r.err());
        assertEquals(before, state());

        r = sql("--role", "bureau", "--allow-writes", "-e", "DELETE FROM meta.scratch WHERE a = 1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("changing meta.scratch: 3 rows now, snapshot "), r.err());
        assertEquals(2L, spark().newSession().sql("SELECT count(*) FROM wh.meta.scratch").first().getLong(0));
    }

    @Test
    void droppingATableInTheHadoopCatalogNeedsPurge() {
        Path folder = home.resolve("warehouse/meta/dropme");
        spark().sql("CREATE TABLE wh.meta.dropme (a INT) USING iceberg");
        SqlCommandTest.Result r = sql("--role", "bureau", "--allow-writes", "-e", "DROP TABLE meta.dropme");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("deletes its files and its whole history") && r.err().contains("add --purge"), r.err());
        assertTrue(Files.isDirectory(folder), "the table's files are kept");

        r = sql("--role", "bureau", "--allow-writes", "--purge", "-e", "DROP TABLE meta.dropme");
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(folder.resolve("metadata")), "dropped with --purge");
    }

    @Test
    void writeOptionsAreTheBureaus() {
        SqlCommandTest.Result r = sql("--allow-writes", "-e", "SELECT 1");
        assertEquals(Wcstat.CONFIG_ERROR, r.exit());
        assertTrue(r.err().contains("--allow-writes and --purge are for --role bureau"), r.err());
    }
}
