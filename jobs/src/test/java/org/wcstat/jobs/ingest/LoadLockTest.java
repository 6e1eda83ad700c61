package org.wcstat.jobs.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Department loads run side by side in one JVM: their commits take turns rather than fail on the file lock. */
class LoadLockTest {
    @TempDir
    Path home;

    @Test
    void threadsOfOneJvmTakeTurnsOnTheCommitLocks() throws Exception {
        AtomicInteger inWarehouseCommit = new AtomicInteger();
        AtomicInteger inHealthCommit = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            done.add(pool.submit(() -> {
                try (LoadLock raw = LoadLock.forDepartmentCommit(home, "health")) {
                    if (inHealthCommit.incrementAndGet() > 1) overlaps.incrementAndGet();
                    try (LoadLock shared = LoadLock.forCommit(home)) {
                        if (inWarehouseCommit.incrementAndGet() > 1) overlaps.incrementAndGet();
                        Thread.sleep(5);
                        inWarehouseCommit.decrementAndGet();
                    }
                    inHealthCommit.decrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get(); // an OverlappingFileLockException would surface here
        pool.shutdown();
        assertEquals(0, overlaps.get());
    }
}
