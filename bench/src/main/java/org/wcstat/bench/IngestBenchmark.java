package org.wcstat.bench;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.ingest.SourceQuery;
import org.wcstat.jobs.ingest.IngestJob;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

/**
 * Ingest of one year of a person-level birth register from PostgreSQL, next to psql's COPY of the
 * same SELECT to CSV, in the same JVM run and alternating, so both see the same machine state.
 * The COPY is the floor for moving those rows out of PostgreSQL; the ratio says what ingest's
 * mapping, hashing, caching and Iceberg writes cost on top.
 *
 * <pre>IngestBenchmark --repo DIR [--rows 5000000] [--year 2024] [--partitions 2] [--fetch-size 10000]
 *   [--reps 3] [--host 127.0.0.1] [--port 5432] [--user postgres] [--db wcstat_bench]
 *   [--jdbc-property k=v ...] [--work DIR] [--keep] [--report FILE]</pre>
 */
public final class IngestBenchmark {
    private static final String EXTRACT = "birth_register";

    private final Map<String, String> opt = new LinkedHashMap<>(Map.of(
            "rows", "5000000", "year", "2024", "partitions", "2", "fetch-size", "10000", "reps", "3",
            "host", "127.0.0.1", "port", "5432", "user", "postgres", "db", "wcstat_bench"));
    private final Map<String, String> jdbcProperties = new LinkedHashMap<>();
    private boolean keep;

    record CopyRun(String label, long rows, double wallS, double clientCpuS, double pgCpuS, double otherCpuS, long maxRssKb, long csvBytes) {
    }

    record Phase(String name, double wallS, double jvmCpuS, double taskCpuS, double gcS, double pgCpuS, double otherCpuS, int tasks) {
    }

    record IngestRun(String label, long rows, long quarantined, double wallS, double jvmCpuS, double pgCpuS, double otherCpuS,
                     long peakRssKb, long peakHeapBytes, List<Phase> phases, String summary) {
    }

    public static void main(String[] args) throws Exception {
        new IngestBenchmark().run(args);
    }

    private void run(String[] args) throws Exception {
        double jvmStartS = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        parse(args);
        Path repo = Path.of(required("repo")).toAbsolutePath();
        int year = Integer.parseInt(opt.get("year"));
        long expected = Long.parseLong(opt.get("rows"));
        int reps = Integer.parseInt(opt.get("reps"));
        Path work = opt.containsKey("work") ? Files.createDirectories(Path.of(opt.get("work")))
                : Files.createTempDirectory("wcstat-bench-ingest-");
        Path home = work.resolve("home");
        String jdbcUrl = "jdbc:postgresql://" + opt.get("host") + ":" + opt.get("port") + "/" + opt.get("db");

        long[] bounds = regIdBounds(jdbcUrl);
        Path conf = writeConf(repo, work.resolve("conf"), jdbcUrl, bounds);
        Configuration config = Configuration.load(conf);
        SourceConfig.Extract extract = config.source("health").extracts().get(0);
        checkSameMappingAsShipped(repo, extract);
        String select = SourceQuery.sql(extract, year);
        long sourceRows = count(jdbcUrl, select);
        if (sourceRows != expected) {
            throw new IllegalStateException(opt.get("db") + " has " + sourceRows + " rows for " + year + ", not " + expected
                    + "; generate them with bench/run-ingest.sh (or bench/sql/birth_register.sql)");
        }
        log("source: %,d rows for %d; ingest's SELECT: %s", sourceRows, year, select);

        try (CpuSampler cpu = new CpuSampler(100)) {
            long t = System.nanoTime();
            SparkSession spark = Spark.session(Spark.localWarehouse(home));
            new Warehouse(spark).ensureTables();
            double sparkStartS = (System.nanoTime() - t) / 1e9;
            PhaseRecorder recorder = new PhaseRecorder();
            spark.listenerManager().register(recorder);
            spark.sparkContext().addSparkListener(recorder);
            Map<String, String> env = Map.of("WCSTAT_PSEUDONYM_KEY", "bench-key-not-secret");
            JobContext ctx = new JobContext(config, home, new Warehouse(spark), progress(), env);

            List<CopyRun> copies = new ArrayList<>();
            List<IngestRun> ingests = new ArrayList<>();
            for (int i = 0; i <= reps; i++) {
                String label = i == 0 ? "warm-up" : "run " + i;
                copies.add(copy(label, select, work.resolve("copy.csv"), cpu));
                log("%s COPY: %.2f s", label, copies.get(copies.size() - 1).wallS());
                ingests.add(ingest(label, ctx, recorder, cpu, year));
                log("%s ingest: %.2f s", label, ingests.get(ingests.size() - 1).wallS());
            }
            String checks = verify(spark, year, expected, ingests.get(ingests.size() - 1));
            String report = report(jvmStartS, sparkStartS, year, expected, select, copies, ingests, checks);
            System.out.println(report);
            if (opt.containsKey("report")) {
                Path out = Path.of(opt.get("report"));
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, report);
            }
            spark.stop();
        } finally {
            if (!keep) {
                deleteTree(work);
            }
        }
    }

    private CopyRun copy(String label, String select, Path csv, CpuSampler cpu) throws Exception {
        Files.deleteIfExists(csv);
        Path err = Files.createTempFile("wcstat-bench-time-", ".txt");
        List<String> cmd = List.of("/usr/bin/time", "-v", "psql", "-X", "-h", opt.get("host"), "-p", opt.get("port"),
                "-U", opt.get("user"), "-d", opt.get("db"), "-v", "ON_ERROR_STOP=1",
                "-c", "\\copy (" + select + ") TO '" + csv + "' WITH CSV");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        pb.environment().put("PGPASSWORD", System.getenv().getOrDefault("WCSTAT_BENCH_PGPASSWORD", ""));
        cpu.sample();
        long from = System.currentTimeMillis();
        long t = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        double wall = (System.nanoTime() - t) / 1e9;
        long to = System.currentTimeMillis();
        cpu.sample();
        String time = Files.readString(err);
        Files.delete(err);
        if (rc != 0) {
            throw new IllegalStateException("psql \\copy failed (" + rc + "): " + out + time);
        }
        Matcher m = Pattern.compile("COPY (\\d+)").matcher(out);
        long rows = m.find() ? Long.parseLong(m.group(1)) : -1;
        long bytes = Files.size(csv);
        Files.delete(csv);
        double clientCpu = timeField(time, "User time \\(seconds\\)") + timeField(time, "System time \\(seconds\\)");
        double[] c = cpu.between(from, to);
        return new CopyRun(label, rows, wall, clientCpu, c[1], Math.max(0, c[2] - clientCpu),
                (long) timeField(time, "Maximum resident set size \\(kbytes\\)"), bytes);
    }

    private IngestRun ingest(String label, JobContext ctx, PhaseRecorder recorder, CpuSampler cpu, int year) throws Exception {
        resetPeaks();
        SparkSession spark = ctx.warehouse().spark();
        recorder.begin();
        cpu.sample();
        long from = System.currentTimeMillis();
        long t = System.nanoTime();
        String summary = new IngestJob().run(ctx, year, Optional.of("health"));
        double wall = (System.nanoTime() - t) / 1e9;
        long to = System.currentTimeMillis();
        cpu.sample();
        spark.sparkContext().listenerBus().waitUntilEmpty();
        recorder.end();
        if (System.getenv("BENCH_DEBUG") != null) {
            recorder.actions().forEach(a -> log("  action %s %s %s %d ms", a.phase(), a.func(), a.plan(), a.endMs() - a.startMs()));
        }
        double[] total = cpu.between(from, to);
        Matcher m = Pattern.compile("([\\d,]+) rows read, ([\\d,]+) quarantined").matcher(summary);
        long rows = m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
        long quarantined = rows < 0 ? -1 : Long.parseLong(m.group(2).replace(",", ""));
        return new IngestRun(label, rows, quarantined, wall, total[0], total[1], total[2], peakRssKb(), peakHeap(),
                phases(recorder, cpu, from, to), summary);
    }

    /** One row per kind of action, in order of first appearance, and the driver time between actions. */
    private static List<Phase> phases(PhaseRecorder recorder, CpuSampler cpu, long from, long to) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        List<PhaseRecorder.Action> actions = new ArrayList<>(recorder.actions());
        actions.sort(Comparator.comparingLong(PhaseRecorder.Action::startMs));
        long covered = 0;
        for (PhaseRecorder.Action a : actions) {
            double[] v = acc.computeIfAbsent(a.phase() + (a.failed() ? " (failed)" : ""), k -> new double[7]);
            double[] c = cpu.between(a.startMs(), a.endMs());
            v[0] += (a.endMs() - a.startMs()) / 1000.0;
            v[1] += c[0];
            v[4] += c[1];
            v[6] += c[2];
            covered += a.endMs() - a.startMs();
            for (PhaseRecorder.Task task : recorder.tasks()) {
                if (task.finishMs() >= a.startMs() && task.finishMs() <= a.endMs()) {
                    v[2] += task.cpuS();
                    v[3] += task.gcMs() / 1000.0;
                    v[5]++;
                }
            }
        }
        List<Phase> out = new ArrayList<>();
        acc.forEach((k, v) -> out.add(new Phase(k, v[0], v[1], v[2], v[3], v[4], v[6], (int) v[5])));
        double[] all = cpu.between(from, to);
        double sumJvm = out.stream().mapToDouble(Phase::jvmCpuS).sum();
        double sumPg = out.stream().mapToDouble(Phase::pgCpuS).sum();
        double sumOther = out.stream().mapToDouble(Phase::otherCpuS).sum();
        out.add(new Phase("driver between actions (planning, Iceberg table loads, snapshot lookups)",
                Math.max(0, (to - from - covered) / 1000.0), all[0] - sumJvm, 0, 0, all[1] - sumPg, all[2] - sumOther, 0));
        return out;
    }

    private String verify(SparkSession spark, int year, long expected, IngestRun last) {
        long raw = spark.table(Warehouse.rawTable("health", EXTRACT)).where(col("wc_year").equalTo(year)).count();
        Row facts = spark.table(Warehouse.FACTS).where(col("year").equalTo(year).and(col("source").equalTo("health")))
                .agg(sum("value")).first();
        long quarantine = spark.table(Warehouse.QUARANTINE).where(col("year").equalTo(year).and(col("source").equalTo("health"))).count();
        double factSum = facts.isNullAt(0) ? 0 : facts.getDouble(0);
        boolean ok = raw == expected && quarantine == last.quarantined() && Math.round(factSum) == expected - quarantine;
        String line = String.format(Locale.ROOT, "raw rows for %d: %,d; facts sum(value): %,.0f; quarantined: %,d — %s",
                year, raw, factSum, quarantine, ok ? "consistent with the source" : "INCONSISTENT");
        if (!ok) {
            throw new IllegalStateException("the warehouse does not hold what was read: " + line);
        }
        return line;
    }

    private String report(double jvmStartS, double sparkStartS, int year, long rows, String select,
                          List<CopyRun> copies, List<IngestRun> ingests, String checks) {
        StringBuilder s = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        s.append(String.format(Locale.ROOT, "### Ingest vs COPY, %,d rows, %s%n%n", rows,
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
        s.append(String.format(Locale.ROOT, "- settings: partitions %s on REG_ID, fetch_size %s, JVM max heap %.1f GiB, %d cores to Spark%s%s%n",
                opt.get("partitions"), opt.get("fetch-size"), rt.maxMemory() / 1073741824.0, rt.availableProcessors(),
                jdbcProperties.isEmpty() ? "" : ", JDBC properties " + jdbcProperties, sparkProperties()));
        s.append(String.format(Locale.ROOT, "- JVM start to main: %.2f s; Spark session + warehouse tables: %.2f s (not in the times below)%n",
                jvmStartS, sparkStartS));
        s.append("- both read: `").append(select).append("`\n");
        s.append("- check after the last run: ").append(checks).append("\n\n");

        s.append("| run | COPY to CSV s | COPY rows/s | psql peak RSS | psql CPU s | PG CPU s | others' CPU s | ingest s | ingest rows/s "
                + "| JVM peak RSS | heap peak | JVM CPU s | PG CPU s | others' CPU s | ingest / COPY |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < copies.size(); i++) {
            CopyRun c = copies.get(i);
            IngestRun g = ingests.get(i);
            s.append(String.format(Locale.ROOT, "| %s | %.2f | %,.0f | %s | %.1f | %.1f | %.1f | %.2f | %,.0f | %s | %s | %.1f | %.1f | %.1f | %.2f× |%n",
                    c.label(), c.wallS(), c.rows() / c.wallS(), mib(c.maxRssKb() * 1024), c.clientCpuS(), c.pgCpuS(), c.otherCpuS(),
                    g.wallS(), g.rows() / g.wallS(), mib(g.peakRssKb() * 1024), mib(g.peakHeapBytes()), g.jvmCpuS(), g.pgCpuS(),
                    g.otherCpuS(), g.wallS() / c.wallS()));
        }
        List<CopyRun> mc = copies.subList(1, copies.size());
        List<IngestRun> mi = ingests.subList(1, ingests.size());
        double copyMedian = median(mc.stream().mapToDouble(CopyRun::wallS).toArray());
        double ingestMedian = median(mi.stream().mapToDouble(IngestRun::wallS).toArray());
        s.append(String.format(Locale.ROOT, "| **median of %d** | **%.2f** | **%,.0f** | | | | | **%.2f** | **%,.0f** | | | | | | **%.2f×** |%n%n",
                mc.size(), copyMedian, rows / copyMedian, ingestMedian, rows / ingestMedian, ingestMedian / copyMedian));
        s.append(String.format(Locale.ROOT, "Ratio ingest / COPY (medians, warm-up excluded): **%.2f×** — the 1.5× goal is %s. "
                        + "COPY wrote %,d rows (%s of CSV); ingest read %,d, quarantined %,d.%n%n",
                ingestMedian / copyMedian, ingestMedian / copyMedian <= 1.5 ? "met" : "missed",
                copies.get(1).rows(), mib(copies.get(1).csvBytes()), mi.get(0).rows(), mi.get(0).quarantined()));

        double copyCpu = median(mc.stream().mapToDouble(c -> c.clientCpuS() + c.pgCpuS()).toArray());
        double ingestCpu = median(mi.stream().mapToDouble(g -> g.jvmCpuS() + g.pgCpuS()).toArray());
        s.append(String.format(Locale.ROOT, "CPU time, which other work on the machine does not stretch: COPY %.1f s (psql + PostgreSQL), "
                + "ingest %.1f s (JVM + PostgreSQL), medians: **%.1f×**.%n%n", copyCpu, ingestCpu, ingestCpu / copyCpu));

        IngestRun median = mi.stream().sorted(Comparator.comparingDouble(IngestRun::wallS)).toList().get(mi.size() / 2);
        s.append(String.format(Locale.ROOT, "Ingest by phase (%s, %.2f s; CPU is seconds of CPU time, %d cores in all):%n%n",
                median.label(), median.wallS(), rt.availableProcessors()));
        s.append("| phase | wall s | share | JVM CPU s | Spark task CPU s | GC s | PG CPU s | others' CPU s | tasks |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Phase p : median.phases()) {
            s.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f%% | %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n", p.name(), p.wallS(),
                    100 * p.wallS() / median.wallS(), p.jvmCpuS(), p.taskCpuS(), p.gcS(), p.pgCpuS(), p.otherCpuS(), p.tasks()));
        }
        return s.toString();
    }

    private static String sparkProperties() {
        StringBuilder s = new StringBuilder();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.")).sorted()
                .forEach(k -> s.append(", ").append(k).append('=').append(System.getProperty(k)));
        return s.toString();
    }

    private Path writeConf(Path repo, Path conf, String jdbcUrl, long[] bounds) throws IOException {
        Files.createDirectories(conf.resolve("sources"));
        Files.createDirectories(conf.resolve("indicators"));
        for (String f : List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml")) {
            Files.copy(repo.resolve("conf").resolve(f), conf.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        StringBuilder props = new StringBuilder();
        if (!jdbcProperties.isEmpty()) {
            props.append("  properties:\n");
            jdbcProperties.forEach((k, v) -> props.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        }
        // demo/conf/sources/health.yaml's birth register, pointed at the benchmark's database and split for a parallel read
        Files.writeString(conf.resolve("sources/health.yaml"), """
                department: health
                name_zh: 区卫生健康局
                name_en: Health Commission
                jdbc:
                  url: "%s"
                  driver: org.postgresql.Driver
                  user: {env: WCSTAT_BENCH_PGUSER, default: %s}
                  password: {env: WCSTAT_BENCH_PGPASSWORD, default: ""}
                  fetch_size: %s
                %sextracts:
                  - name: birth_register
                    table: birth_register
                    key: [CERT_NO]
                    year: {date: BIRTH_DATE}
                    measure: live_births
                    region: {code: TOWN_CODE}
                    sex: {column: BABY_SEX, codes: {"1": M, "2": F, "9": _U}}
                    residence: {column: RESIDENCE_AREA, codes: {城镇: U, 乡村: R}, basis: area}
                    raw:
                      keep: [REG_ID, BABY_SEX, BIRTH_DATE, TOWN_CODE, HUKOU_TYPE, RESIDENCE_AREA, BIRTH_WEIGHT_G, GESTATION_WEEKS]
                      hash: [CERT_NO]
                    partition: {column: REG_ID, lower: %d, upper: %d, partitions: %s}
                """.formatted(jdbcUrl, opt.get("user"), opt.get("fetch-size"), props, bounds[0], bounds[1], opt.get("partitions")));
        // the catalog must name only measures the sources produce: live births alone here
        Files.writeString(conf.resolve("indicators/children-family.yaml"), """
                indicators:
                  - code: C-F-08
                    plan: children
                    area: family
                    name_zh: 出生人口性别比
                    name_en: Sex ratio at birth
                    unit: "女=100"
                    numerator: live_births{sex=M}
                    denominator: live_births{sex=F}
                    factor: 100
                    by: [residence]
                    target: "≈ 105 ± 2"
                    sources: [health]
                """);
        return conf;
    }

    /** The benchmark measures the shipped extract: stop if demo/conf/sources/health.yaml maps the register differently now. */
    private static void checkSameMappingAsShipped(Path repo, SourceConfig.Extract bench) {
        SourceConfig shipped = Yaml.read(repo.resolve("demo/conf/sources/health.yaml"), SourceConfig.class);
        SourceConfig.Extract s = shipped.extracts().stream().filter(e -> e.name().equals(EXTRACT)).findFirst().orElseThrow();
        boolean same = eq(s.year(), bench.year()) && eq(s.measure(), bench.measure()) && eq(s.region(), bench.region())
                && eq(s.sex(), bench.sex()) && eq(s.residence(), bench.residence()) && eq(s.age(), bench.age())
                && eq(s.value(), bench.value()) && eq(s.key(), bench.key()) && eq(s.raw(), bench.raw()) && eq(s.where(), bench.where());
        if (!same) {
            throw new IllegalStateException("demo/conf/sources/health.yaml's " + EXTRACT + " no longer maps like the benchmark's copy in "
                    + "IngestBenchmark.writeConf; bring the copy up to date so the benchmark measures the shipped extract");
        }
    }

    private static boolean eq(Object a, Object b) {
        return java.util.Objects.equals(a, b);
    }

    private long[] regIdBounds(String url) throws Exception {
        try (Connection c = connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT min(REG_ID), max(REG_ID) FROM birth_register")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private long count(String url, String select) throws Exception {
        try (Connection c = connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + select + ") q")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, opt.get("user"), System.getenv().getOrDefault("WCSTAT_BENCH_PGPASSWORD", ""));
    }

    /** Resets the JVM's resident-set high-water mark (Linux: clear_refs 5) and the heap pools' peaks. */
    private static void resetPeaks() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | SecurityException ignored) {
            // an older kernel: the high-water mark then covers the JVM's whole life, which the report says
        }
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return -1;
    }

    /** Sum of the heap pools' peaks: an upper bound, since the pools need not peak together. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double timeField(String time, String field) {
        Matcher m = Pattern.compile(field + ":\\s*([\\d.]+)").matcher(time);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }

    private static Progress progress() {
        return new Progress() {
            @Override
            public void step(String message) {
                log("  %s", message);
            }

            @Override
            public void warn(String message) {
                log("  warning: %s", message);
            }
        };
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "%s " + format + "%n",
                Stream.concat(Stream.of(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))), Stream.of(args)).toArray());
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--keep")) {
                keep = true;
                continue;
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + a);
            }
            String v = args[++i];
            if (a.equals("--jdbc-property")) {
                String[] kv = v.split("=", 2);
                jdbcProperties.put(kv[0], kv[1]);
            } else {
                opt.put(a.substring(2), v);
            }
        }
    }

    private String required(String key) {
        String v = opt.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
