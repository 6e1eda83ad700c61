package org.wcstat.jobs.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Faults during a load, each followed by the checks that the warehouse is exactly what a clean run
 * leaves: loads killed (a JVM of their own, halted at injected points, among them inside the Iceberg
 * commit to facts), a source dropping the connection mid-read, and two loads of one year at once.
 * The steps build on each other, one more birth arriving before each, so every completed load changes
 * the facts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultTest {
    static final int YEAR = 2024;
    static final String SOURCE = "fault_health";
    static final String RAW = "wh.raw.fault_health_births";

    @TempDir
    static Path dir;
    static TestDatabases.Postgres pg;
    static Path conf;
    static JobContext ctx;
    static CollectingProgress progress = new CollectingProgress();

    @BeforeAll
    static void source() throws Exception {
        pg = new TestDatabases.Postgres();
        // every row the view returns waits pace.seconds: zero unless a test needs a load to be slow
        pg.exec("CREATE TABLE pace (seconds FLOAT)",
                "INSERT INTO pace VALUES (0)",
                "CREATE FUNCTION slow(v INT) RETURNS INT AS $$ BEGIN PERFORM pg_sleep((SELECT seconds FROM pace)); RETURN v; END $$"
                        + " LANGUAGE plpgsql VOLATILE",
                "CREATE TABLE reg (id INT, born DATE, town CHAR(9), sex CHAR(1))",
                "CREATE VIEW slow_reg AS SELECT slow(id) AS id, born, town, sex FROM reg",
                "INSERT INTO reg VALUES (1, DATE '2024-01-10', '510811101', '1')", // 卫子镇 M
                "INSERT INTO reg VALUES (2, DATE '2024-02-10', '510811101', '2')", // 卫子镇 F
                "INSERT INTO reg VALUES (3, DATE '2024-03-10', '510811108', '2')", // 昭化镇 F
                "INSERT INTO reg VALUES (4, DATE '2024-03-11', '510811108', 'X')"); // sex X: quarantined
        conf = ItWarehouse.conf(dir, Map.of(SOURCE, """
                department: fault_health
                name_zh: 卫生
                name_en: Health
                jdbc:
                  url: "%s"
                  driver: org.postgresql.Driver
                  user: {env: IT_PG_USER}
                  fetch_size: 1
                extracts:
                  - name: births
                    table: slow_reg
                    key: [id]
                    year: {date: born}
                    measure: live_births
                    region: {code: town}
                    sex: {column: sex, codes: {"1": M, "2": F}}
                    raw:
                      keep: [id, born, town, sex]
                """.formatted(pg.url())));
        ctx = ItWarehouse.context(conf, progress, Map.of("IT_PG_USER", "postgres"));
        new IngestJob(10).run(ctx, YEAR, Optional.empty());
    }

    @AfterAll
    static void drop() throws Exception {
        try (var db = pg) {
            // closing drops it
        }
    }

    static final String QUARANTINED = "births id=4 mapping sex code 'X' in sex is not in the extract's codes";

    @Test
    @Order(1)
    void aLoadKilledAfterStagingRawAndQuarantineLeavesThePreviousLoadVisible() throws Exception {
        // 昭化镇 gets a boy (5)
        killedAndRerun("after-raw", "INSERT INTO reg VALUES (5, DATE '2024-04-10', '510811108', '1')", false, List.of(
                "live_births 510811101 F _T _T 1", "live_births 510811101 M _T _T 1",
                "live_births 510811108 F _T _T 1", "live_births 510811108 M _T _T 1"), List.of("1", "2", "3", "4", "5"));
    }

    @Test
    @Order(2)
    void aLoadKilledInsideTheIcebergCommitToFactsLeavesThePreviousLoadVisible() throws Exception {
        // 昭化镇 gets a second girl (6)
        killedAndRerun("facts-commit", "INSERT INTO reg VALUES (6, DATE '2024-05-10', '510811108', '2')", false, List.of(
                "live_births 510811101 F _T _T 1", "live_births 510811101 M _T _T 1",
                "live_births 510811108 F _T _T 2", "live_births 510811108 M _T _T 1"), List.of("1", "2", "3", "4", "5", "6"));
    }

    @Test
    @Order(3)
    void aLoadKilledAfterItsFactsCommitIsRecordedByTheNextRun() throws Exception {
        // 卫子镇 gets a second girl (7)
        killedAndRerun("after-facts", "INSERT INTO reg VALUES (7, DATE '2024-06-10', '510811101', '2')", true, List.of(
                "live_births 510811101 F _T _T 2", "live_births 510811101 M _T _T 1",
                "live_births 510811108 F _T _T 2", "live_births 510811108 M _T _T 1"), List.of("1", "2", "3", "4", "5", "6", "7"));
    }

    @Test
    @Order(4)
    void aDroppedConnectionIsRetriedWithoutCountingTwice() throws Exception {
        // 卫子镇 gets a second boy (8); the first attempt's connection is cut while it reads
        pg.exec("INSERT INTO reg VALUES (8, DATE '2024-07-10', '510811101', '1')", "UPDATE pace SET seconds = 1");
        long okLoads = okLoads();
        int warned = progress.warnings().size();
        Thread cutter = new Thread(() -> {
            try {
                awaitQueryRunning(120, null, List.of());
                pg.exec("UPDATE pace SET seconds = 0");
                pg.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + pg.name
                        + "' AND pid <> pg_backend_pid() AND query LIKE '%slow_reg%'");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        cutter.start();
        new IngestJob(10).run(ctx, YEAR, Optional.empty());
        cutter.join();
        List<String> warnings = progress.warnings().subList(warned, progress.warnings().size());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(SOURCE + ": attempt 1 failed (")), warnings.toString());
        assertClean(List.of("live_births 510811101 F _T _T 2", "live_births 510811101 M _T _T 2",
                "live_births 510811108 F _T _T 2", "live_births 510811108 M _T _T 1"), List.of("1", "2", "3", "4", "5", "6", "7", "8"));
        assertEquals(okLoads + 1, okLoads(), "the retried load is recorded once");
    }

    @Test
    @Order(5)
    void aSecondLoadOfTheSameYearFailsClearlyWhileTheFirstCompletes() throws Exception {
        // 昭化镇 gets a third girl (9); the first load reads slowly, the second starts meanwhile
        pg.exec("INSERT INTO reg VALUES (9, DATE '2024-08-10', '510811108', '2')", "UPDATE pace SET seconds = 1");
        Process child = startChild(null);
        List<String> output = follow(child);
        try {
            awaitQueryRunning(180, child, output);
            IngestFailedException e = assertThrows(IngestFailedException.class, () -> new IngestJob(10).run(ctx, YEAR, Optional.empty()));
            assertTrue(e.getMessage().contains("another load of " + SOURCE + " for " + YEAR + " is running (pid " + child.pid()),
                    e.getMessage());
            assertTrue(child.waitFor(180, TimeUnit.SECONDS), "the first load did not finish: " + output);
        } finally {
            child.destroyForcibly();
            pg.exec("UPDATE pace SET seconds = 0");
        }
        assertEquals(0, child.exitValue(), String.join("\n", output));
        assertClean(List.of("live_births 510811101 F _T _T 2", "live_births 510811101 M _T _T 2",
                "live_births 510811108 F _T _T 3", "live_births 510811108 M _T _T 1"), List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    /**
     * A new row arrives, a child load of it is halted at the point, and the warehouse is checked: as
     * before when the halt came before the facts commit, the new facts when after. Then a load in this
     * JVM completes, and the warehouse is exactly what a clean load gives.
     */
    private void killedAndRerun(String point, String newRow, boolean committed, List<String> factsAfter, List<String> rawIdsAfter)
            throws Exception {
        pg.exec(newRow);
        refresh();
        Long snapshot = ctx.warehouse().snapshotId(Warehouse.FACTS);
        List<String> facts = ItWarehouse.facts(SOURCE, YEAR);
        List<String> loads = ItWarehouse.strings("SELECT load_id, extract, status FROM " + Warehouse.LOADS + " WHERE source = '" + SOURCE + "'");
        List<String> raw = visibleRaw();
        List<String> quarantine = visibleQuarantine();
        List<String> allRaw = ItWarehouse.strings("SELECT * FROM " + RAW);
        List<String> allQuarantine = ItWarehouse.strings("SELECT * FROM " + Warehouse.QUARANTINE);

        Process child = startChild(point);
        List<String> output = follow(child);
        assertTrue(child.waitFor(240, TimeUnit.SECONDS), "the child did not halt: " + output);
        assertEquals(137, child.exitValue(), String.join("\n", output));
        synchronized (output) {
            assertTrue(output.stream().anyMatch(l -> l.startsWith("halting at " + point)), String.join("\n", output));
        }

        refresh();
        assertEquals(loads, ItWarehouse.strings("SELECT load_id, extract, status FROM " + Warehouse.LOADS + " WHERE source = '" + SOURCE + "'"),
                "meta.load changed");
        if (committed) {
            assertNotEquals(snapshot, ctx.warehouse().snapshotId(Warehouse.FACTS));
            assertEquals(factsAfter, ItWarehouse.facts(SOURCE, YEAR));
        } else {
            assertEquals(snapshot, ctx.warehouse().snapshotId(Warehouse.FACTS), "facts.observation has a new snapshot");
            assertEquals(facts, ItWarehouse.facts(SOURCE, YEAR));
            assertEquals(raw, visibleRaw(), "raw rows of recorded loads changed");
            assertEquals(quarantine, visibleQuarantine(), "quarantined rows of recorded loads changed");
        }
        // whether or not its facts were committed, the killed load's raw and quarantined rows are on its branch only
        assertEquals(allRaw, ItWarehouse.strings("SELECT * FROM " + RAW), "raw shows rows of the killed load");
        assertEquals(allQuarantine, ItWarehouse.strings("SELECT * FROM " + Warehouse.QUARANTINE), "quarantine shows rows of the killed load");

        long okLoads = okLoads();
        if (committed) {
            // the next command that opens the warehouse finishes the load: recorded, its raw rows visible
            assertEquals(List.of(SOURCE + "-" + YEAR), LoadCoordination.finishKilledLoads(ctx));
            refresh();
            assertEquals(rawIdsAfter, ItWarehouse.strings("SELECT id FROM " + RAW + " WHERE wc_year = " + YEAR));
            assertEquals(okLoads + 1, okLoads());
        }
        new IngestJob(10).run(ctx, YEAR, Optional.empty());
        assertClean(factsAfter, rawIdsAfter);
        // the next run records a load whose facts were committed, then its own
        assertEquals(okLoads + (committed ? 2 : 1), okLoads());
    }

    /** Exactly a clean run's warehouse: the facts, each raw row once, the one quarantined row, all of the latest load. */
    private static void assertClean(List<String> facts, List<String> rawIds) {
        refresh();
        assertEquals(facts, ItWarehouse.facts(SOURCE, YEAR));
        assertEquals(rawIds, ItWarehouse.strings("SELECT id FROM " + RAW + " WHERE wc_year = " + YEAR));
        assertEquals(List.of(QUARANTINED), ItWarehouse.strings("SELECT extract, row_key, rule, reason FROM " + Warehouse.QUARANTINE
                + " WHERE source = '" + SOURCE + "' AND year = " + YEAR));
        String latest = latestOk();
        assertEquals(List.of(latest), ItWarehouse.strings("SELECT DISTINCT load_id FROM " + RAW + " WHERE wc_year = " + YEAR));
        assertEquals(List.of(latest), ItWarehouse.strings("SELECT DISTINCT load_id FROM " + Warehouse.QUARANTINE + " WHERE source = '" + SOURCE + "'"));
        assertEquals(List.of(latest), ItWarehouse.strings("SELECT DISTINCT load_id FROM " + Warehouse.FACTS + " WHERE source = '" + SOURCE + "'"));
        int births = rawIds.size() - 1;
        assertEquals(List.of(rawIds.size() + " " + births + " 1"), ItWarehouse.strings("SELECT rows_read, rows_written, rows_quarantined FROM "
                + Warehouse.LOADS + " WHERE load_id = '" + latest + "'"));
    }

    /** What a reader sees of raw: the rows of the department's latest load recorded ok (docs/validation.md). */
    private static List<String> visibleRaw() {
        return ItWarehouse.strings("SELECT * FROM " + RAW + " WHERE load_id = '" + latestOk() + "'");
    }

    private static List<String> visibleQuarantine() {
        return ItWarehouse.strings("SELECT * FROM " + Warehouse.QUARANTINE + " WHERE load_id = '" + latestOk() + "'");
    }

    private static String latestOk() {
        return ItWarehouse.spark().sql("SELECT max_by(load_id, started_at) FROM " + Warehouse.LOADS + " WHERE status = 'ok' AND source = '"
                + SOURCE + "' AND year = " + YEAR).first().getString(0);
    }

    private static long okLoads() {
        return ItWarehouse.count("SELECT count(*) FROM " + Warehouse.LOADS + " WHERE status = 'ok' AND source = '" + SOURCE + "'");
    }

    /** The child JVMs wrote: this JVM's catalog may hold older metadata of the tables. */
    private static void refresh() {
        for (String t : List.of(Warehouse.FACTS, Warehouse.LOADS, Warehouse.QUARANTINE, RAW)) {
            ItWarehouse.spark().sql("REFRESH TABLE " + t);
        }
    }

    private static Process startChild(String haltAt) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(KilledLoadTest.sparkJvmFlags());
        cmd.add("-Xmx1g");
        if (haltAt != null) {
            cmd.add("-D" + FaultPoint.PROPERTY + "=" + haltAt);
            cmd.add("-Dspark.hadoop.fs.file.impl=" + HaltingFileSystem.class.getName());
            cmd.add("-Dspark.hadoop.fs.file.impl.disable.cache=true");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildIngest.class.getName());
        cmd.addAll(List.of(conf.toString(), ItWarehouse.home().toString(), String.valueOf(YEAR)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("IT_PG_USER", "postgres");
        return pb.start();
    }

    private static List<String> follow(Process child) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (Exception ignored) {
                // the child was killed
            }
        });
        t.setDaemon(true);
        t.start();
        return lines;
    }

    /** Waits until PostgreSQL runs a query of the slow view (not Spark's schema probe). */
    private static void awaitQueryRunning(int seconds, Process child, List<String> output) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            while (System.nanoTime() < end) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + pg.name
                        + "' AND state = 'active' AND pid <> pg_backend_pid() AND query LIKE '%slow_reg%' AND query NOT LIKE '%1=0%'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                if (child != null && !child.isAlive()) {
                    fail("the child ended (" + child.exitValue() + ") before its query ran:\n" + String.join("\n", output));
                }
                Thread.sleep(100);
            }
        }
        fail("the query never ran within " + seconds + " s");
    }
}
