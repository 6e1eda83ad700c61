package org.wcstat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU seconds used by this JVM and by the PostgreSQL server, sampled a few times a second, so any
 * time window (a whole run, one phase of ingest) can be charged to the side that was busy.
 * PostgreSQL's CPU is the sum over its processes of their own and their reaped children's time:
 * a backend that exits moves its time into the postmaster's children total, so the sum stays steady.
 */
final class CpuSampler implements AutoCloseable {
    /** Linux reports process times in clock ticks of 1/100 s on every mainstream architecture. */
    private static final double TICK_S = 0.01;

    record Sample(long atMs, double jvmCpuS, double pgCpuS, double machineCpuS) {
    }

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    CpuSampler(long everyMs) {
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(everyMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-cpu-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void sample() {
        Sample s = new Sample(System.currentTimeMillis(), os.getProcessCpuTime() / 1e9, postgresCpuSeconds(), machineCpuSeconds());
        synchronized (samples) {
            samples.add(s);
        }
    }

    /**
     * CPU seconds spent between two wall-clock instants (epoch ms): by this JVM, by PostgreSQL, and by
     * every other process on the machine (builds, tests, psql), which the run competes with for the cores.
     */
    double[] between(long fromMs, long toMs) {
        Sample a = at(fromMs);
        Sample b = at(toMs);
        double jvm = b.jvmCpuS() - a.jvmCpuS();
        double pg = b.pgCpuS() - a.pgCpuS();
        return new double[] {jvm, pg, Math.max(0, b.machineCpuS() - a.machineCpuS() - jvm - pg)};
    }

    private Sample at(long t) {
        synchronized (samples) {
            Sample prev = samples.get(0);
            for (Sample s : samples) {
                if (s.atMs() >= t) {
                    if (s == prev || s.atMs() == prev.atMs()) {
                        return s;
                    }
                    double f = (double) (t - prev.atMs()) / (s.atMs() - prev.atMs());
                    return new Sample(t, prev.jvmCpuS() + f * (s.jvmCpuS() - prev.jvmCpuS()),
                            prev.pgCpuS() + f * (s.pgCpuS() - prev.pgCpuS()),
                            prev.machineCpuS() + f * (s.machineCpuS() - prev.machineCpuS()));
                }
                prev = s;
            }
            return prev;
        }
    }

    /** Busy time of all cores: /proc/stat's first line without idle and iowait. */
    static double machineCpuSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * TICK_S;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double postgresCpuSeconds() {
        long ticks = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                String stat;
                try {
                    stat = Files.readString(p.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
                    continue;
                }
                String[] f = stat.substring(close + 2).split(" ");
                // after the command: state ppid ... utime(11) stime(12) cutime(13) cstime(14)
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks * TICK_S;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
