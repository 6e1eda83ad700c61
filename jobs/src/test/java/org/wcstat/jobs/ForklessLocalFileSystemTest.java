package org.wcstat.jobs;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local file system Spark is given: files and permissions as Hadoop's, checksums included. */
class ForklessLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void setsPermissionsAsChmodWouldAndKeepsChecksums() throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        FileSystem fs = FileSystem.get(dir.toUri(), conf);
        assertTrue(fs instanceof ForklessLocalFileSystem, fs.getClass().getName());

        Path file = new Path(dir.resolve("v1.metadata.json").toUri());
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.writeBytes("{}");
        }
        fs.setPermission(file, new FsPermission((short) 0640));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("v1.metadata.json"))));
        fs.mkdirs(new Path(dir.resolve("raw").toUri()), new FsPermission((short) 0700));
        fs.setPermission(new Path(dir.resolve("raw").toUri()), new FsPermission((short) 0700));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("raw"))));
        // listed with their locations, as maintenance lists a table's folder, files carry the permissions and
        // owner set above (read through Java, not by running ls for each file)
        var listed = fs.listFiles(new Path(dir.toUri()), true);
        assertTrue(listed.hasNext());
        var status = listed.next();
        assertEquals("v1.metadata.json", status.getPath().getName());
        assertEquals("rw-r-----", status.getPermission().toString());
        assertEquals(Files.getOwner(dir.resolve("v1.metadata.json")).getName(), status.getOwner());
        assertEquals(Files.readAttributes(dir.resolve("v1.metadata.json"), java.nio.file.attribute.PosixFileAttributes.class).group().getName(),
                status.getGroup());
        // a status is read once asked for, and keeps what it read
        var asked = fs.getFileStatus(file);
        assertEquals(2, asked.getLen());
        Files.setPosixFilePermissions(dir.resolve("v1.metadata.json"), PosixFilePermissions.fromString("rw-------"));
        assertEquals("rw-------", asked.getPermission().toString());
        Files.setPosixFilePermissions(dir.resolve("v1.metadata.json"), PosixFilePermissions.fromString("rw-r-----"));
        assertEquals("rw-------", asked.getPermission().toString());
        assertEquals("rwx------", fs.getFileStatus(new Path(dir.resolve("raw").toUri())).getPermission().toString());
        // still Hadoop's checksummed local file system: the .crc beside the file is written and checked
        assertTrue(Files.exists(dir.resolve(".v1.metadata.json.crc")));
        try (var in = fs.open(file)) {
            assertEquals("{}", new String(in.readAllBytes()));
        }
    }
}
