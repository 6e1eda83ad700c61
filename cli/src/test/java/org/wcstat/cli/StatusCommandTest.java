package org.wcstat.cli;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `wcstat status` on a warehouse of hand-written rows, four years in four states:
 * <ul>
 *   <li>2022: published, then loaded, computed and assessed again to the same figures: nothing to do;</li>
 *   <li>2023: published, then loaded again and computed to a different value: a new revision;</li>
 *   <li>2024: health's last load failed after an earlier one succeeded; published twice: reload health, then
 *       compute, assess and publish, which keeps the release or says to publish a new revision;</li>
 *   <li>2025: loaded only: compute, assess, publish.</li>
 * </ul>
 */
class StatusCommandTest {
    @TempDir
    static Path home;

    static Path conf;
    static List<String> departments;
    static String options;
    static long values2024;

    @BeforeAll
    static void handWrittenHome() throws IOException {
        conf = TestRepo.demoConf();
        options = " --home " + home + " --conf " + conf;
        departments = Configuration.load(conf).sources().stream().map(SourceConfig::department).sorted().toList();
        SparkSession spark = Spark.session(WarehouseSettings.load(conf), home, System.getenv());
        Warehouse wh = new Warehouse(spark).ensureTables();

        // the commits in the order the stages make them: facts, then values, then the assessment and warnings
        spark.sql("INSERT INTO " + Warehouse.FACTS + " VALUES " + facts(2022) + "," + facts(2023) + "," + facts(2024) + "," + facts(2025));
        spark.sql("INSERT INTO " + Warehouse.INDICATOR_VALUES + " VALUES " + value(2022, 2.0) + "," + value(2023, 2.02) + "," + value(2024, 2.04));
        spark.sql("INSERT INTO " + Warehouse.ASSESSMENT + " VALUES " + assessment(2022) + "," + assessment(2023) + "," + assessment(2024));
        // 2023's two low warnings are not the latest year's; 2024 has one high and three medium
        spark.sql("INSERT INTO " + Warehouse.WARNINGS + " VALUES " + warnings2023() + ","
                + "(2024, 'C-H-01', '510811', '_T', '_T', '_T', 'projected_miss', 'high', 'r3'),"
                + "(2024, 'C-H-02', '510811', '_T', '_T', '_T', 'needs_acceleration', 'medium', 'r4'),"
                + "(2024, 'C-H-03', '510811', '_T', '_T', '_T', 'needs_acceleration', 'medium', 'r5'),"
                + "(2024, 'W-H-01', '510811', '_T', '_T', '_T', 'fluctuation', 'medium', 'r6')");

        // every department loaded every year at 10:00 on 1 March of the next, 100 rows read; then:
        // education's 2023 load was its second, the first (100 quarantined) superseded; it read 60 + 40 rows in two
        // extracts and quarantined 5 + 2; health's 2024 load failed on 2 March, after its load of 1 March succeeded
        List<String> rows = new ArrayList<>();
        for (int year = 2022; year <= 2025; year++) {
            for (String d : departments) {
                String at = "TIMESTAMP '" + (year + 1) + "-03-01 10:00:00'";
                String id = "'" + d + "-" + year + "'";
                if (d.equals("education") && year == 2023) {
                    rows.add(load("'education-2023-first'", d, "pupils", year, "TIMESTAMP '2024-02-01 10:00:00'", 100, 100, "'ok'", "NULL"));
                    rows.add(load(id, d, "pupils", year, at, 60, 5, "'ok'", "NULL"));
                    rows.add(load(id, d, "teachers", year, at, 40, 2, "'ok'", "NULL"));
                } else {
                    rows.add(load(id, d, "main", year, at, 100, 0, "'ok'", "NULL"));
                }
            }
        }
        rows.add(load("'health-2024-again'", "health", "*", 2024, "TIMESTAMP '2025-03-02 10:00:00'", 0, 0, "'failed'",
                "'Connection refused: the health database is down\nat line 2'"));
        spark.sql("INSERT INTO " + Warehouse.LOADS + " VALUES " + String.join(",", rows));

        // the releases, from the tables as they are now; 2024's first revision two days before
        Instant now = Instant.now();
        values2024 = wh.snapshotId(Warehouse.INDICATOR_VALUES);
        manifest(wh, "2022", 2022, 1, now);
        manifest(wh, "2023", 2023, 1, now);
        manifest(wh, "2024-r1", 2024, 1, now.minus(Duration.ofDays(2)));
        manifest(wh, "2024", 2024, 2, now);

        // then 2022 and 2023 are loaded, computed and assessed again; 2022 to the same figures, 2023 to another value
        for (String table : List.of(Warehouse.FACTS, Warehouse.INDICATOR_VALUES)) {
            spark.sql("DELETE FROM " + table + " WHERE year IN (2022, 2023)");
        }
        spark.sql("INSERT INTO " + Warehouse.FACTS + " VALUES " + facts(2022) + "," + facts(2023));
        spark.sql("INSERT INTO " + Warehouse.INDICATOR_VALUES + " VALUES " + value(2022, 2.0) + "," + value(2023, 2.5));
        for (String table : List.of(Warehouse.ASSESSMENT, Warehouse.WARNINGS)) {
            spark.sql("DELETE FROM " + table + " WHERE assessed_year IN (2022, 2023)");
        }
        spark.sql("INSERT INTO " + Warehouse.ASSESSMENT + " VALUES " + assessment(2022) + "," + assessment(2023));
        spark.sql("INSERT INTO " + Warehouse.WARNINGS + " VALUES " + warnings2023());
    }

    private static String facts(int year) {
        return "('live_births', " + year + ", '510811', '_T', '_T', '_T', " + (3022 - year) + ", 'health', 'births', 'h" + year + "')";
    }

    private static String value(int year, double value) {
        return "('C-H-01', " + year + ", '510811', '_T', '_T', '_T', 1, 2, 1000, " + value + ", NULL, NULL, '')";
    }

    private static String assessment(int year) {
        return "('C-H-01', " + year + ", '510811', '_T', '_T', '_T', 'on_track', '进展顺利', 'on track', 'cagr_ratio', "
                + "2020, 2.5, 2.0, 1.8, 2030, 1.1, NULL, NULL, NULL, NULL)";
    }

    private static String warnings2023() {
        return "(2023, 'C-H-01', '510811', '_T', '_T', '_T', 'fluctuation', 'low', 'r1'),"
                + "(2023, 'C-H-02', '510811', '_T', '_T', '_T', 'fluctuation', 'low', 'r2')";
    }

    private static String load(String id, String source, String extract, int year, String at, long read, long quarantined,
                               String status, String message) {
        return "(" + id + ", '" + source + "', '" + extract + "', " + year + ", " + at + ", 1000, " + read + ", " + (read - quarantined)
                + ", " + quarantined + ", 10, NULL, NULL, " + status + ", " + message + ", NULL)";
    }

    /** A release's manifest as publish writes it, with the tables' snapshots now. */
    private static void manifest(Warehouse wh, String folder, int year, int revision, Instant at) throws IOException {
        Path dir = Files.createDirectories(home.resolve("releases").resolve(folder));
        Files.writeString(dir.resolve("manifest.json"), "{\"year\": " + year + ", \"revision\": " + revision
                + ", \"tag\": \"release-" + year + "\", \"built_from\": \"warehouse\", \"published_at\": \"" + at + "\", \"snapshots\": {"
                + "\"indicators.value\": " + wh.snapshotId(Warehouse.INDICATOR_VALUES)
                + ", \"indicators.assessment\": " + wh.snapshotId(Warehouse.ASSESSMENT)
                + ", \"indicators.warning\": " + wh.snapshotId(Warehouse.WARNINGS) + ", \"indicators.series\": null}}");
    }

    @Test
    void theYearsTheirLoadsReleasesWarningsAndWhatToRunNext() throws IOException {
        List<String> before = tree(home);
        String out = status("status", "--home", home.toString(), "--conf", conf.toString());
        List<String> lines = out.lines().toList();

        // the demo's folder, and the county's it extends
        assertTrue(lines.contains("configuration " + conf + " (over " + TestRepo.root().resolve("conf").normalize() + ")"), out);
        assertTrue(lines.contains("  facts:            2022-2025"), out);
        assertTrue(lines.contains("  indicator values: 2022-2024"), out);
        assertTrue(lines.contains("  assessed:         2022-2024"), out);
        assertTrue(lines.contains("  published:        2022-2024"), out);

        int n = departments.size();
        // 2023: every department's 100 rows; education's 60 + 40 of its second load, quarantined 5 + 2 = 7
        assertTrue(out.contains("  2023  " + n + " departments: " + n + " ok; " + String.format("%,d", 100 * n)
                + " rows read, 7 quarantined (education 7); last 2024-03-01 10:00"), out);
        // 2024: health's last load failed and read nothing: the other departments' 100 rows each
        assertTrue(out.contains("  2024  " + n + " departments: " + (n - 1) + " ok, 1 failed (health); "
                + String.format("%,d", 100 * (n - 1)) + " rows read, none quarantined; last 2025-03-02 10:00"), out);

        assertTrue(out.contains("  2024  revision 2, published " + time(lines, 2024) + ", from indicators.value snapshot " + values2024 + "\n"
                + "        revision 1, published "), out);
        assertTrue(out.contains("from indicators.value snapshot " + values2024 + ", kept in releases/2024-r1/"), out);

        assertTrue(lines.contains("Warnings for 2024, the latest year assessed: 1 high, 3 medium"), out);

        String next = out.substring(out.indexOf("\nNext\n"));
        assertEquals(String.join("\n", "",
                "Next",
                "  2023 was loaded again after its release (revision 1 of " + time(lines, 2023) + ") and its figures changed:",
                "    wcstat publish --year 2023 --republish" + options,
                "  The last load of 2024 failed for health (Connection refused: the health database is down)"
                        + "; publish keeps its release if the figures come out the same:",
                "    wcstat ingest --year 2024 --source health" + options,
                "    wcstat compute --year 2024" + options,
                "    wcstat assess --year 2024" + options,
                "    wcstat publish --year 2024" + options,
                "  2025 is loaded but not computed:",
                "    wcstat compute --year 2025" + options,
                "    wcstat assess --year 2025" + options,
                "    wcstat publish --year 2025" + options, ""), next);

        assertEquals(before, tree(home), "status changed nothing in the home");
    }

    @Test
    void aHomeWithoutAWarehouseSaysWhatToRunAndMakesNone() {
        Path empty = home.resolve("nothing-here");
        String out = status("status", "--home", empty.toString(), "--conf", conf.toString());
        String opts = " --home " + empty + " --conf " + conf;
        assertTrue(out.contains("No warehouse there yet: nothing is loaded."), out);
        assertTrue(out.contains("\n    wcstat quickstart" + opts + "\n"), out);
        assertTrue(out.contains("\n    wcstat run --year " + (java.time.Year.now().getValue() - 1) + opts + "\n"), out);
        assertFalse(Files.exists(empty), "status made no home");
    }

    /** The publication time as the releases section printed it, to find it again in the next steps. */
    private static String time(List<String> lines, int year) {
        String line = lines.stream().filter(l -> l.startsWith("  " + year + "  revision")).findFirst().orElseThrow();
        return line.substring(line.indexOf("published ") + "published ".length(), line.indexOf(", from"));
    }

    private static String status(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Wcstat.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() + " " + p.toFile().lastModified() : ""))
                    .sorted().collect(Collectors.toList());
        }
    }
}
