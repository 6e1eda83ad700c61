package org.wcstat.bench;

import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.publish.PublishJob;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publish alone, again and again, on a warehouse a run left (e.g. the province's, kept by bench/run.sh --keep):
 * each time the year's release is removed first, so every publication is the year's first, as in the yearly run.
 * Each publication's wall and CPU time, peak resident set and heap (as {@link YearlyRun} reports a stage's) and
 * the collector's time are printed; with --copy-to the last release is copied there, to compare its files with
 * another build's.
 *
 * <pre>PublishRun --conf DIR --home DIR --year 2024 [--reps 1] [--copy-to DIR]</pre>
 */
public final class PublishRun {
    private PublishRun() {
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args, Map.of());
        Path home = Path.of(opt.required("home"));
        int year = Integer.parseInt(opt.required("year"));
        int reps = Integer.parseInt(opt.get("reps", "1"));
        Configuration config = Configuration.load(Path.of(opt.required("conf")));
        Warehouse wh = new Warehouse(Spark.session(Spark.localWarehouse(home))).ensureTables();
        Progress progress = new Progress() {
            @Override
            public void stage(String name) {
            }

            @Override
            public void step(String message) {
                Bench.log("%s", message);
            }

            @Override
            public void warn(String message) {
                Bench.log("warning: %s", message);
            }
        };
        JobContext ctx = new JobContext(config, home, wh, progress, Map.of("WCSTAT_PSEUDONYM_KEY", "bench-key-not-secret"));
        Path release = home.resolve("releases").resolve(String.valueOf(year));
        for (int rep = 1; rep <= reps; rep++) {
            Bench.deleteTree(release);
            double load = Bench.load();
            StagePeaks.reset();
            long gcMs = gcMs();
            long cpu = StagePeaks.processCpuNs();
            long from = System.nanoTime();
            String result = new PublishJob().run(ctx, year, Optional.empty());
            double wall = (System.nanoTime() - from) / 1e9;
            double cpuS = (StagePeaks.processCpuNs() - cpu) / 1e9;
            long[] peaks = StagePeaks.read();
            System.out.println(String.format(Locale.ROOT,
                    "publish %d, run %d of %d: %.1f s wall, JVM CPU %.1f s, peak RSS %d MiB, heap %d MiB, GC %.1f s; load %.2f -> %.2f; %s",
                    year, rep, reps, wall, cpuS, peaks[0] / 1024, peaks[1] >> 20, (gcMs() - gcMs) / 1000.0, load, Bench.load(), result));
        }
        String copyTo = opt.get("copy-to", "");
        if (!copyTo.isEmpty()) copy(release, Path.of(copyTo));
        wh.spark().stop();
    }

    private static long gcMs() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }

    private static void copy(Path from, Path to) throws Exception {
        Bench.deleteTree(to);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
