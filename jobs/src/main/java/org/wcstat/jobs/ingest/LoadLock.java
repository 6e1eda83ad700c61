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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Operating-system file locks under &lt;home&gt;/locks. The system releases them when the process dies,
 * so a killed load never leaves a stale lock behind.
 * <ul>
 *   <li>a load lock per (department, year): a second load of the same year fails at once, naming the first;</li>
 *   <li>the commit lock, one for the warehouse: commits of different departments' loads (run in parallel by
 *       Airflow, or by ingest itself) to the tables they share take turns, because the Hadoop catalog's
 *       commit on a local file system is not safe against a concurrent one;</li>
 *   <li>a department's commit lock, for its raw tables, which only loads of its years write.</li>
 * </ul>
 */
final class LoadLock implements AutoCloseable {
    /** A file lock is held by the process: this JVM's threads take turns on each commit lock here first. */
    private static final Map<String, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private final FileLock lock;
    private final ReentrantLock inJvm;

    private LoadLock(FileChannel channel, FileLock lock, ReentrantLock inJvm) {
        this.channel = channel;
        this.lock = lock;
        this.inJvm = inJvm;
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
        return new LoadLock(ch, l, null);
    }

    /** Waits for the warehouse's commit lock, for the tables every department writes. */
    static LoadLock forCommit(Path home) {
        return waitFor(home.resolve("locks").resolve("commit.lock"));
    }

    /**
     * Waits for the department's commit lock, for its raw tables, which loads of its other years write too.
     * Take it before {@link #forCommit}, never after, so that two loads cannot wait for each other.
     */
    static LoadLock forDepartmentCommit(Path home, String department) {
        return waitFor(home.resolve("locks").resolve("commit-" + department + ".lock"));
    }

    /** Waits for the publications' lock: one publication at a time, so each can tell a killed one's leftovers from a live one's. */
    static LoadLock forPublish(Path home) {
        return waitFor(home.resolve("locks").resolve("publish.lock"));
    }

    private static LoadLock waitFor(Path file) {
        ReentrantLock inJvm = IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize().toString(), k -> new ReentrantLock(true));
        inJvm.lock();
        FileChannel ch = null;
        try {
            ch = open(file);
            return new LoadLock(ch, ch.lock(), inJvm);
        } catch (IOException e) {
            close(ch);
            inJvm.unlock();
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (ch != null) close(ch);
            inJvm.unlock();
            throw e;
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
        if (inJvm != null) inJvm.unlock();
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
