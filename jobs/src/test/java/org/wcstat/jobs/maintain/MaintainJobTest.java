package org.wcstat.jobs.maintain;

import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.actions.SparkActions;
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
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.TestConf;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.compute.ComputeJob;
import org.wcstat.jobs.publish.PublishJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maintenance of a warehouse whose year was loaded again and again after its release: real Spark and
 * Iceberg on a warehouse filled by hand, published (so the tags exist), then the year's facts and
 * values replaced 30 times, as 30 re-runs of its load and compute would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintainJobTest {
    static final String D = "510811";
    static final String T101 = D + "101", T102 = D + "102";
    static final int RERUNS = 30;
    /** maintenance.keep_last when conf/warehouse.yaml is absent, as in this test's conf. */
    static final int KEEP_LAST = 5;

    @TempDir
    static Path home;
    static SparkSession spark;
    static JobContext ctx;
    static final List<String> progress = new ArrayList<>();
    static List<String> releasedValues;
    static Costs factsBefore, loadsBefore, factsAfter, loadsAfter;
    static MaintenanceReport report;

    /**
     * What a query of a table plans over (its metadata file, manifests and data files of the current
     * snapshot), which decides its time beside the rows, and what the table keeps on disk.
     */
    record Costs(int snapshots, long metadataBytes, long manifests, long currentDataFiles, long dataFilesOnDisk,
                 long metadataFilesOnDisk) {
        static Costs of(String table) throws IOException {
            Table t = table(table);
            int snapshots = 0;
            for (var ignored : t.snapshots()) snapshots++;
            String metadata = ((HasTableOperations) t).operations().current().metadataFileLocation();
            long manifests = spark.sql("SELECT count(*) FROM " + table + ".manifests").first().getLong(0);
            long files = spark.sql("SELECT count(*) FROM " + table + ".files").first().getLong(0);
            Path folder = Path.of(java.net.URI.create(t.location()));
            return new Costs(snapshots, Files.size(Path.of(java.net.URI.create(metadata))), manifests, files,
                    count(folder.resolve("data"), ".parquet"), count(folder.resolve("metadata"), ".metadata.json"));
        }

        private static long count(Path dir, String suffix) throws IOException {
            if (!Files.exists(dir)) return 0;
            try (Stream<Path> s = Files.walk(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
            }
        }
    }

    @BeforeAll
    static void publishThenLoadTheYearAgainThirtyTimes() throws Exception {
        Path conf = home.resolve("conf");
        TestConf.write(conf, List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml"), "B: live_births, D: deaths", """
                indicators:
                  - {code: RATE, plan: children, area: health, name_zh: 死亡率, name_en: death rate, unit: "‰",
                     numerator: deaths, denominator: live_births, factor: 1000, by: [town], sources: [health]}
                """);
        spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();
        ctx = new JobContext(Configuration.load(conf), home, wh, collecting(), Map.of());

        wh.append(spark.createDataFrame(facts(0), spark.table(Warehouse.FACTS).schema()), Warehouse.FACTS);
        wh.append(spark.createDataFrame(List.of(load(0)), spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);
        // the department's raw table, which maintenance must find by listing the raw namespace
        wh.create(spark.sql("SELECT 2024 AS wc_year, 'ab12' AS cert_no_hash, 'L-2024-0' AS load_id"),
                Warehouse.rawTable("health", "report"), "wc_year");
        new ComputeJob().run(ctx, 2024, Optional.empty());
        new PublishJob().run(ctx, 2024, Optional.empty());
        releasedValues = values("SELECT * FROM " + Warehouse.INDICATOR_VALUES);

        rerun(1, RERUNS);
        new ComputeJob().run(ctx, 2024, Optional.empty());
        // a table setting that would expire every tag at once: the release's must survive it anyway
        table(Warehouse.FACTS).updateProperties().set("history.expire.max-ref-age-ms", "1").commit();
        factsBefore = Costs.of(Warehouse.FACTS);
        loadsBefore = Costs.of(Warehouse.LOADS);
        report = new MaintainJob(new MaintainJob.Options(0)).maintain(ctx);
        factsAfter = Costs.of(Warehouse.FACTS);
        loadsAfter = Costs.of(Warehouse.LOADS);
    }

    /**
     * Re-runs of the year's load and compute, as they commit: the facts of (2024, health) replaced, the
     * load recorded (one more small file of meta.load each time), the values of 2024 replaced. Town 102 has
     * one more death each time, so the warehouse moves away from the release.
     */
    static void rerun(int from, int to) {
        Warehouse wh = ctx.warehouse();
        for (int i = from; i <= to; i++) {
            wh.replace(spark.createDataFrame(facts(i), spark.table(Warehouse.FACTS).schema()), Warehouse.FACTS,
                    col("year").equalTo(2024).and(col("source").equalTo("health")));
            wh.append(spark.createDataFrame(List.of(load(i)), spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);
            wh.replace(spark.table(Warehouse.INDICATOR_VALUES).where(col("year").equalTo(2024)), Warehouse.INDICATOR_VALUES,
                    col("year").equalTo(2024));
        }
    }

    static Row load(int run) {
        return RowFactory.create("L-2024-" + run, "health", "report", 2024, java.sql.Timestamp.valueOf("2025-03-01 08:00:00"),
                1000L, 4L, 4L, 0L, 4L, null, null, "ok", null, null);
    }

    /** 2024: town 101 4 deaths of 400 births; town 102 2 + extra deaths of 500 births. */
    static List<Row> facts(int extraDeaths) {
        return List.of(
                RowFactory.create("deaths", 2024, T101, "_T", "_T", "_T", 4.0, "health", "report", "L-2024-" + extraDeaths),
                RowFactory.create("deaths", 2024, T102, "_T", "_T", "_T", 2.0 + extraDeaths, "health", "report", "L-2024-" + extraDeaths),
                RowFactory.create("live_births", 2024, T101, "_T", "_T", "_T", 400.0, "health", "report", "L-2024-" + extraDeaths),
                RowFactory.create("live_births", 2024, T102, "_T", "_T", "_T", 500.0, "health", "report", "L-2024-" + extraDeaths));
    }

    @Test
    @Order(1)
    void theTaggedReleaseIsStillReadableAndRebuildsByteForByte() throws Exception {
        assertEquals(releasedValues, values("SELECT * FROM " + Warehouse.INDICATOR_VALUES + " VERSION AS OF 'release-2024'"));
        assertTrue(table(Warehouse.FACTS).refs().containsKey("release-2024"), "the facts' release tag outlived max-ref-age-ms = 1");
        assertEquals(Long.MAX_VALUE, table(Warehouse.FACTS).refs().get("release-2024").maxRefAgeMs());

        new PublishJob(new PublishJob.Options(true, true)).run(ctx, 2024, Optional.empty());
        Path first = home.resolve("releases/2024-r1");
        Path rebuilt = home.resolve("releases/2024");
        for (String folder : List.of("data", "sdmx")) {
            List<String> files = files(first.resolve(folder));
            assertEquals(files, files(rebuilt.resolve(folder)));
            assertTrue(files.size() >= 2, folder + ": " + files);
            for (String f : files) {
                assertEquals(-1, Files.mismatch(first.resolve(folder).resolve(f), rebuilt.resolve(folder).resolve(f)), folder + "/" + f);
            }
        }
    }

    @Test
    @Order(2)
    void theFactsKeepTheLastFiveSnapshotsAndTheTaggedOne() {
        // before: the first append and 30 replaces = 31 snapshots, each replace's data file still on disk
        assertEquals(1 + RERUNS, factsBefore.snapshots());
        assertEquals(1 + RERUNS, factsBefore.dataFilesOnDisk());
        // after: the last five (replaces 26 to 30) and the tagged first append; one data file each
        assertEquals(KEEP_LAST + 1, factsAfter.snapshots());
        assertEquals(KEEP_LAST + 1, factsAfter.dataFilesOnDisk());
        // a replace leaves one file in its one partition (2024, health), and the manifests are merged at every commit
        assertEquals(1, factsAfter.currentDataFiles());
        assertEquals(1, factsAfter.manifests());
        // the snapshot list is most of the metadata file: 31 entries, then 6
        assertTrue(factsAfter.metadataBytes() < factsBefore.metadataBytes() / 2, factsBefore + " -> " + factsAfter);
        // the current metadata file and the 10 before it (Warehouse.TABLE_PROPERTIES)
        assertTrue(factsAfter.metadataFilesOnDisk() <= 11, factsAfter.toString());
        assertTrue(report.lines().stream().anyMatch(l -> l.startsWith("facts.observation: snapshots 31 → 6,")), report.lines().toString());
    }

    @Test
    @Order(2)
    void theLoadRecordsSmallFilesAreCompactedIntoOne() {
        // one file per recorded load: the one before the release and 30 re-runs
        assertEquals(1 + RERUNS, loadsBefore.currentDataFiles());
        assertEquals(1, loadsAfter.currentDataFiles());
        // the compaction's snapshot, appends 27 to 30 and the tagged first append
        assertEquals(KEEP_LAST + 1, loadsAfter.snapshots());
        assertEquals(1 + RERUNS, spark.table(Warehouse.LOADS).count());
        assertTrue(report.lines().stream().anyMatch(l -> l.startsWith("meta.load: ") && l.contains("compacted 31 data files into 1")),
                report.lines().toString());
        // and the raw namespace was listed: the department's table was maintained too
        assertTrue(report.lines().stream().anyMatch(l -> l.startsWith("raw.health_report: snapshots 1 → 1")), report.lines().toString());
    }

    @Test
    @Order(3)
    void whatAQueryPlansOverDoesNotGrowWithMoreReruns() throws Exception {
        rerun(RERUNS + 1, RERUNS + 10);
        new MaintainJob(new MaintainJob.Options(0)).maintain(ctx);
        Costs facts = Costs.of(Warehouse.FACTS);
        Costs loads = Costs.of(Warehouse.LOADS);
        // each kept snapshot of the facts holds one file; meta.load's keep the files appended since the last compaction
        assertEquals(factsAfter.dataFilesOnDisk(), facts.dataFilesOnDisk());
        for (var pair : List.of(List.of(factsAfter, facts), List.of(loadsAfter, loads))) {
            Costs after30 = pair.get(0), after40 = pair.get(1);
            assertEquals(after30.snapshots(), after40.snapshots());
            assertEquals(after30.manifests(), after40.manifests());
            assertEquals(after30.currentDataFiles(), after40.currentDataFiles());
            assertEquals(after30.metadataFilesOnDisk(), after40.metadataFilesOnDisk());
            // the same entries; only the numbers in them (ids, counts, times) may differ in length
            assertTrue(Math.abs(after40.metadataBytes() - after30.metadataBytes()) < after30.metadataBytes() / 10, after30 + " -> " + after40);
        }
    }

    @Test
    @Order(4)
    void whileALoadIsUnfinishedTheFactsKeepTheirHistory() throws Exception {
        // the marker a load leaves until it has recorded itself (ingest's LoadCommit): the next load of
        // health 2024 finds its facts commit in the history, so that history must not be cut meanwhile
        Path marker = Files.createDirectories(home.resolve("locks")).resolve("pending-health-2024");
        Files.writeString(marker, "L-2024-killed");
        try {
            int factsBefore = Costs.of(Warehouse.FACTS).snapshots();
            rerun(RERUNS + 11, RERUNS + 12);
            progress.clear();
            new MaintainJob(new MaintainJob.Options(0)).maintain(ctx);
            assertEquals(factsBefore + 2, Costs.of(Warehouse.FACTS).snapshots());
            assertEquals(KEEP_LAST + 1, Costs.of(Warehouse.INDICATOR_VALUES).snapshots());
            assertTrue(progress.stream().anyMatch(l -> l.startsWith("warn: loads not finished: [health-2024]")), progress.toString());
        } finally {
            Files.delete(marker);
        }
    }

    @Test
    @Order(5)
    void aFileNoSnapshotReferencesIsRemovedOnceOlderThanTheAge() throws Exception {
        // what a write killed before its commit leaves: a data file no snapshot knows of
        Path partition = Path.of(java.net.URI.create(table(Warehouse.FACTS).location())).resolve("data/year=2024/source=health");
        Path old = Files.writeString(partition.resolve("00000-killed-write.parquet"), "PAR1");
        Path fresh = Files.writeString(partition.resolve("00001-writing-now.parquet"), "PAR1");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 86_400_000L));
        progress.clear();
        new MaintainJob(new MaintainJob.Options(1)).maintain(ctx);
        assertFalse(Files.exists(old), "the file of two days ago is removed");
        assertTrue(Files.exists(fresh), "a file younger than a day may belong to a write that has not committed yet");
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("step: facts.observation: ") && l.endsWith("removed 1 unreferenced files")),
                progress.toString());
        Files.delete(fresh);
    }

    @Test
    @Order(6)
    void icebergAloneWouldExpireATagPastTheTablesMaxRefAgeAndMaintenanceKeepsIt() throws Exception {
        spark.sql("CREATE NAMESPACE IF NOT EXISTS wh.scratch");
        for (String name : List.of("wh.scratch.bare", "wh.scratch.kept")) {
            spark.sql("CREATE TABLE " + name + " (v INT) USING iceberg TBLPROPERTIES ('history.expire.max-ref-age-ms' = '1')");
            spark.sql("INSERT INTO " + name + " VALUES (1)");
            spark.sql("INSERT INTO " + name + " VALUES (2)");
            Table t = table(name);
            long first = t.currentSnapshot().parentId();
            t.manageSnapshots().createTag("release-2000", first).commit();
            Thread.sleep(5);
            if (name.endsWith("kept")) assertEquals(1, KeptTags.keepForever(t));
            SparkActions.get(spark).expireSnapshots(t).expireOlderThan(System.currentTimeMillis()).retainLast(1).execute();
            t = table(name);
            boolean kept = name.endsWith("kept");
            assertEquals(kept, t.refs().containsKey("release-2000"), name);
            assertEquals(kept, t.snapshot(first) != null, name);
        }
        assertEquals(List.of("[1]"), values("SELECT * FROM wh.scratch.kept VERSION AS OF 'release-2000'"));
    }

    private static Table table(String name) {
        try {
            Table t = Spark3Util.loadIcebergTable(spark, name);
            t.refresh();
            return t;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> values(String sql) {
        return spark.sql(sql).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Progress collecting() {
        return new Progress() {
            @Override
            public void stage(String name) {
                progress.add("stage: " + name);
            }

            @Override
            public void step(String message) {
                progress.add("step: " + message);
            }

            @Override
            public void warn(String message) {
                progress.add("warn: " + message);
            }
        };
    }
}
