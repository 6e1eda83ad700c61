package org.wcstat.bench;

import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.pipeline.Pipeline;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.PipelineRunner;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One yearly run as `wcstat run` does it (pipelines/yearly-load.yaml: every department's ingest,
 * compute, assess, publish, maintain), timed from the JVM's start: the figure a bureau waits for. Each
 * stage's CPU time and peak memory are reported beside its time: the JVM's resident set (Linux VmHWM, reset as the stage
 * starts) and the heap in use (the collector's pools' peaks, reset likewise), so a province run shows which
 * stage needs the -Xmx it is given. On a fresh warehouse (a province's first year) the run creates the tables.
 *
 * <pre>YearlyRun --repo DIR --conf DIR --home DIR --year 2024</pre>
 */
public final class YearlyRun {
    private YearlyRun() {
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args, Map.of());
        Path repo = Path.of(opt.required("repo"));
        Path home = Path.of(opt.required("home"));
        int year = Integer.parseInt(opt.required("year"));
        double atMain = Bench.jvmUptimeS();
        // the year's first publication, as a bureau's yearly run makes it: the benchmark before this run
        // published the year from other data (without assessments), and publish never changes a release in place
        Bench.deleteTree(home.resolve("releases").resolve(String.valueOf(year)));
        Configuration config = Configuration.load(Path.of(opt.required("conf")));
        Pipeline pipeline = Pipeline.load(repo.resolve("pipelines/yearly-load.yaml"));
        double sessionFrom = Bench.jvmUptimeS();
        Warehouse wh = new Warehouse(Spark.session(Spark.localWarehouse(home))).ensureTables();
        double sessionS = Bench.jvmUptimeS() - sessionFrom;
        List<String> stages = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        List<long[]> peaks = new ArrayList<>();
        List<Long> cpuAt = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void stage(String name) {
                if (!stages.isEmpty()) peaks.add(StagePeaks.read());
                stages.add(name);
                starts.add(Bench.jvmUptimeS());
                cpuAt.add(StagePeaks.processCpuNs());
                StagePeaks.reset();
                Bench.log("stage %s (load %.2f)", name, Bench.load());
            }

            @Override
            public void step(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
        JobContext ctx = new JobContext(config, home, wh, progress, Map.of("WCSTAT_PSEUDONYM_KEY", "bench-key-not-secret"));
        PipelineRunner.run(ctx, pipeline, year);
        double end = Bench.jvmUptimeS();
        if (!stages.isEmpty()) peaks.add(StagePeaks.read());
        cpuAt.add(StagePeaks.processCpuNs());
        StringBuilder r = new StringBuilder(String.format(Locale.ROOT,
                "yearly run of %d: %.2f s from the JVM's start (JVM start to main %.2f s, configuration %.2f s, Spark session and tables %.2f s",
                year, end, atMain, sessionFrom - atMain, sessionS));
        for (int i = 0; i < stages.size(); i++) {
            double to = i + 1 < stages.size() ? starts.get(i + 1) : end;
            r.append(String.format(Locale.ROOT, ", %s %.2f s (JVM CPU %.1f s, peak RSS %d MiB, heap %d MiB)", stages.get(i), to - starts.get(i),
                    (cpuAt.get(i + 1) - cpuAt.get(i)) / 1e9, peaks.get(i)[0] / 1024, peaks.get(i)[1] >> 20));
        }
        System.out.println(r.append(")"));
        wh.spark().stop();
    }
}
