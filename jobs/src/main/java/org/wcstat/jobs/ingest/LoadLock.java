package org.wcstat.jobs.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Operating-system file locks under &lt;home&gt;/locks. The system releases them when the process dies,
 * so a killed load never leaves a stale lock behind.
 * <ul>
 *   <li>a load lock per (department, year): a second load of the same year fails at once, naming the first;</li>
 *   <li>the commit lock, one for the warehouse: commits of different departments' loads (run in parallel by
 *       Airflow) take turns, because the Hadoop catalog's commit on a local file system is not safe against
 *       a concurrent one.</li>
 * </ul>
 */
final class LoadLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private LoadLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static LoadLock forLoad(Path home, String department, int year) {
        Path file = home.resolve("locks").resolve("load-" + department + "-" + year + ".lock");
        FileChannel ch = open(file);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by this JVM: another thread loads the same year
        } catch (IOException e) {
            close(ch);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (l == null) {
            String holder = holder(file);
            close(ch);
            throw new LoadBusyException("another load of " + department + " for " + year + " is running (" + holder
                    + "); wait for it to finish, then run again if needed — two loads of one year must not both commit");
        }
        write(ch, "pid " + ProcessHandle.current().pid() + ", started " + Instant.now());
        return new LoadLock(ch, l);
    }

    /** Waits for the warehouse's commit lock. */
    static LoadLock forCommit(Path home) {
        Path file = home.resolve("locks").resolve("commit.lock");
        FileChannel ch = open(file);
        try {
            return new LoadLock(ch, ch.lock());
        } catch (IOException e) {
            close(ch);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        close(channel);
    }

    private static FileChannel open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the lock file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "lock " + file : s + ", lock " + file;
        } catch (IOException e) {
            return "lock " + file;
        }
    }

    private static void write(FileChannel ch, String text) {
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
        } catch (IOException ignored) {
            // the holder's description only serves messages
        }
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** The year of the department is being loaded by another run. */
    static final class LoadBusyException extends RuntimeException {
        LoadBusyException(String message) {
            super(message);
        }
    }
}
