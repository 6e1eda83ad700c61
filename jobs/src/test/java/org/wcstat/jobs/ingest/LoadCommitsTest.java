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
 * What a load costs the warehouse in commits, as docs/reliability.md describes them: a department's load of
 * a year that replaces an earlier load of it (as every yearly run after the first does) adds to each of its
 * raw tables one snapshot (its rows in and the earlier load's out, together) and three metadata files (the
 * branch made, the snapshot on it, main moved to it with the branch dropped); to facts.observation and
 * meta.load one snapshot each; to quarantine.rejected nothing when no row was quarantined, now or before.
 * Each metadata file lists every snapshot the table keeps, so these counts are what a load's commits cost.
 */
class LoadCommitsTest {
    static final String DEPARTMENT = "commits_h2";
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
        Path conf = ItWarehouse.conf(dir, Map.of(DEPARTMENT, """
                department: %s
                name_zh: 民政
                name_en: Civil Affairs
                jdbc:
                  url: "%s"
                  driver: org.h2.Driver
                  user: {env: IT_H2_USER}
                  password: {env: IT_H2_PASSWORD}
                extracts:
                %s""".formatted(DEPARTMENT, h2Url(), extracts)));
        ctx = ItWarehouse.context(conf, Progress.SILENT, Map.of("IT_H2_USER", "sa", "IT_H2_PASSWORD", ""));
    }

    @Test
    void aReloadOfAYearCommitsOncePerRawTableAndOnceToTheSharedTables() {
        IngestJob job = new IngestJob(10);
        job.run(ctx, 2024, Optional.of(DEPARTMENT));
        Map<String, Commits> before = commits();

        job.run(ctx, 2024, Optional.of(DEPARTMENT));
        Map<String, Commits> after = commits();

        for (String e : EXTRACTS) {
            String raw = Warehouse.rawTable(DEPARTMENT, e);
            assertEquals(new Commits(1, 3), after.get(raw).minus(before.get(raw)), raw);
        }
        assertEquals(new Commits(1, 1), after.get(Warehouse.FACTS).minus(before.get(Warehouse.FACTS)), Warehouse.FACTS);
        assertEquals(new Commits(1, 1), after.get(Warehouse.LOADS).minus(before.get(Warehouse.LOADS)), Warehouse.LOADS);
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
        for (String e : EXTRACTS) commits.put(Warehouse.rawTable(DEPARTMENT, e), commits(Warehouse.rawTable(DEPARTMENT, e)));
        for (String t : List.of(Warehouse.FACTS, Warehouse.LOADS, Warehouse.QUARANTINE)) commits.put(t, commits(t));
        return commits;
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
