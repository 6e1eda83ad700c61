package org.wcstat.jobs.ingest;

import org.wcstat.jobs.TestRepo;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A department on SQLite, whose driver is not on the class path: the source names the driver's jar
 * in its YAML (the build copies it to target/test-drivers), and the yearly ingest reads through it.
 */
class DriverByConfigurationTest {
    static final int YEAR = 2024;
    static final String DRIVER = "org.sqlite.JDBC";
    static final Path DRIVER_JAR = Path.of("target/test-drivers/sqlite-jdbc.jar").toAbsolutePath();

    @TempDir
    static Path home;
    static SparkSession spark;
    static JobContext ctx;
    static String summary;

    @BeforeAll
    static void ingestTheYearFromSqlite() throws Exception {
        assertTrue(Files.isRegularFile(DRIVER_JAR), DRIVER_JAR + " is copied by the jobs build at generate-test-resources");
        assertThrows(ClassNotFoundException.class, () -> Class.forName(DRIVER));
        Path db = home.resolve("departments/civil_affairs.sqlite");
        Files.createDirectories(db.getParent());
        // Village committees: 卫子镇 a man director and two women members; 昭化镇 a woman director and a man
        // member; a woman member of a town that does not exist (quarantined); and a 2023 director (not read).
        sqlite(db, "CREATE TABLE VC_MEMBER (MEMBER_ID INTEGER, STAT_YEAR INTEGER, GENDER TEXT, TOWN TEXT, POST TEXT)",
                "INSERT INTO VC_MEMBER VALUES (1, 2024, '男', '卫子镇', '主任')",
                "INSERT INTO VC_MEMBER VALUES (2, 2024, '女', '卫子镇', '委员')",
                "INSERT INTO VC_MEMBER VALUES (3, 2024, '女', '卫子镇', '委员')",
                "INSERT INTO VC_MEMBER VALUES (4, 2024, '女', '昭化镇', '主任')",
                "INSERT INTO VC_MEMBER VALUES (5, 2024, '男', '昭化镇', '委员')",
                "INSERT INTO VC_MEMBER VALUES (6, 2024, '女', '不存在镇', '委员')",
                "INSERT INTO VC_MEMBER VALUES (7, 2023, '女', '卫子镇', '主任')");
        Configuration config = Configuration.load(conf(home.resolve("conf"), db));
        spark = Spark.session(Spark.localWarehouse(home));
        ctx = new JobContext(config, home, new Warehouse(spark).ensureTables(), Progress.SILENT, Map.of());
        summary = new IngestJob(10).run(ctx, YEAR, Optional.empty());
    }

    @Test
    void everyRowOfTheYearIsReadThroughTheConfiguredDriver() {
        // members 1-6 of 2024; member 6's town is unknown
        assertEquals("ingested 1 of 1 department(s) for 2024: 6 rows read, 1 quarantined", summary);
        assertEquals(6, spark.sql("SELECT * FROM wh.raw.civil_affairs_village_committee_members WHERE wc_year = 2024").count());
    }

    @Test
    void factsAreTheHandCountedMembers() {
        // directors: 卫子镇 one man, 昭化镇 one woman; other members: 卫子镇 two women, 昭化镇 one man
        List<String> facts = spark.sql("SELECT measure, region, sex, age_band, residence, value FROM " + Warehouse.FACTS
                        + " WHERE year = 2024 AND source = 'civil_affairs' ORDER BY measure, region, sex").collectAsList()
                .stream().map(r -> r.mkString(" ")).collect(Collectors.toList());
        assertEquals(List.of(
                "vc_directors 510811101 M _T _T 1.0",
                "vc_directors 510811108 F _T _T 1.0",
                "vc_members_other 510811101 F _T _T 2.0",
                "vc_members_other 510811108 M _T _T 1.0"), facts);
    }

    @Test
    void theUnknownTownIsQuarantined() {
        List<String> rejected = spark.sql("SELECT row_key, reason FROM " + Warehouse.QUARANTINE
                        + " WHERE year = 2024 AND source = 'civil_affairs'").collectAsList()
                .stream().map(r -> r.getString(0) + " | " + r.getString(1)).collect(Collectors.toList());
        assertEquals(1, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("MEMBER_ID=6 | town '不存在镇' is not a town"), rejected.get(0));
    }

    @Test
    void withoutTheJarSparkCannotLoadTheDriver() {
        SourceConfig configured = ctx.config().source("civil_affairs");
        SourceConfig.Jdbc j = configured.jdbc();
        SourceConfig withoutJars = new SourceConfig(configured.department(), configured.nameZh(), configured.nameEn(),
                new SourceConfig.Jdbc(j.url(), j.driver(), j.user(), j.password(), j.fetchSize(), j.properties(), null),
                configured.extracts());
        SourceReader reader = new SourceReader(spark, withoutJars, home, Map.of());
        Exception e = assertThrows(Exception.class, () -> reader.read(withoutJars.extracts().get(0), YEAR).count());
        Throwable c = e;
        while (c != null && !(c instanceof ClassNotFoundException)) {
            c = c.getCause();
        }
        assertTrue(c != null && c.getMessage().contains(DRIVER), e.toString());
    }

    /** The shipped regions, age bands and yearbook; this one source; the one indicator its measures feed. */
    private static Path conf(Path dir, Path db) throws Exception {
        Path shipped = repo().resolve("conf");
        Files.createDirectories(dir.resolve("sources"));
        Files.createDirectories(dir.resolve("indicators"));
        for (String f : List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml")) {
            Files.copy(shipped.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("sources/civil_affairs.yaml"), """
                department: civil_affairs
                name_zh: 区民政局
                name_en: Civil Affairs Bureau
                jdbc:
                  url: "jdbc:sqlite:%s"
                  driver: %s
                  driver_jars: ["%s"]
                extracts:
                  - name: village_committee_members
                    table: VC_MEMBER
                    key: [MEMBER_ID]
                    year: {column: STAT_YEAR}
                    measure:
                      column: POST
                      codes: {主任: vc_directors, 委员: vc_members_other}
                    region: {name: TOWN}
                    sex: {column: GENDER, codes: {男: M, 女: F}}
                    raw:
                      keep: [MEMBER_ID, STAT_YEAR, GENDER, TOWN, POST]
                """.formatted(db, DRIVER, DRIVER_JAR));
        Files.writeString(dir.resolve("indicators/women-decision.yaml"), """
                indicators:
                  - code: W-D-07b
                    plan: women
                    area: decision
                    name_zh: 村委会主任中女性比例
                    name_en: Women's share of village committee directors
                    unit: "%"
                    numerator: vc_directors{sex=F}
                    denominator: vc_directors
                    factor: 100
                    target: increase
                    sources: [civil_affairs]
                    definition: Women among the directors (主任) of the villages' committees serving in the year.
                    plan_text: 村委会主任中女性比例逐步提高。
                """);
        return dir;
    }

    private static Path repo() {
        return TestRepo.root();
    }

    /** Writes the department's database with the driver loaded from its jar, as the class path has none. */
    private static void sqlite(Path db, String... statements) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[]{DRIVER_JAR.toUri().toURL()},
                DriverByConfigurationTest.class.getClassLoader())) {
            Driver driver = (Driver) Class.forName(DRIVER, true, loader).getConstructor().newInstance();
            try (Connection c = driver.connect("jdbc:sqlite:" + db, new Properties()); Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }
    }
}
