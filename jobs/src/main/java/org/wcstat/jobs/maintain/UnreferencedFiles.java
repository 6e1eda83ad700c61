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
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a table's folder holds a file older than the cutoff that its metadata does not reference:
 * what Iceberg's deleteOrphanFiles action would look for. Its Spark jobs cost about a CPU-second per
 * table however small (each task deserialises the table and its Hadoop settings), 50 for a county's 62
 * tables with nothing to remove; read here on the driver from the metadata files, it takes milliseconds.
 * Only files found in the metadata count as referenced, so anything in doubt runs the action, which
 * decides.
 */
final class UnreferencedFiles {
    private UnreferencedFiles() {
    }

    static boolean any(Table table, Configuration hadoop, long olderThanMillis) {
        Set<String> referenced = referenced(table);
        Path root = new Path(table.location());
        try {
            FileSystem fs = root.getFileSystem(hadoop);
            if (!fs.exists(root)) return false;
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                LocatedFileStatus f = files.next();
                if (f.getModificationTime() < olderThanMillis && !referenced.contains(key(f.getPath().toString()))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** The metadata files, manifest lists, manifests and data files of every snapshot the table keeps. */
    private static Set<String> referenced(Table table) {
        Set<String> files = new HashSet<>();
        ReachableFileUtil.metadataFileLocations(table, false).forEach(f -> files.add(key(f)));
        files.add(key(ReachableFileUtil.versionHintLocation(table)));
        ReachableFileUtil.statisticsFilesLocations(table).forEach(f -> files.add(key(f)));
        for (Snapshot s : table.snapshots()) {
            files.add(key(s.manifestListLocation()));
            for (ManifestFile m : s.allManifests(table.io())) {
                // snapshots share manifests: each is read once; delete manifests' files count as unreferenced (none here)
                if (!files.add(key(m.path())) || m.content() != ManifestContent.DATA) continue;
                try (CloseableIterable<String> paths = ManifestFiles.readPaths(m, table.io())) {
                    paths.forEach(p -> files.add(key(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the manifest " + m.path() + ": " + e.getMessage(), e);
                }
            }
        }
        return files;
    }

    /** A location without its scheme: file:/a, file:///a and /a name one file. */
    private static String key(String location) {
        URI uri = new Path(location).toUri();
        return (uri.getAuthority() == null ? "" : uri.getAuthority()) + uri.getPath();
    }
}
