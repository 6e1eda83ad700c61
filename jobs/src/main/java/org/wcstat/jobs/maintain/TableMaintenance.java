package org.wcstat.jobs.maintain;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.spark.actions.SparkActions;

import java.util.ArrayList;
import java.util.List;

/**
 * Iceberg's own maintenance actions on one table, in the order that leaves it smallest: small data files
 * compacted and manifests merged first, so that the snapshots they replace are among those expired
 * next; then the files no kept snapshot references, left by failed writes or by expiries that died
 * midway, removed. The tags' snapshots survive all of it ({@link KeptTags}).
 */
final class TableMaintenance {
    private final SparkActions actions;
    private final Configuration hadoop;
    private final long olderThanMillis;
    private final int keepLast;

    /**
     * @param olderThanMillis snapshots and unreferenced files younger than this instant are kept
     * @param keepLast        and so are the last this many snapshots of the table, however old
     */
    TableMaintenance(SparkActions actions, Configuration hadoop, long olderThanMillis, int keepLast) {
        this.actions = actions;
        this.hadoop = hadoop;
        this.olderThanMillis = olderThanMillis;
        this.keepLast = keepLast;
    }

    /**
     * @param expire false to keep the table's history whole (a load that must find its commit in it is pending)
     */
    TableReport maintain(String name, Table table, boolean expire) {
        TableState before = TableState.of(table, hadoop);
        List<String> done = new ArrayList<>();
        int tags = KeptTags.keepForever(table);
        if (tags > 0) done.add(tags + " tag(s) kept forever");
        if (table.currentSnapshot() != null) {
            compact(table, done);
            mergeManifests(table, done);
            if (expire) {
                expire(table);
            } else {
                done.add("history kept whole: a load has not finished");
            }
        }
        removeUnreferenced(table, done);
        return new TableReport(name, before, TableState.of(table, hadoop), done);
    }

    /**
     * Iceberg's default: a partition's small files are merged once there are five, so the two files a
     * load writes to a raw table stay as they are, and meta.load's one file per load is merged.
     */
    private void compact(Table table, List<String> done) {
        RewriteDataFiles.Result compacted = actions.rewriteDataFiles(table).execute();
        if (compacted.rewrittenDataFilesCount() > 0) {
            done.add("compacted " + compacted.rewrittenDataFilesCount() + " data files into " + compacted.addedDataFilesCount());
        }
        table.refresh();
    }

    private void mergeManifests(Table table, List<String> done) {
        if (table.currentSnapshot().allManifests(table.io()).size() > 1) {
            done.add("merged " + count(actions.rewriteManifests(table).execute().rewrittenManifests()) + " manifests");
            table.refresh();
        }
    }

    /**
     * What expires is Iceberg's own choice, applied first without committing: the action's Spark jobs,
     * which find the files to delete, run only when there is something to expire.
     */
    private void expire(Table table) {
        if (!table.expireSnapshots().expireOlderThan(olderThanMillis).retainLast(keepLast).apply().isEmpty()) {
            actions.expireSnapshots(table).expireOlderThan(olderThanMillis).retainLast(keepLast).execute();
            table.refresh();
        }
    }

    private void removeUnreferenced(Table table, List<String> done) {
        if (UnreferencedFiles.any(table, hadoop, olderThanMillis)) {
            DeleteOrphanFiles.Result orphans = actions.deleteOrphanFiles(table).olderThan(olderThanMillis).execute();
            done.add("removed " + count(orphans.orphanFileLocations()) + " unreferenced files");
        }
    }

    private static int count(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) n++;
        return n;
    }
}
