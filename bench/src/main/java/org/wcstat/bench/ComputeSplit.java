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
 * <pre>ComputeSplit --conf DIR --home DIR --year 2024 [--reps 3] [--values-out FILE]</pre>
 */
public final class ComputeSplit {
    private ComputeSplit() {
    }

    /** The Spark jobs of one compute: when each started and ended, by its call site. */
    private static final class Jobs extends SparkListener {
        record Job(String callSite, long startMs, long endMs, long driverCpuAtStartNs, long driverCpuAtEndNs, double taskCpuS) {
        }

        private final long driverThread;
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private final Map<Integer, Integer> stageJob = new java.util.HashMap<>();
        private final Map<Integer, Double> taskCpu = new java.util.HashMap<>();

        Jobs(long driverThread) {
            this.driverThread = driverThread;
        }

        @Override
        public synchronized void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            Integer job = stageJob.get(end.stageId());
            if (job != null && end.taskMetrics() != null) taskCpu.merge(job, end.taskMetrics().executorCpuTime() / 1e9, Double::sum);
        }

        private final List<Job> jobs = new ArrayList<>();
        private final Map<Integer, Object[]> running = new java.util.HashMap<>();

        @Override
        public synchronized void onJobStart(SparkListenerJobStart start) {
            StringBuilder site = new StringBuilder();
            scala.jdk.javaapi.CollectionConverters.asJava(start.stageInfos()).forEach(st -> {
                site.append(st.name()).append("; ");
                stageJob.put(st.stageId(), start.jobId());
            });
            running.put(start.jobId(), new Object[] {site.toString(), start.time(), threads.getThreadCpuTime(driverThread)});
        }

        @Override
        public synchronized void onJobEnd(SparkListenerJobEnd end) {
            Object[] s = running.remove(end.jobId());
            if (s != null) jobs.add(new Job((String) s[0], (Long) s[1], end.time(), (Long) s[2], threads.getThreadCpuTime(driverThread),
                    taskCpu.getOrDefault(end.jobId(), 0.0)));
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
        Jobs jobs = new Jobs(Thread.currentThread().getId());
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        var me = java.lang.management.ManagementFactory.getThreadMXBean();
        wh.spark().sparkContext().addSparkListener(jobs);
        JobContext ctx = new JobContext(config, home, wh, Progress.SILENT, Map.of());
        System.out.println("| run | wall s | aggregation s | assembly s | write s | JVM CPU s | Spark tasks' CPU s | driver thread CPU s: before the write's jobs / assembly | load before → after |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (int i = 0; i <= reps; i++) {
            double loadBefore = Bench.load();
            long from = System.currentTimeMillis();
            long cpuFrom = os.getProcessCpuTime();
            long driverFrom = me.getCurrentThreadCpuTime();
            String summary = new ComputeJob().run(ctx, year, Optional.empty());
            long to = System.currentTimeMillis();
            double jvmCpuS = (os.getProcessCpuTime() - cpuFrom) / 1e9;
            // listener events arrive after the job returns
            Thread.sleep(200);
            List<Jobs.Job> js = jobs.take();
            // the write's jobs are Warehouse's overwrite; those before it read the facts and the load records
            long writeStart = js.stream().filter(j -> j.callSite().contains("Warehouse.java"))
                    .mapToLong(Jobs.Job::startMs).min().orElse(to);
            long sumsEnd = js.stream().filter(j -> j.endMs() <= writeStart).mapToLong(Jobs.Job::endMs).max().orElse(from);
            Jobs.Job lastRead = js.stream().filter(j -> j.endMs() <= writeStart).reduce((a, b) -> b).orElse(null);
            Jobs.Job firstWrite = js.stream().filter(j -> j.callSite().contains("Warehouse.java")).findFirst().orElse(null);
            double driverBefore = lastRead == null ? 0 : (lastRead.driverCpuAtEndNs() - driverFrom) / 1e9;
            double assemblyCpu = lastRead == null || firstWrite == null ? 0 : (firstWrite.driverCpuAtStartNs() - lastRead.driverCpuAtEndNs()) / 1e9;
            double tasks = js.stream().mapToDouble(Jobs.Job::taskCpuS).sum();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f | %.2f / %.2f | %.2f → %.2f |%n", i == 0 ? "warm-up" : "run " + i,
                    (to - from) / 1e3, (sumsEnd - from) / 1e3, (writeStart - sumsEnd) / 1e3, (to - writeStart) / 1e3,
                    jvmCpuS, tasks, driverBefore, assemblyCpu, loadBefore, Bench.load());
            if (i == 0) System.err.println(summary);
            if (i == reps) {
                for (Jobs.Job j : js) {
                    System.out.printf(Locale.ROOT, "  Spark job from %.3f s to %.3f s: %s%n", (j.startMs() - from) / 1e3, (j.endMs() - from) / 1e3,
                            j.callSite().length() > 160 ? j.callSite().substring(0, 160) : j.callSite());
                }
            }
        }
        if (opt.get("values-out", null) != null) {
            // the year's values as compute wrote them, one line each in a fixed order: to compare two builds' results
            List<String> lines = new ArrayList<>();
            for (var r : wh.spark().sql("SELECT * FROM " + Warehouse.INDICATOR_VALUES + " WHERE year = " + year).collectAsList()) {
                lines.add(r.mkString("|"));
            }
            java.util.Collections.sort(lines);
            java.nio.file.Files.write(Path.of(opt.get("values-out", null)), lines);
        }
        wh.spark().stop();
    }
}
