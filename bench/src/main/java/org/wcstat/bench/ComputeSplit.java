package org.wcstat.bench;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.compute.ComputeJob;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a compute's time goes, on a warehouse a benchmark left: Spark's aggregation of the facts and its
 * read of the load records (from the job's start to the end of the last Spark job before the write,
 * planning included), the driver's assembly of the values from the sums (until the write's first Spark
 * job), and the write of the values.
 *
 * <pre>ComputeSplit --conf DIR --home DIR --year 2024 [--reps 3]</pre>
 */
public final class ComputeSplit {
    private ComputeSplit() {
    }

    /** The Spark jobs of one compute: when each started and ended, by its call site. */
    private static final class Jobs extends SparkListener {
        record Job(String callSite, long startMs, long endMs) {
        }

        private final List<Job> jobs = new ArrayList<>();
        private final Map<Integer, Object[]> running = new java.util.HashMap<>();

        @Override
        public synchronized void onJobStart(SparkListenerJobStart start) {
            StringBuilder site = new StringBuilder();
            scala.jdk.javaapi.CollectionConverters.asJava(start.stageInfos()).forEach(st -> site.append(st.name()).append("; "));
            running.put(start.jobId(), new Object[] {site.toString(), start.time()});
        }

        @Override
        public synchronized void onJobEnd(SparkListenerJobEnd end) {
            Object[] s = running.remove(end.jobId());
            if (s != null) jobs.add(new Job((String) s[0], (Long) s[1], end.time()));
        }

        synchronized List<Job> take() {
            List<Job> j = List.copyOf(jobs);
            jobs.clear();
            return j;
        }
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args, Map.of("reps", "3"));
        Path home = Path.of(opt.required("home"));
        int year = Integer.parseInt(opt.required("year"));
        int reps = Integer.parseInt(opt.get("reps", null));
        Configuration config = Configuration.load(Path.of(opt.required("conf")));
        Warehouse wh = new Warehouse(Spark.session(Spark.localWarehouse(home))).ensureTables();
        Jobs jobs = new Jobs();
        wh.spark().sparkContext().addSparkListener(jobs);
        JobContext ctx = new JobContext(config, home, wh, new Progress() {
            @Override
            public void stage(String name) {
            }

            @Override
            public void step(String message) {
            }

            @Override
            public void warn(String message) {
            }
        }, Map.of());
        System.out.println("| run | wall s | aggregation s | assembly s | write s | load before → after |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (int i = 0; i <= reps; i++) {
            double loadBefore = Bench.load();
            long from = System.currentTimeMillis();
            String summary = new ComputeJob().run(ctx, year, Optional.empty());
            long to = System.currentTimeMillis();
            // listener events arrive after the job returns
            Thread.sleep(200);
            List<Jobs.Job> js = jobs.take();
            // the write's jobs are Warehouse's overwrite; those before it read the facts and the load records
            long writeStart = js.stream().filter(j -> j.callSite().contains("Warehouse.java"))
                    .mapToLong(Jobs.Job::startMs).min().orElse(to);
            long sumsEnd = js.stream().filter(j -> j.endMs() <= writeStart).mapToLong(Jobs.Job::endMs).max().orElse(from);
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.2f → %.2f |%n", i == 0 ? "warm-up" : "run " + i,
                    (to - from) / 1e3, (sumsEnd - from) / 1e3, (writeStart - sumsEnd) / 1e3, (to - writeStart) / 1e3,
                    loadBefore, Bench.load());
            if (i == 0) System.err.println(summary);
        }
        wh.spark().stop();
    }
}
