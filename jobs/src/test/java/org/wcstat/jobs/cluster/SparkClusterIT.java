package org.wcstat.jobs.cluster;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.jobs.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The yearly run submitted with spark-submit to a real standalone master and worker on this machine, from
 * a Spark installation made of Maven Central's jars, with the jobs' shaded jar and the Iceberg catalog in a
 * throw-away PostgreSQL database. The department is a PostgreSQL database too. Run by mvn verify.
 */
class SparkClusterIT {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    static final String PASSWORD = "catalog-pw-" + UUID.randomUUID();

    @TempDir
    static Path home;
    static final String name = "wcstat_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final String sourceDb = name + "_src";
    static final String catalogDb = name + "_cat";
    static int exit;
    static StandaloneCluster cluster;
    static Path logs;

    @BeforeAll
    static void submitTheYearlyRun() throws Exception {
        admin("CREATE DATABASE " + sourceDb, "CREATE DATABASE " + catalogDb);
        try (Connection c = DriverManager.getConnection(PG + sourceDb, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE births (id INT PRIMARY KEY, yr INT, town VARCHAR(9), sex VARCHAR(1), n INT)");
            s.execute("INSERT INTO births VALUES (1, 2024, '510811101', 'M', 30), (2, 2024, '510811101', 'F', 25),"
                    + "(3, 2024, '510811108', 'M', 12), (4, 2024, '510811108', 'F', 14),"
                    + "(5, 2023, '510811101', 'M', 99), (6, 2024, '999999999', 'F', 7)");
        }
        Path conf = home.resolve("conf");
        Files.createDirectories(conf.resolve("sources"));
        Files.createDirectories(conf.resolve("indicators"));
        for (String f : List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml")) {
            Files.copy(TestRepo.root().resolve("conf").resolve(f), conf.resolve(f));
        }
        Files.writeString(conf.resolve("sources/health.yaml"), """
                department: health
                name_zh: 卫健局
                name_en: Health
                jdbc:
                  url: "jdbc:postgresql://127.0.0.1:5432/%s"
                  driver: org.postgresql.Driver
                  user: {env: WCSTAT_HEALTH_USER}
                extracts:
                  - name: births
                    table: births
                    key: [id]
                    year: {column: yr}
                    measure: live_births
                    region: {code: town}
                    sex: {column: sex, codes: {M: M, F: F}}
                    value: {column: n}
                    raw:
                      keep: [id, yr, town, sex, n]
                """.formatted(sourceDb));
        Files.writeString(conf.resolve("indicators/births.yaml"), """
                indicators:
                  - {code: T-BIRTHS, plan: children, area: health, name_zh: 活产数, name_en: Live births, unit: "人",
                     numerator: live_births, by: [sex, town], sources: [health]}
                """);
        Files.writeString(conf.resolve("warehouse.yaml"), """
                catalog: jdbc
                location: ${home}/warehouse
                jdbc:
                  url: "jdbc:postgresql://127.0.0.1:5432/%s"
                  user: {env: WCSTAT_CATALOG_USER}
                  password: {env: WCSTAT_CATALOG_PASSWORD}
                """.formatted(catalogDb));

        // the logs stay in target/ for a look after a failure
        logs = Path.of(System.getProperty("wcstat.cluster.logs")).resolve(name);
        cluster = new StandaloneCluster(Path.of(System.getProperty("wcstat.spark.home")), logs,
                System.getProperty("spark.jvm.flags")).start();
        exit = cluster.submit(Path.of(System.getProperty("wcstat.jobs.jar")), "org.wcstat.jobs.JobMain",
                List.of("spark.executor.memory=1g", "spark.executor.cores=1", "spark.cores.max=1",
                        "spark.driver.host=127.0.0.1", "spark.ui.enabled=false",
                        // a county's year is thousands of rows: a few partitions, not Spark's 200
                        "spark.sql.shuffle.partitions=2", "spark.default.parallelism=2"),
                List.of("run", "--year", "2024", "--home", home.toString(), "--conf", conf.toString(),
                        "--pipeline", TestRepo.root().resolve("pipelines/yearly-load.yaml").toString()),
                Map.of("WCSTAT_HEALTH_USER", "postgres", "WCSTAT_CATALOG_USER", "postgres", "WCSTAT_CATALOG_PASSWORD", PASSWORD),
                Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (cluster != null) cluster.close();
        } finally {
            admin("DROP DATABASE IF EXISTS " + sourceDb + " WITH (FORCE)", "DROP DATABASE IF EXISTS " + catalogDb + " WITH (FORCE)");
        }
    }

    @Test
    void theRunSucceedsOnTheClusterAndItsExecutorDidTheReading() throws Exception {
        assertEquals(0, exit, "spark-submit failed:\n" + cluster.tail("submit"));
        // the worker launched an executor for the application; the ingest read the department there
        assertTrue(cluster.log("worker").contains("Asked to launch executor"), cluster.log("worker"));
        assertTrue(cluster.log("submit").contains("Granted executor ID"), cluster.log("submit"));
        assertTrue(Files.exists(home.resolve("releases/2024")), "publish wrote the release");
    }

    @Test
    void theIndicatorValuesAreInTheWarehouseTheJdbcCatalogTracks() throws Exception {
        assertEquals(0, exit, "spark-submit failed:\n" + cluster.tail("submit"));
        try (Connection c = DriverManager.getConnection(PG + catalogDb, "postgres", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT table_namespace || '.' || table_name FROM iceberg_tables WHERE catalog_name = 'wh'")) {
            List<String> tables = new ArrayList<>();
            while (r.next()) tables.add(r.getString(1));
            assertTrue(tables.containsAll(List.of("facts.observation", "indicators.value", "meta.load", "raw.health_births")), tables.toString());
        }
        // read back with Iceberg's own reader through the JDBC catalog, as any other engine would: no Spark
        WarehouseSettings settings = WarehouseSettings.load(home.resolve("conf"));
        try (JdbcCatalog catalog = new JdbcCatalog()) {
            catalog.setConf(new Configuration());
            catalog.initialize("wh", Map.of(CatalogProperties.URI, settings.jdbc().url(), "jdbc.user", "postgres",
                    "jdbc.password", PASSWORD, CatalogProperties.WAREHOUSE_LOCATION, settings.locationUri(home)));
            List<String> values = new ArrayList<>();
            try (CloseableIterable<Record> rows = IcebergGenerics.read(catalog.loadTable(TableIdentifier.of("indicators", "value")))
                    .where(Expressions.and(Expressions.equal("indicator", "T-BIRTHS"), Expressions.equal("year", 2024))).build()) {
                rows.forEach(r -> values.add(r.getField("region") + " " + r.getField("sex") + " " + Math.round((Double) r.getField("value"))));
            }
            // 2024 births: 卫子镇 (101) 30 boys + 25 girls = 55, 昭化镇 (108) 12 boys + 14 girls = 26; district 81,
            // boys 30 + 12 = 42, girls 25 + 14 = 39. The register loaded 2024, so the district's ten other towns
            // (100, 102-107, 109-111) had no birth: 0 each, not a gap. The 2023 row is another year; town 999999999
            // is quarantined.
            List<String> expected = new ArrayList<>(List.of("510811 F 39", "510811 M 42", "510811 _T 81", "510811101 _T 55", "510811108 _T 26"));
            for (int town : new int[] {100, 102, 103, 104, 105, 106, 107, 109, 110, 111}) expected.add("510811" + town + " _T 0");
            assertEquals(expected.stream().sorted().toList(), values.stream().sorted().toList());
            long quarantined = 0;
            try (CloseableIterable<Record> rows = IcebergGenerics.read(catalog.loadTable(TableIdentifier.of("quarantine", "rejected"))).build()) {
                for (Record r : rows) quarantined++;
            }
            assertEquals(1, quarantined);
        }
    }

    @Test
    void theCatalogPasswordIsInNoLog() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(logs)) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar")).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("stderr")), "the executor's log is among " + files);
        for (Path log : files) {
            // bytes, not text: a log may hold anything a process wrote
            String text = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(PASSWORD), log + " shows the catalog password");
        }
    }

    private static void admin(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
    }
}
