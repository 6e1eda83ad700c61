package org.wcstat.jobs.ingest;

import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.Secret;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A load's branches on the JDBC catalog (PostgreSQL, as conf/warehouse.yaml sets it for a cluster), the
 * Hadoop catalog's being FaultTest's: a load replaces the previous one's raw rows and leaves no branch; rows
 * staged on a branch are invisible until published, and gone when the branch is dropped; a branch whose table
 * main moved meanwhile is published by replacing its years. Fails, not skips, when PostgreSQL is down.
 */
class LoadBranchJdbcCatalogTest {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    static final String RAW = "wh.raw.jdbc_health_births";

    @TempDir
    Path home;

    @Test
    void aLoadsRowsAreStagedOnItsBranchAndBecomeMainAtOnce() throws Exception {
        String db = "wcstat_it_killsafe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String source = "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1";
        admin("CREATE DATABASE " + db);
        try (Connection h2 = DriverManager.getConnection(source, "sa", ""); Statement s = h2.createStatement()) {
            s.execute("CREATE TABLE REG (ID INT, BORN DATE, TOWN CHAR(9), SEX CHAR(1))");
            s.execute("INSERT INTO REG VALUES (1, DATE '2024-01-10', '510811101', '1'), (2, DATE '2024-02-10', '510811101', '2')");
            Path conf = ItWarehouse.conf(home, Map.of("jdbc_health", """
                    department: jdbc_health
                    name_zh: 卫生
                    name_en: Health
                    jdbc: {url: "%s", driver: org.h2.Driver, user: {env: H2_USER}}
                    extracts:
                      - name: births
                        table: REG
                        key: [ID]
                        year: {date: BORN}
                        measure: live_births
                        region: {code: TOWN}
                        sex: {column: SEX, codes: {"1": M, "2": F}}
                        raw:
                          keep: [ID, BORN, TOWN, SEX]
                    """.formatted(source)));
            WarehouseSettings settings = new WarehouseSettings("jdbc", home.resolve("shared/wh").toString(),
                    new WarehouseSettings.Jdbc(PG + db, new Secret("CAT_USER", null, null), new Secret("CAT_PASSWORD", null, null)), null);
            SparkSession spark = Spark.session(settings, home, Map.of("CAT_USER", "postgres", "CAT_PASSWORD", "unused"));
            Warehouse wh = new Warehouse(spark).ensureTables();
            JobContext ctx = new JobContext(Configuration.load(conf), home, wh, Progress.SILENT, Map.of("H2_USER", "sa"));

            new IngestJob(10).run(ctx, 2024, Optional.empty());
            s.execute("INSERT INTO REG VALUES (3, DATE '2024-03-10', '510811108', '2')");
            new IngestJob(10).run(ctx, 2024, Optional.empty());
            // the second load's three rows replaced the first's two, and neither left a branch
            assertEquals(List.of("1", "2", "3"), ids(spark, RAW));
            assertEquals(1L, spark.sql("SELECT count(DISTINCT load_id) FROM " + RAW).first().getLong(0));
            assertEquals(List.of("main"), branches(spark, RAW));
            String loaded = spark.sql("SELECT first(load_id) FROM " + RAW).first().getString(0);

            // a load staged and abandoned: main never shows its row, and the branch goes
            LoadBranch abandoned = LoadBranch.of(wh, "jdbc_health-2024-abandoned");
            LoadBranch.Scope scope = new LoadBranch.Scope("wc_year", Optional.empty(), List.of(2024), List.of("L-abandoned"));
            assertTrue(abandoned.stage(RAW, rowsOf(spark, loaded, "L-abandoned", "4"), scope) != null);
            assertEquals(List.of("1", "2", "3"), ids(spark, RAW));
            assertEquals(List.of("4"), ids(spark, RAW + ".branch_" + abandoned.name()));
            abandoned.drop(RAW);
            assertEquals(List.of("main"), branches(spark, RAW));
            assertEquals(List.of("1", "2", "3"), ids(spark, RAW));

            // a load staged, main compacted meanwhile (as maintenance would): publishing replaces the year with the branch's rows
            LoadBranch late = LoadBranch.of(wh, "jdbc_health-2024-late");
            LoadBranch.Scope lateScope = new LoadBranch.Scope("wc_year", Optional.empty(), List.of(2024), List.of("L-late"));
            late.stage(RAW, rowsOf(spark, loaded, "L-late", "5"), lateScope);
            spark.sql("CALL wh.system.rewrite_data_files(table => 'raw.jdbc_health_births', options => map('rewrite-all', 'true'))");
            assertEquals(List.of("1", "2", "3"), ids(spark, RAW));
            late.publish(RAW, lateScope);
            assertEquals(List.of("5"), ids(spark, RAW));
            assertEquals(List.of("main"), branches(spark, RAW));
            assertFalse(spark.sql("SELECT 1 FROM " + RAW + " WHERE load_id <> 'L-late'").count() > 0);
        } finally {
            admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    /** One raw row of 2024 with the given id, under the load id, shaped as the table's rows. */
    private static Dataset<Row> rowsOf(SparkSession spark, String like, String loadId, String id) {
        return spark.sql("SELECT * FROM " + RAW + " WHERE load_id = '" + like + "' LIMIT 1")
                .selectExpr("*").withColumn("load_id", org.apache.spark.sql.functions.lit(loadId))
                .withColumn("ID", org.apache.spark.sql.functions.lit(id).cast(spark.table(RAW).schema().apply("ID").dataType()));
    }

    private static List<String> ids(SparkSession spark, String table) {
        spark.sql("REFRESH TABLE " + RAW);
        return spark.sql("SELECT CAST(ID AS STRING) FROM " + table).collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    }

    private static List<String> branches(SparkSession spark, String table) throws Exception {
        Table t = Spark3Util.loadIcebergTable(spark, table);
        t.refresh();
        return t.refs().entrySet().stream().filter(e -> e.getValue().isBranch()).map(Map.Entry::getKey).sorted().toList();
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
