package org.wcstat.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak memory of one stage of a run: the resident set's high-water mark (what the machine had to give)
 * and the heap in use at its fullest (what -Xmx must hold), both reset when the stage starts.
 */
final class StagePeaks {
    private StagePeaks() {
    }

    static void reset() {
        Bench.resetPeakRss();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** The JVM's CPU time so far, all threads, in nanoseconds (-1 where the platform does not say). */
    static long processCpuNs() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /**
     * {peak RSS in KiB, peak heap in bytes}. The heap's peak is the sum of each pool's own peak, which may
     * not have been reached at the same moment: an upper bound, never below the true peak.
     */
    static long[] read() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heap += pool.getPeakUsage().getUsed();
        }
        return new long[] {Bench.peakRssKb(), heap};
    }
}
