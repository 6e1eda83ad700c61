package org.wcstat.jobs.ingest;

import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a load costs the warehouse in commits, as docs/reliability.md describes them: an ingest of two
 * departments' year that replaces an earlier load of it (as every yearly run after the first does) adds to
 * each of their raw tables one snapshot (its rows in and the earlier load's out, together) and three metadata
 * files (the branch made, the snapshot on it, main moved to it with the branch dropped); to facts.observation
 * one snapshot per department; to meta.load one for the whole ingest; to quarantine.rejected nothing when no
 * row was quarantined, now or before.
 * Each metadata file lists every snapshot the table keeps, so these counts are what a load's commits cost.
 */
class LoadCommitsTest {
    static final String DEPARTMENT = "commits_h2";
    /** A second department in the same ingest, one extract: its facts commit is its own, its record joins the first's. */
    static final String OTHER = "commits_h2_other";
    static final List<String> EXTRACTS = List.of("households", "dwellings", "farms");

    @TempDir
    static Path dir;
    static JobContext ctx;

    @BeforeAll
    static void database() throws Exception {
        try (Connection c = DriverManager.getConnection(h2Url(), "sa", ""); Statement s = c.createStatement()) {
            for (String table : EXTRACTS) {
                s.execute("CREATE TABLE " + table + " (Y INT, TOWN VARCHAR(10), CNT INT)");
                s.execute("INSERT INTO " + table + " VALUES (2024, '卫子镇', 5), (2024, '昭化镇', 7), (2023, '卫子镇', 3)");
            }
        }
        StringBuilder extracts = new StringBuilder();
        for (String e : EXTRACTS) {
            extracts.append("""
                      - name: %s
                        table: %s
                        year: {column: Y}
                        measure: %s
                        region: {name: TOWN}
                        value: {column: CNT}
                        raw:
                          keep: [Y, TOWN, CNT]
                    """.formatted(e, e.toUpperCase(), e));
        }
        Path conf = ItWarehouse.conf(dir, Map.of(OTHER, ItWarehouse.h2Source(OTHER, "统计", "Statistics", h2Url(), """
                  - name: households
                    table: HOUSEHOLDS
                    year: {column: Y}
                    measure: households
                    region: {name: TOWN}
                    value: {column: CNT}
                    raw:
                      keep: [Y, TOWN, CNT]
                """), DEPARTMENT, ItWarehouse.h2Source(DEPARTMENT, "民政", "Civil Affairs", h2Url(), extracts.toString())));
        ctx = ItWarehouse.context(conf, Progress.SILENT, Map.of("IT_H2_USER", "sa", "IT_H2_PASSWORD", ""));
    }

    @Test
    void aReloadOfAYearCommitsOncePerRawTableAndOnceToTheSharedTables() {
        IngestJob job = new IngestJob(10);
        job.run(ctx, 2024, Optional.empty());
        Map<String, Commits> before = commits();

        job.run(ctx, 2024, Optional.empty());
        Map<String, Commits> after = commits();

        for (String raw : rawTables()) {
            assertEquals(new Commits(1, 3), after.get(raw).minus(before.get(raw)), raw);
        }
        // one facts commit per department; the two departments' records in one append
        assertEquals(new Commits(2, 2), after.get(Warehouse.FACTS).minus(before.get(Warehouse.FACTS)), Warehouse.FACTS);
        assertEquals(new Commits(1, 1), after.get(Warehouse.LOADS).minus(before.get(Warehouse.LOADS)), Warehouse.LOADS);
        // 3 extracts of the first department and 1 of the other, each recorded once for 2024
        assertEquals(List.of(DEPARTMENT + " 3", OTHER + " 1"), ItWarehouse.strings("SELECT source, count(*) FROM " + Warehouse.LOADS
                + " WHERE year = 2024 AND source LIKE 'commits_h2%' AND load_id IN (SELECT DISTINCT load_id FROM " + Warehouse.FACTS
                + " WHERE year = 2024) GROUP BY source"));
        assertEquals(List.of(), LoadCoordination.unfinishedLoads(ItWarehouse.home()), "a marker was left behind");
        assertEquals(new Commits(0, 0), after.get(Warehouse.QUARANTINE).minus(before.get(Warehouse.QUARANTINE)), Warehouse.QUARANTINE);
        // and the reload replaced the year: 卫子镇 5 and 昭化镇 7 of each extract, once, no branch left behind
        for (String e : EXTRACTS) {
            String raw = Warehouse.rawTable(DEPARTMENT, e);
            assertEquals(List.of("5 2024", "7 2024"), ItWarehouse.strings("SELECT CNT, wc_year FROM " + raw + " WHERE wc_year = 2024"));
            assertEquals(List.of("main"), ItWarehouse.strings("SELECT name FROM " + raw + ".refs"));
        }
    }

    /** A table's snapshots, and the version of its current metadata file (one more for every commit). */
    record Commits(long snapshots, long metadataFiles) {
        Commits minus(Commits earlier) {
            return new Commits(snapshots - earlier.snapshots, metadataFiles - earlier.metadataFiles);
        }
    }

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)[-.][^/]*metadata\\.json$");

    private static Map<String, Commits> commits() {
        Map<String, Commits> commits = new LinkedHashMap<>();
        for (String raw : rawTables()) commits.put(raw, commits(raw));
        for (String t : List.of(Warehouse.FACTS, Warehouse.LOADS, Warehouse.QUARANTINE)) commits.put(t, commits(t));
        return commits;
    }

    private static List<String> rawTables() {
        List<String> tables = new java.util.ArrayList<>();
        EXTRACTS.forEach(e -> tables.add(Warehouse.rawTable(DEPARTMENT, e)));
        tables.add(Warehouse.rawTable(OTHER, "households"));
        return tables;
    }

    private static Commits commits(String name) {
        try {
            Table t = Spark3Util.loadIcebergTable(ItWarehouse.spark(), name);
            t.refresh();
            long snapshots = 0;
            for (Snapshot ignored : t.snapshots()) snapshots++;
            String metadata = ((HasTableOperations) t).operations().current().metadataFileLocation();
            Matcher m = VERSION.matcher(metadata);
            if (!m.find()) throw new IllegalStateException("no version in the metadata file name " + metadata);
            return new Commits(snapshots, Long.parseLong(m.group(1)));
        } catch (org.apache.spark.sql.catalyst.parser.ParseException | org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException("cannot open " + name + ": " + e.getMessage(), e);
        }
    }

    private static String h2Url() {
        return "jdbc:h2:file:" + dir.resolve("commits").toAbsolutePath();
    }
}
