package org.wcstat.jobs.assess;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.GroupCommit;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.TestRepo;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.ingest.FaultPoint;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-running an earlier year, and runs killed between the commits of the four assessment tables. A department
 * resubmits 2024 after 2025 was assessed: the re-run must leave 2025's series, assessment, warnings and
 * evaluations where they are. A run killed after staging its tables leaves them as they were; one killed
 * between two tables' commits is finished by the next command, so the tables never stay a mix of two runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessRerunTest {
    static final String DISTRICT = "510811";
    static final String YUANBA = "510811100";
    static final List<String> TABLES = List.of(Warehouse.SERIES, Warehouse.ASSESSMENT, Warehouse.WARNINGS, Warehouse.EVALUATION);

    @TempDir
    static Path home;
    static Path conf;
    static SparkSession spark;
    static JobContext ctx;
    static Map<String, List<String>> after2025;

    @BeforeAll
    static void values() throws Exception {
        conf = AssessConf.write(home.resolve("conf"), """
                indicators:
                  - {code: SLOW, plan: children, area: health, name_zh: 慢率, name_en: slow, unit: "%",
                     numerator: a, denominator: b, factor: 100, by: [town], target: ">= 90", sources: [health]}
                  - {code: MORE, plan: women, area: health, name_zh: 增数, name_en: more, unit: "人次",
                     numerator: a, target: increase, sources: [health]}
                """);
        spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();
        // SLOW: 80 + 0.6 a year from 2020 to 2026 in the district, 元坝镇 70, 71, 72 in 2024-2026; MORE: 100, 110, ... 160
        List<Row> rows = new ArrayList<>();
        for (int y = 2020; y <= 2026; y++) {
            value(rows, "SLOW", y, DISTRICT, 80 + 0.6 * (y - 2020));
            value(rows, "MORE", y, DISTRICT, 100 + 10 * (y - 2020));
            if (y >= 2024) value(rows, "SLOW", y, YUANBA, 70 + (y - 2024));
        }
        wh.append(spark.createDataFrame(rows, spark.table(Warehouse.INDICATOR_VALUES).schema()), Warehouse.INDICATOR_VALUES);
        ctx = new JobContext(Configuration.load(conf), home, wh, Progress.SILENT, Map.of());
    }

    private static void value(List<Row> rows, String indicator, int year, String region, double v) {
        rows.add(RowFactory.create(indicator, year, region, "_T", "_T", "_T", 1, v, 100.0, v, null, null, ""));
    }

    /** Every row of the four tables, as strings in order; the tables re-read, as another JVM may have written them. */
    private static Map<String, List<String>> tables() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String t : TABLES) {
            spark.sql("REFRESH TABLE " + t);
            m.put(t, spark.sql("SELECT * FROM " + t).collectAsList().stream().map(Row::toString).sorted().toList());
        }
        return m;
    }

    private static long count(String sql) {
        spark.sql("REFRESH TABLE " + Warehouse.SERIES);
        spark.sql("REFRESH TABLE " + Warehouse.ASSESSMENT);
        return spark.sql(sql).first().getLong(0);
    }

    @Test
    @Order(1)
    void reRunningAnEarlierYearKeepsEveryLaterYear() {
        new AssessJob().assess(ctx, 2024);
        Map<String, List<String>> after2024 = tables();
        new AssessJob().assess(ctx, 2025);
        after2025 = tables();
        // series: SLOW 6 district years and 2 of 元坝镇's, MORE 6: 14 rows up to 2025
        assertEquals(14, after2025.get(Warehouse.SERIES).size());
        assertNotEquals(after2024, after2025);

        // a department resubmits 2024: its rows are made again from the same values, and 2025's stay
        new AssessJob().assess(ctx, 2024);
        assertEquals(after2025, tables());
        assertEquals(3L, count("SELECT count(*) FROM " + Warehouse.SERIES + " WHERE year = 2025"));
        assertEquals(3L, count("SELECT count(*) FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2025"));
        // the mid-term evaluation stays the one made from 2025's data, the final outlook the one from 2025
        List<String> evaluations = after2025.get(Warehouse.EVALUATION);
        assertTrue(evaluations.stream().allMatch(r -> r.startsWith("[2025,2025,") || r.startsWith("[2030,2025,")), evaluations.toString());
    }

    @Test
    @Order(2)
    void aRunKilledWithItsTablesStagedLeavesThemAsTheyWere() throws Exception {
        List<String> output = runChild(2026, GroupCommit.STAGED);
        assertTrue(output.contains("halting at " + GroupCommit.STAGED), String.join("\n", output));
        assertFalse(Files.exists(home.resolve("locks/pending-assess-fast-forwards.json")));
        assertEquals(after2025, tables());
        // the next command has nothing to finish
        GroupCommit.complete(ctx.warehouse(), home, Progress.SILENT);
        assertEquals(after2025, tables());
    }

    @Test
    @Order(3)
    void aRunKilledBetweenTheTablesCommitsIsFinishedByTheNextCommand() throws Exception {
        List<String> output = runChild(2026, GroupCommit.BETWEEN_FAST_FORWARDS);
        assertTrue(output.contains("halting at " + GroupCommit.BETWEEN_FAST_FORWARDS), String.join("\n", output));
        assertTrue(Files.exists(home.resolve("locks/pending-assess-fast-forwards.json")));
        // as the run left them: the series holds 2026, the assessment does not yet
        assertEquals(3L, count("SELECT count(*) FROM " + Warehouse.SERIES + " WHERE year = 2026"));
        assertEquals(0L, count("SELECT count(*) FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2026"));

        // the next command that opens the warehouse finishes the commit: all four tables as the 2026 run made them
        GroupCommit.complete(ctx.warehouse(), home, Progress.SILENT);
        assertFalse(Files.exists(home.resolve("locks/pending-assess-fast-forwards.json")));
        Map<String, List<String>> rolledForward = tables();
        assertEquals(3L, count("SELECT count(*) FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2026"));
        // which is what a clean run of 2026 gives
        new AssessJob().assess(ctx, 2026);
        assertEquals(tables(), rolledForward);
    }

    /** Runs the assessment of a year in a JVM of its own, halted at the fault point; its output lines. */
    private static List<String> runChild(int year, String haltAt) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(TestRepo.sparkJvmFlags());
        cmd.add("-Xmx1g");
        cmd.add("-D" + FaultPoint.PROPERTY + "=" + haltAt);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildAssess.class.getName());
        cmd.addAll(List.of(conf.toString(), home.toString(), String.valueOf(year)));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) lines.add(l);
        }
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child did not end: " + lines);
        assertEquals(137, child.exitValue(), String.join("\n", lines));
        return lines;
    }
}
