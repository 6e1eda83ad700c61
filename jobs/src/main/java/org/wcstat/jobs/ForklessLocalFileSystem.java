package org.wcstat.jobs;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.IOException;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

        /** The status, its permissions, owner and group read through Java when first asked for. */
        private FileStatus withAttributes(FileStatus s) {
            return s.isSymlink() ? s : new Attributed(s, pathToFile(s.getPath()).toPath());
        }
    }

    /**
     * A file's status whose permissions, owner and group are read when first asked for: Iceberg and Spark ask a
     * file's status for its length and time, thousands of times in a load, and reading a file's owner and group
     * by name reads /etc/nsswitch.conf, /etc/passwd and /etc/group each time. Names are kept by user and group id.
     */
    static final class Attributed extends FileStatus {
        private static final Map<Integer, String> NAMES_OF_USERS = new ConcurrentHashMap<>();
        private static final Map<Integer, String> NAMES_OF_GROUPS = new ConcurrentHashMap<>();
        /** The file's local path, as text: a status may be serialized to tasks. */
        private final String file;
        private boolean read;

        Attributed(FileStatus s, java.nio.file.Path file) {
            super(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(), s.getModificationTime(), s.getAccessTime(),
                    null, null, null, s.getPath());
            this.file = file.toString();
        }

        @Override
        public FsPermission getPermission() {
            readAttributes();
            return super.getPermission();
        }

        @Override
        public String getOwner() {
            readAttributes();
            return super.getOwner();
        }

        @Override
        public String getGroup() {
            readAttributes();
            return super.getGroup();
        }

        /** Once; Hadoop's defaults stay when the file is gone meanwhile. */
        private synchronized void readAttributes() {
            if (read) return;
            read = true;
            java.nio.file.Path file = java.nio.file.Path.of(this.file);
            try {
                Map<String, Object> a = Files.readAttributes(file, "unix:mode,uid,gid");
                int mode = (Integer) a.get("mode");
                setPermission(new FsPermission((short) (mode & 01777)));
                setOwner(NAMES_OF_USERS.computeIfAbsent((Integer) a.get("uid"), uid -> posix(file).owner().getName()));
                setGroup(NAMES_OF_GROUPS.computeIfAbsent((Integer) a.get("gid"), gid -> posix(file).group().getName()));
            } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
                // gone meanwhile, or a file system without owners: Hadoop's defaults
            }
        }

        /** The attributes with owner and group by name: what is looked up once per user and group. */
        private static PosixFileAttributes posix(java.nio.file.Path file) {
            try {
                return Files.readAttributes(file, PosixFileAttributes.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
