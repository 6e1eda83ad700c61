package org.wcstat.cli;

import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.GroupCommit;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.ingest.FaultPoint;
import org.wcstat.jobs.publish.PublishJob;
import org.wcstat.jobs.publish.ReleaseCommit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * `wcstat run --year 2024` killed with kill -9 (Process.destroyForcibly) at moments its own output names: after its
 * first raw table is staged, between the raw tables and the facts commit, inside assess (every table staged, none
 * fast-forwarded), inside publish (the yearbook written, the data files not) and after the release is in place
 * (its tags not yet moved). Each time every table's row count and the release folder are compared with what they
 * were before the run; last, the run is repeated to the end and the warehouse compared with a clean run's.
 *
 * <p>One department of two extracts in an H2 file, two indicators, two years: 2023 loaded and published cleanly
 * first, then the 2024 runs that are killed. A clean home runs 2023 and 2024 once each, as the reference.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KilledRunTest {
    static final String RAW_BIRTHS = "wh.raw.kid_health_births";
    static final String RAW_CHECKUPS = "wh.raw.kid_health_checkups";
    static final List<String> INGEST_TABLES = List.of(RAW_BIRTHS, RAW_CHECKUPS, Warehouse.FACTS, Warehouse.QUARANTINE);
    static final List<String> ASSESS_TABLES = List.of(Warehouse.SERIES, Warehouse.ASSESSMENT, Warehouse.WARNINGS, Warehouse.EVALUATION);

    @TempDir
    static Path dir;
    static Path conf;
    static Path home;
    static Path clean;
    static Map<String, Long> cleanCounts;
    static List<String> cleanReleases;
    static List<String> cleanLoads;
    static Map<String, Long> before;
    static List<String> releasesBefore;

    @BeforeAll
    static void departmentAndCleanRun() throws Exception {
        Path db = dir.resolve("departments").resolve("kid_health");
        Files.createDirectories(db.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE BIRTHS (ID INT, BORN DATE, TOWN CHAR(9), SEX CHAR(1))");
            s.execute("CREATE TABLE CHECKUPS (ID INT, SEEN DATE, TOWN CHAR(9), SEX CHAR(1))");
            // 2023: 卫子镇 a boy and a girl, 昭化镇 a girl, and a birth of sex 'X' (quarantined); two checkups
            s.execute("INSERT INTO BIRTHS VALUES (1, DATE '2023-01-10', '510811101', '1'), (2, DATE '2023-02-10', '510811101', '2'),"
                    + " (3, DATE '2023-03-10', '510811108', '2'), (4, DATE '2023-04-10', '510811108', 'X')");
            s.execute("INSERT INTO CHECKUPS VALUES (1, DATE '2023-05-10', '510811101', '1'), (2, DATE '2023-06-10', '510811108', '2')");
            // 2024: five births, two of sex 'X'; four checkups
            s.execute("INSERT INTO BIRTHS VALUES (5, DATE '2024-01-10', '510811101', '1'), (6, DATE '2024-02-10', '510811101', '2'),"
                    + " (7, DATE '2024-03-10', '510811108', '1'), (8, DATE '2024-04-10', '510811108', 'X'),"
                    + " (9, DATE '2024-05-10', '510811101', 'X')");
            s.execute("INSERT INTO CHECKUPS VALUES (3, DATE '2024-05-10', '510811101', '1'), (4, DATE '2024-06-10', '510811101', '2'),"
                    + " (5, DATE '2024-07-10', '510811108', '1'), (6, DATE '2024-08-10', '510811108', '2')");
        }
        conf = tinyConf(db);
        clean = dir.resolve("clean");
        run(clean, 2023);
        run(clean, 2024);
        cleanCounts = counts(clean);
        cleanReleases = listing(clean);
        cleanLoads = currentLoads(clean);

        home = dir.resolve("killed");
        run(home, 2023);
        before = counts(home);
        releasesBefore = listing(home);
        // 2023 alone: what 2024's rows would add is visible in every table
        for (String t : List.of(RAW_BIRTHS, RAW_CHECKUPS, Warehouse.FACTS, Warehouse.QUARANTINE, Warehouse.INDICATOR_VALUES, Warehouse.SERIES)) {
            assertNotEquals(before.get(t), cleanCounts.get(t), t);
        }
        assertNotEquals(releasesBefore, cleanReleases);
    }

    @Test
    @Order(1)
    void killedAfterItsFirstRawTableIsStagedItLeavesEveryTableAsItWas() throws Exception {
        killAt("after-first-raw");
        assertEquals(before, counts(home));
        assertEquals(releasesBefore, listing(home));
    }

    @Test
    @Order(2)
    void killedBetweenTheRawTablesAndTheFactsCommitItLeavesEveryTableAsItWas() throws Exception {
        killAt("after-raw");
        assertEquals(before, counts(home));
        assertEquals(releasesBefore, listing(home));
    }

    @Test
    @Order(3)
    void killedInsideAssessItLeavesTheFourAssessmentTablesAsTheyWere() throws Exception {
        List<String> output = killAt(GroupCommit.STAGED);
        assertTrue(output.stream().anyMatch(l -> l.contains("== assess 2024")), String.join("\n", output));
        Map<String, Long> now = counts(home);
        // ingest and compute had finished: their tables are the clean run's; the load is recorded once
        for (String t : INGEST_TABLES) assertEquals(cleanCounts.get(t), now.get(t), t);
        assertEquals(cleanCounts.get(Warehouse.INDICATOR_VALUES), now.get(Warehouse.INDICATOR_VALUES));
        assertEquals(before.get(Warehouse.LOADS) + 2, now.get(Warehouse.LOADS), "one record per extract of the one load that committed");
        for (String t : ASSESS_TABLES) assertEquals(before.get(t), now.get(t), t);
        assertEquals(releasesBefore, listing(home));
        before = now;
    }

    @Test
    @Order(4)
    void killedWhileWritingTheReleaseItLeavesTheReleasesAndTagsAsTheyWere() throws Exception {
        killAt(PublishJob.HALF_WRITTEN);
        Map<String, Long> now = counts(home);
        for (String t : ASSESS_TABLES) assertEquals(cleanCounts.get(t), now.get(t), t);
        assertEquals(before.get(Warehouse.LOADS) + 2, now.get(Warehouse.LOADS));
        assertEquals(releasesBefore, listing(home));
        assertTrue(scratchFolders(home).size() == 1, "the killed publication's scratch folder: " + scratchFolders(home));
        assertFalse(tagged(home, "release-2024"), "a tag of the release that is not there");
        before = now;
    }

    @Test
    @Order(5)
    void killedWithTheReleaseInPlaceTheNextCommandTagsIt() throws Exception {
        killAt(ReleaseCommit.INSTALLED);
        assertEquals(before.get(Warehouse.LOADS) + 2, counts(home).get(Warehouse.LOADS));
        // the rename is the publication's commit point: the new release is whole
        assertEquals(cleanReleases, listing(home));
        assertEquals(List.of(), scratchFolders(home), "the scratch folder the publication killed before left");
        assertFalse(tagged(home, "release-2024"));
    }

    @Test
    @Order(6)
    void theNextRunLeavesExactlyACleanRunsWarehouse() throws Exception {
        run(home, 2024);
        Map<String, Long> now = counts(home);
        Map<String, Long> expected = new TreeMap<>(cleanCounts);
        // the audit of loads grows by each load that committed: four runs of 2024 got past ingest, the clean home's one
        expected.put(Warehouse.LOADS, cleanCounts.get(Warehouse.LOADS) + 3 * 2);
        assertEquals(expected, now);
        assertEquals(cleanLoads, currentLoads(home));
        assertEquals(cleanReleases, listing(home));
        assertEquals(List.of(), scratchFolders(home));
        assertTrue(tagged(home, "release-2024"));
        try (Stream<Path> s = Files.list(home.resolve("locks"))) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pending-")).toList());
        }
        // no table keeps a branch of a killed load or assessment
        SparkSession spark = session(home);
        for (String t : new Warehouse(spark).tables()) {
            Table table = Spark3Util.loadIcebergTable(spark, t);
            table.refresh();
            assertEquals(List.of("main"), table.refs().entrySet().stream().filter(e -> e.getValue().isBranch()).map(Map.Entry::getKey).toList(), t);
        }
    }

    /** Starts `wcstat run --year 2024` in a JVM of its own, waits for it to pause at the point, and kills it. */
    private static List<String> killAt(String point) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(sparkJvmFlags());
        cmd.add("-Xmx1g");
        cmd.add("-D" + FaultPoint.PAUSE + "=" + point);
        // the checkout, for pipelines/, as bin/wcstat gives it
        cmd.add("-Dwcstat.repo=" + TestRepo.root());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Wcstat.class.getName());
        cmd.addAll(List.of("run", "--year", "2024", "--home", home.toString(), "--conf", conf.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> output = follow(child);
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (!has(output, "pausing at " + point)) {
                if (!child.isAlive()) fail("the run ended (" + child.exitValue() + ") before " + point + ":\n" + String.join("\n", output));
                if (System.nanoTime() > end) fail("the run did not reach " + point + " in 300 s:\n" + String.join("\n", output));
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the run did not die");
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private static boolean has(List<String> output, String line) {
        synchronized (output) {
            return output.stream().anyMatch(l -> l.startsWith(line));
        }
    }

    private static List<String> follow(Process child) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (IOException ignored) {
                // the run was killed
            }
        });
        t.setDaemon(true);
        t.start();
        return lines;
    }

    private static void run(Path h, int year) {
        assertEquals(0, Wcstat.commandLine().execute("run", "--year", String.valueOf(year), "--home", h.toString(), "--conf", conf.toString()));
    }

    private static SparkSession session(Path h) {
        return Spark.session(Spark.localWarehouse(h));
    }

    /** Every table's rows, raw.* included, as this JVM reads them afresh: another JVM wrote them. */
    private static Map<String, Long> counts(Path h) {
        SparkSession spark = session(h);
        Map<String, Long> counts = new TreeMap<>();
        for (String t : new Warehouse(spark).tables()) {
            spark.sql("REFRESH TABLE " + t);
            counts.put(t, spark.sql("SELECT count(*) FROM " + t).first().getLong(0));
        }
        return counts;
    }

    /** The loads whose facts are current, as meta.load records them, without their ids and times. */
    private static List<String> currentLoads(Path h) {
        SparkSession spark = session(h);
        spark.sql("REFRESH TABLE " + Warehouse.LOADS);
        spark.sql("REFRESH TABLE " + Warehouse.FACTS);
        return spark.sql("SELECT source, extract, year, rows_read, rows_written, rows_quarantined, facts_rows, status FROM " + Warehouse.LOADS
                        + " WHERE load_id IN (SELECT load_id FROM " + Warehouse.FACTS + ")").collectAsList()
                .stream().map(Row::toString).sorted().toList();
    }

    /** Whether the tag marks indicators.value, the table every release reads. */
    private static boolean tagged(Path h, String tag) throws Exception {
        Table t = Spark3Util.loadIcebergTable(session(h), Warehouse.INDICATOR_VALUES);
        t.refresh();
        return t.refs().containsKey(tag);
    }

    /** The release folder as a reader sees it: every file of every release, scratch folders (hidden) apart. */
    private static List<String> listing(Path h) throws IOException {
        Path root = h.resolve("releases");
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).filter(p -> !p.startsWith(".")).sorted().toList();
        }
    }

    private static List<String> scratchFolders(Path h) throws IOException {
        try (Stream<Path> s = Files.list(h.resolve("releases"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    /** A configuration of one department with two extracts over the H2 file, and two indicators of its measures. */
    private static Path tinyConf(Path db) throws IOException {
        Path c = dir.resolve("conf");
        Files.createDirectories(c.resolve("sources"));
        Files.createDirectories(c.resolve("indicators"));
        for (String f : List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml", "assessment.yaml", "warehouse.yaml")) {
            Files.copy(TestRepo.root().resolve("conf").resolve(f), c.resolve(f));
        }
        Files.writeString(c.resolve("sources/kid_health.yaml"), """
                department: kid_health
                name_zh: 卫健局
                name_en: Health
                jdbc:
                  url: "jdbc:h2:file:%s;ACCESS_MODE_DATA=r;IFEXISTS=TRUE"
                  driver: org.h2.Driver
                  user: {env: WCSTAT_KID_HEALTH_USER, default: sa}
                extracts:
                  - name: births
                    table: BIRTHS
                    key: [ID]
                    year: {date: BORN}
                    measure: live_births
                    region: {code: TOWN}
                    sex: {column: SEX, codes: {"1": M, "2": F}}
                    raw:
                      keep: [ID, BORN, TOWN, SEX]
                  - name: checkups
                    table: CHECKUPS
                    key: [ID]
                    year: {date: SEEN}
                    measure: checked_children
                    region: {code: TOWN}
                    sex: {column: SEX, codes: {"1": M, "2": F}}
                    raw:
                      keep: [ID, SEEN, TOWN, SEX]
                """.formatted(db));
        Files.writeString(c.resolve("indicators/test.yaml"), """
                indicators:
                  - {code: BIRTHS, plan: children, area: health, name_zh: 出生数, name_en: births, unit: "人",
                     numerator: live_births, by: [town], target: increase, sources: [kid_health]}
                  - {code: CHECKED, plan: children, area: health, name_zh: 体检率, name_en: checked, unit: "%",
                     numerator: checked_children, denominator: live_births, factor: 100, by: [town], target: ">= 90",
                     sources: [kid_health]}
                """);
        return c;
    }

    /** The flags Spark needs on Java 17, as the build gives them to every JVM (spark.jvm.flags in pom.xml). */
    private static List<String> sparkJvmFlags() throws IOException {
        String pom = Files.readString(TestRepo.root().resolve("pom.xml"));
        Matcher m = Pattern.compile("<spark\\.jvm\\.flags>(.*?)</spark\\.jvm\\.flags>", Pattern.DOTALL).matcher(pom);
        if (!m.find()) throw new IllegalStateException("no spark.jvm.flags in " + TestRepo.root().resolve("pom.xml"));
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }
}
