package org.wcstat.jobs.maintain;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a table's folder holds a file older than the cutoff that its metadata does not reference:
 * what Iceberg's deleteOrphanFiles action would look for. Its Spark jobs cost about a CPU-second per
 * table however small (each task deserialises the table and its Hadoop settings), 50 for a county's 62
 * tables with nothing to remove; read here on the driver from the metadata files, it takes milliseconds.
 * Only files found in the metadata count as referenced, so anything in doubt runs the action, which
 * decides. Only the files older than the cutoff can be removed, so only they are looked for in the metadata.
 */
final class UnreferencedFiles {
    private UnreferencedFiles() {
    }

    static boolean any(Table table, Configuration hadoop, long olderThanMillis) {
        Set<String> old = olderThan(new Path(table.location()), hadoop, olderThanMillis);
        if (old.isEmpty()) return false;
        ReachableFileUtil.metadataFileLocations(table, false).forEach(f -> old.remove(key(f)));
        old.remove(key(ReachableFileUtil.versionHintLocation(table)));
        ReachableFileUtil.statisticsFilesLocations(table).forEach(f -> old.remove(key(f)));
        // an old file still in use is most often in the current snapshot: read the newest first, and stop once
        // every old file is accounted for, rather than read each kept snapshot's manifests (a re-run keeps many)
        List<Snapshot> newestFirst = new ArrayList<>();
        table.snapshots().forEach(newestFirst::add);
        newestFirst.sort(Comparator.comparingLong(Snapshot::timestampMillis).reversed());
        Set<String> read = new HashSet<>();
        for (Snapshot s : newestFirst) {
            if (old.isEmpty()) return false;
            old.remove(key(s.manifestListLocation()));
            for (ManifestFile m : s.allManifests(table.io())) {
                // snapshots share manifests: each is read once; delete manifests' files count as unreferenced (none here)
                if (!read.add(m.path())) continue;
                old.remove(key(m.path()));
                if (m.content() != ManifestContent.DATA) continue;
                try (CloseableIterable<String> paths = ManifestFiles.readPaths(m, table.io())) {
                    paths.forEach(p -> old.remove(key(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the manifest " + m.path() + ": " + e.getMessage(), e);
                }
            }
        }
        return !old.isEmpty();
    }

    /** The files under the folder last changed before the instant: those the action could remove. */
    private static Set<String> olderThan(Path root, Configuration hadoop, long olderThanMillis) {
        Set<String> old = new HashSet<>();
        try {
            FileSystem fs = root.getFileSystem(hadoop);
            if (!fs.exists(root)) return old;
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                LocatedFileStatus f = files.next();
                if (f.getModificationTime() < olderThanMillis) old.add(key(f.getPath().toString()));
            }
            return old;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** A location without its scheme: file:/a, file:///a and /a name one file. */
    private static String key(String location) {
        URI uri = new Path(location).toUri();
        return (uri.getAuthority() == null ? "" : uri.getAuthority()) + uri.getPath();
    }
}
