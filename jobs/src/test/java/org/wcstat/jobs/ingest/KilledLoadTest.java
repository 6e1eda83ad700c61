package org.wcstat.jobs.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A load killed while it reads leaves the warehouse as it was, and the next load completes. The
 * killed load runs in a JVM of its own against a PostgreSQL source slowed down per row, and is
 * killed once the source shows its query running.
 */
class KilledLoadTest {
    static final int YEAR = 2024;
    static final String SOURCE = "slow_health";

    @TempDir
    static Path dir;
    static TestDatabases.Postgres pg;
    static Path conf;
    static JobContext ctx;

    @BeforeAll
    static void source() throws Exception {
        pg = new TestDatabases.Postgres();
        // every row the view returns waits pace.seconds: zero for the loads that should finish
        pg.exec("CREATE TABLE pace (seconds FLOAT)",
                "INSERT INTO pace VALUES (0)",
                "CREATE FUNCTION slow(v INT) RETURNS INT AS $$ BEGIN PERFORM pg_sleep((SELECT seconds FROM pace)); RETURN v; END $$"
                        + " LANGUAGE plpgsql VOLATILE",
                "CREATE TABLE reg (id INT, born DATE, town CHAR(9), sex CHAR(1))",
                "CREATE VIEW slow_reg AS SELECT slow(id) AS id, born, town, sex FROM reg",
                "INSERT INTO reg VALUES (1, DATE '2024-01-10', '510811101', '1')", // 卫子镇 M
                "INSERT INTO reg VALUES (2, DATE '2024-02-10', '510811101', '2')", // 卫子镇 F
                "INSERT INTO reg VALUES (3, DATE '2024-03-10', '510811108', '2')", // 昭化镇 F
                "INSERT INTO reg VALUES (4, DATE '2023-03-10', '510811108', '2')"); // 2023: not read
        conf = ItWarehouse.conf(dir, Map.of(SOURCE, """
                department: slow_health
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
                    year: {date: born}
                    measure: live_births
                    region: {code: town}
                    sex: {column: sex, codes: {"1": M, "2": F}}
                    raw:
                      keep: [id, born, town, sex]
                """.formatted(pg.url())));
        ctx = ItWarehouse.context(conf, Progress.SILENT, Map.of("IT_PG_USER", "postgres"));
    }

    @AfterAll
    static void drop() throws Exception {
        try (var db = pg) {
            // closing drops it; null when the server was not there
        }
    }

    @Test
    void aLoadKilledWhileReadingLeavesThePreviousSnapshot() throws Exception {
        new IngestJob(10).run(ctx, YEAR, Optional.empty());
        // 卫子镇 one boy and one girl, 昭化镇 one girl
        List<String> before = List.of(
                "live_births 510811101 F _T _T 1",
                "live_births 510811101 M _T _T 1",
                "live_births 510811108 F _T _T 1");
        assertEquals(before, ItWarehouse.facts(SOURCE, YEAR));
        Long snapshot = ctx.warehouse().snapshotId(Warehouse.FACTS);
        List<String> factRows = everything(Warehouse.FACTS);
        List<String> rawRows = everything("wh.raw.slow_health_births");
        long loads = ItWarehouse.count("SELECT count(*) FROM " + Warehouse.LOADS + " WHERE source = '" + SOURCE + "'");

        // two more births arrive, so a load that got through would change the facts; reading now takes
        // 5 s a row, 25 s in all, far longer than it takes to notice the read and kill it
        pg.exec("INSERT INTO reg VALUES (5, DATE '2024-04-10', '510811108', '1')", // 昭化镇 M
                "INSERT INTO reg VALUES (6, DATE '2024-05-10', '510811108', '2')", // 昭化镇 F
                "UPDATE pace SET seconds = 5");
        Process child = startChild();
        List<String> output = follow(child);
        try {
            awaitLine(output, "step: " + SOURCE + " · births: reading " + YEAR, child, 120);
            awaitQueryRunning(120, child, output);
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        assertTrue(output.stream().noneMatch(l -> l.startsWith("done:") || l.contains("rows read")),
                "the child got past reading before it was killed: " + output);

        assertEquals(snapshot, ctx.warehouse().snapshotId(Warehouse.FACTS), "facts.observation has a new snapshot");
        assertEquals(factRows, everything(Warehouse.FACTS));
        assertEquals(rawRows, everything("wh.raw.slow_health_births"));
        assertEquals(loads, ItWarehouse.count("SELECT count(*) FROM " + Warehouse.LOADS + " WHERE source = '" + SOURCE + "'"));

        pg.exec("UPDATE pace SET seconds = 0");
        new IngestJob(10).run(ctx, YEAR, Optional.empty());
        // now 卫子镇 one boy and one girl, 昭化镇 one boy and two girls
        assertEquals(List.of(
                "live_births 510811101 F _T _T 1",
                "live_births 510811101 M _T _T 1",
                "live_births 510811108 F _T _T 2",
                "live_births 510811108 M _T _T 1"), ItWarehouse.facts(SOURCE, YEAR));
        assertNotEquals(snapshot, ctx.warehouse().snapshotId(Warehouse.FACTS));
        assertEquals(List.of("1", "2", "3", "5", "6"), ItWarehouse.strings("SELECT id FROM wh.raw.slow_health_births WHERE wc_year = " + YEAR));
    }

    private static List<String> everything(String table) {
        return ItWarehouse.strings("SELECT * FROM " + table);
    }

    private static Process startChild() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(sparkJvmFlags());
        cmd.add("-Xmx1g");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildIngest.class.getName());
        cmd.addAll(List.of(conf.toString(), ItWarehouse.home().toString(), String.valueOf(YEAR)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("IT_PG_USER", "postgres");
        return pb.start();
    }

    /** The flags Spark needs on Java 17, as the build gives them to every JVM (spark.jvm.flags in pom.xml). */
    static List<String> sparkJvmFlags() throws Exception {
        return org.wcstat.jobs.TestRepo.sparkJvmFlags();
    }

    /** The child's output lines, collected as they come. */
    private static List<String> follow(Process child) {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
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

    private static void awaitLine(List<String> output, String start, Process child, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            synchronized (output) {
                if (output.stream().anyMatch(l -> l.startsWith(start))) {
                    return;
                }
            }
            if (!child.isAlive()) {
                fail("the child ended (" + child.exitValue() + ") before '" + start + "':\n" + String.join("\n", output));
            }
            Thread.sleep(100);
        }
        fail("no '" + start + "' from the child within " + seconds + " s:\n" + String.join("\n", output));
    }

    /** Waits until PostgreSQL runs the child's query of the slow view. */
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
                if (!child.isAlive()) {
                    fail("the child ended (" + child.exitValue() + ") before its query ran:\n" + String.join("\n", output));
                }
                Thread.sleep(100);
            }
        }
        fail("the child's query never ran within " + seconds + " s:\n" + String.join("\n", output));
    }
}
