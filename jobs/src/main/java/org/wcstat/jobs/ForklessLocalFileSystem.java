package org.wcstat.jobs;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFileAttributes;
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

        /**
         * Hadoop's local status reads a file's permissions, owner and group by running {@code ls -ld} the first
         * time they are asked for, and listing a folder's files with their locations ({@code listFiles}, as
         * maintenance and Iceberg's orphan-file search do) asks for them for every file: one process per file.
         */
        @Override
        public FileStatus getFileStatus(Path p) throws IOException {
            return withAttributes(super.getFileStatus(p));
        }

        @Override
        public FileStatus[] listStatus(Path p) throws IOException {
            FileStatus[] listed = super.listStatus(p);
            FileStatus[] statuses = new FileStatus[listed.length];
            for (int i = 0; i < listed.length; i++) statuses[i] = withAttributes(listed[i]);
            return statuses;
        }

        /** The status with its permissions, owner and group read through Java; as it was when the file is gone meanwhile. */
        private FileStatus withAttributes(FileStatus s) throws IOException {
            if (s.isSymlink()) return s;
            PosixFileAttributes a;
            try {
                a = Files.readAttributes(pathToFile(s.getPath()).toPath(), PosixFileAttributes.class);
            } catch (NoSuchFileException | UnsupportedOperationException e) {
                return s;
            }
            FsPermission permission = FsPermission.valueOf((s.isDirectory() ? "d" : "-") + PosixFilePermissions.toString(a.permissions()));
            return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(), s.getModificationTime(),
                    s.getAccessTime(), permission, a.owner().getName(), a.group().getName(), s.getPath());
        }
    }
}
