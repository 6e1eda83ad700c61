package org.wcstat.jobs.maintain;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a table costs: the snapshots its metadata carries, the data files a query of it plans over, and
 * the files and bytes its folder holds on disk (data of every snapshot kept, manifests, metadata files).
 */
record TableState(int snapshots, long dataFiles, long filesOnDisk, long bytesOnDisk) {

    static TableState of(Table table, Configuration hadoop) {
        table.refresh();
        int snapshots = 0;
        for (Snapshot ignored : table.snapshots()) snapshots++;
        Snapshot current = table.currentSnapshot();
        long dataFiles = current == null ? 0 : Long.parseLong(current.summary().getOrDefault(SnapshotSummary.TOTAL_DATA_FILES_PROP, "0"));
        ContentSummary disk = onDisk(table.location(), hadoop);
        return new TableState(snapshots, dataFiles, disk.getFileCount(), disk.getLength());
    }

    /** The files and bytes under a folder of the warehouse, wherever it lives (local, HDFS, S3). */
    static ContentSummary onDisk(String location, Configuration hadoop) {
        Path path = new Path(location);
        try {
            return path.getFileSystem(hadoop).getContentSummary(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + location + ": " + e.getMessage(), e);
        }
    }
}
