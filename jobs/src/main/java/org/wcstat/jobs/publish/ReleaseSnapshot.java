package org.wcstat.jobs.publish;

import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.jobs.Warehouse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warehouse as one release sees it: every table it reads pinned to one snapshot, so the release is
 * built from a single consistent state however many loads commit meanwhile, and can be built again from
 * the Iceberg tags {@code release-<year>} that mark those snapshots.
 */
final class ReleaseSnapshot {
    /** The tables a release reads, and so tags. */
    static final List<String> TABLES = List.of(Warehouse.INDICATOR_VALUES, Warehouse.ASSESSMENT, Warehouse.WARNINGS,
            Warehouse.SERIES, Warehouse.EVALUATION, Warehouse.FACTS, Warehouse.LOADS);

    private final SparkSession spark;
    /** Snapshot id by table; null for a table that had never been written. */
    private final Map<String, Long> snapshots;

    private ReleaseSnapshot(SparkSession spark, Map<String, Long> snapshots) {
        this.spark = spark;
        this.snapshots = Collections.unmodifiableMap(snapshots);
    }

    static String tag(int year) {
        return "release-" + year;
    }

    /** The tables as they are now. */
    static ReleaseSnapshot current(Warehouse wh) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String t : TABLES) ids.put(t, wh.snapshotId(t));
        return new ReleaseSnapshot(wh.spark(), ids);
    }

    /** The tables as the year's release tag marks them. */
    static ReleaseSnapshot tagged(Warehouse wh, int year) {
        Map<String, Long> ids = new LinkedHashMap<>();
        boolean any = false;
        for (String t : TABLES) {
            SnapshotRef ref = wh.icebergTable(t).refs().get(tag(year));
            ids.put(t, ref == null ? null : ref.snapshotId());
            any |= ref != null;
        }
        if (!any) {
            throw new PublishException("the warehouse has no tag " + tag(year) + ": year " + year
                    + " was never published; publish it without --from-tag first");
        }
        return new ReleaseSnapshot(wh.spark(), ids);
    }

    Map<String, Long> snapshots() {
        return snapshots;
    }

    /** A table's rows at its pinned snapshot; no rows for a table that was empty then. */
    Dataset<Row> read(String table) {
        Long id = snapshots.get(table);
        if (id == null) {
            return spark.createDataFrame(List.of(), spark.table(table).schema());
        }
        return spark.sql("SELECT * FROM " + table + " VERSION AS OF " + id);
    }

    /** When the pinned snapshot of a table was committed, in milliseconds since the epoch; 0 if never written. */
    long committedAt(String table) {
        Long id = snapshots.get(table);
        if (id == null) return 0;
        Snapshot s = Warehouse.icebergTable(spark, table).snapshot(id);
        return s == null ? 0 : s.timestampMillis();
    }

    /** Points the tag at the given snapshots (null: no tag on that table). */
    static void restore(SparkSession spark, String name, Map<String, Long> ids) {
        for (var e : ids.entrySet()) point(Warehouse.icebergTable(spark, e.getKey()), name, e.getValue());
    }

    private static void point(Table table, String name, Long id) {
        boolean exists = table.refs().containsKey(name);
        if (id == null) {
            if (exists) table.manageSnapshots().removeTag(name).commit();
            return;
        }
        ManageSnapshots m = table.manageSnapshots();
        (exists ? m.replaceTag(name, id) : m.createTag(name, id)).commit();
    }
}
