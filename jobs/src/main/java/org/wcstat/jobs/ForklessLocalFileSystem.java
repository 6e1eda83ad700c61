package org.wcstat.jobs;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hadoop's local file system (checksums included) that sets a file's permissions through Java rather
 * than by running {@code chmod}. Without Hadoop's native library, which Spark's jars do not bring,
 * Hadoop forks a {@code chmod} process for every file it creates: every data file, manifest, metadata
 * file and their checksums, some 2,000 processes for one yearly load of a county, each forked from a
 * JVM of several gigabytes. Spark is pointed at it by {@code spark.hadoop.fs.file.impl} ({@link Spark}).
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {
    public ForklessLocalFileSystem() {
        super(new Raw());
    }

    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (permission.getStickyBit()) {
                super.setPermission(p, permission); // no Java API for the sticky bit
                return;
            }
            String rwx = permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL + permission.getOtherAction().SYMBOL;
            Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(rwx));
        }
    }
}
