package org.wcstat.bench;

import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.compute.ComputeJob;
import org.wcstat.jobs.compute.IndicatorSql;
import org.wcstat.jobs.ingest.SourceQuery;
import org.wcstat.jobs.ingest.SourceReader;
import org.wcstat.jobs.ingest.IngestJob;
import org.wcstat.jobs.maintain.MaintainJob;
import org.wcstat.jobs.maintain.MaintenanceReport;
import org.wcstat.jobs.publish.PublishJob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yearly stages at one scale, each next to its peer in the same JVM run: ingest of every
 * department's year next to psql's COPY of the same SELECTs to CSV and to Spark's own read of them written
 * straight to Parquet (the floor under any Spark ingest that keeps a columnar copy of its rows), compute of every indicator next
 * to DuckDB running the same indicators' SQL on the same Parquet facts, and publish. The years before
 * the measured one are loaded first (pooled indicators read three years), untimed.
 *
 * <pre>ScaleBenchmark --scale county|city|province --conf DIR [--years 2022-2024] [--no-history] [--reps 3]
 *   [--work DIR] [--keep] [--report FILE] [--results FILE] [--host ..] [--port ..] [--user ..] [--db ..]</pre>
 */
public final class ScaleBenchmark {
    private static final Pattern INGESTED = Pattern.compile("([\\d,]+) rows read, ([\\d,]+) quarantined");

    record Measure(String label, double wallS, long rows, double jvmCpuS, double pgCpuS, double otherCpuS, double clientCpuS,
                   long peakRssKb, double loadBefore, double loadAfter, List<StageTimes.Stage> sparkStages) {
    }

    private final Options opt;
    private final Scale scale;
    private final Map<String, String> results = new LinkedHashMap<>();
    private CpuSampler cpu;
    private StageTimes stageTimes;

    private ScaleBenchmark(Options opt) {
        this.opt = opt;
        this.scale = Scale.of(opt.required("scale"));
    }

    public static void main(String[] args) throws Exception {
        new ScaleBenchmark(Options.parse(args, Map.of("years", "2022-2024", "reps", "3"))).run();
    }

    private int peerSqlChars;

    private void run() throws Exception {
        double jvmAtMain = Bench.jvmUptimeS();
        Configuration config = Configuration.load(Path.of(opt.required("conf")));
        int[] years = Options.years(opt.get("years", null));
        int year = years[years.length - 1];
        int reps = Integer.parseInt(opt.get("reps", null));
        String db = opt.get("db", "wcstat_bench_" + scale.id());
        Path work = opt.get("work", null) != null ? Files.createDirectories(Path.of(opt.get("work", null)))
                : Files.createTempDirectory("wcstat-bench-" + scale.id() + "-");
        Path home = work.resolve("home");
        results.put("scale", scale.id());
        results.put("year", String.valueOf(year));
        results.put("history", opt.flag("no-history") ? "none" : Options.yearsText(years));
        results.put("load_at_start", fmt(Bench.load()));

        try (CpuSampler sampler = new CpuSampler(200)) {
            cpu = sampler;
            long t = System.nanoTime();
            SparkSession spark = Spark.session(Spark.localWarehouse(home));
            Warehouse warehouse = new Warehouse(spark).ensureTables();
            double sparkStartS = (System.nanoTime() - t) / 1e9;
            stageTimes = new StageTimes();
            spark.sparkContext().addSparkListener(stageTimes);
            JobContext ctx = new JobContext(config, home, warehouse, quiet(),
                    Map.of("WCSTAT_PSEUDONYM_KEY", "bench-key-not-secret"));
            Bench.log("%s: Spark session and warehouse tables in %.1f s", scale.id(), sparkStartS);

            // --no-history: the measured year alone, when the earlier years' loads would not fit the time at hand;
            // pooled indicators then pool what there is and are flagged so
            for (int y : years) {
                if (y == year || opt.flag("no-history")) continue;
                long s = System.nanoTime();
                String summary = new IngestJob().run(ctx, y, Optional.empty());
                Bench.log("setup: %s in %.1f s", summary, (System.nanoTime() - s) / 1e9);
            }

            List<Measure> copies = new ArrayList<>();
            List<Measure> sparkCopies = new ArrayList<>();
            List<Measure> ingests = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                copies.add(copyAll(config, db, year, work.resolve("copy"), "run " + (i + 1)));
                sparkCopies.add(sparkCopyAll(ctx, year, work.resolve("spark-copy"), "run " + (i + 1)));
                ingests.add(measure("run " + (i + 1), () -> {
                    String summary = new IngestJob().run(ctx, year, Optional.empty());
                    Matcher m = INGESTED.matcher(summary);
                    if (!m.find()) throw new IllegalStateException("unexpected ingest summary: " + summary);
                    return Long.parseLong(m.group(1).replace(",", ""));
                }));
                Bench.log("COPY %.2f s, Spark's bare copy %.2f s, ingest %.2f s", copies.get(i).wallS(), sparkCopies.get(i).wallS(),
                        ingests.get(i).wallS());
            }
            int firstYear = year - 2;
            long factsYear = count(spark, "SELECT count(*) FROM " + Warehouse.FACTS + " WHERE year = " + year);
            long factsWindow = count(spark, "SELECT count(*) FROM " + Warehouse.FACTS + " WHERE year BETWEEN " + firstYear + " AND " + year);

            List<Measure> computes = new ArrayList<>();
            List<Measure> peers = new ArrayList<>();
            String district = config.regions().district().code();
            List<String> files = spark.sql("SELECT file_path FROM " + Warehouse.FACTS + ".files WHERE partition.year BETWEEN "
                    + firstYear + " AND " + year).collectAsList().stream().map(r -> r.getString(0).replaceFirst("^file:", "")).toList();
            String facts = "read_parquet([" + String.join(", ", files.stream().map(f -> "'" + f + "'").toList()) + "])";
            Files.createDirectories(work);
            Path peerOut = work.resolve("duckdb-indicators.parquet");
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                // the peer at its best: the wide form (a conditional sum per term) and compute's joined form,
                // each run twice; the faster one's second time picks it
                Map<String, String> forms = new LinkedHashMap<>();
                forms.put("wide", IndicatorSql.indicators(config.catalog(), year, district, facts));
                forms.put("joined", IndicatorSql.indicatorsJoined(config.catalog(), year, district, facts));
                Map<String, Double> formS = new LinkedHashMap<>();
                for (var f : forms.entrySet()) {
                    Files.writeString(work.resolve("duckdb-indicators-" + f.getKey() + ".sql"), f.getValue());
                    for (int i = 0; i < 2; i++) {
                        long t0 = System.nanoTime();
                        try (Statement st = duck.createStatement()) {
                            st.execute("COPY (" + f.getValue() + ") TO '" + peerOut + "' (FORMAT parquet)");
                        }
                        formS.put(f.getKey(), (System.nanoTime() - t0) / 1e9);
                    }
                }
                String form = formS.get("joined") < formS.get("wide") ? "joined" : "wide";
                String peerSql = forms.get(form);
                peerSqlChars = peerSql.length();
                results.put("duckdb_form", String.format(Locale.ROOT, "%s (wide %.3f s, joined %.3f s, second runs)",
                        form, formS.get("wide"), formS.get("joined")));
                long duckFacts = duckCount(duck, "SELECT count(*) FROM " + facts + " WHERE year BETWEEN " + firstYear + " AND " + year);
                if (duckFacts != factsWindow) {
                    throw new IllegalStateException("DuckDB reads " + duckFacts + " fact rows from the Parquet files, Spark " + factsWindow);
                }
                for (int i = 0; i <= reps; i++) {
                    String label = i == 0 ? "warm-up" : "run " + i;
                    computes.add(measure(label, () -> {
                        new ComputeJob().run(ctx, year, Optional.empty());
                        return factsWindow;
                    }));
                    peers.add(measure(label, () -> {
                        try (Statement st = duck.createStatement()) {
                            st.execute("COPY (" + peerSql + ") TO '" + peerOut + "' (FORMAT parquet)");
                        }
                        return factsWindow;
                    }));
                    Bench.log("%s: compute %.2f s, DuckDB %.2f s", label, computes.get(i).wallS(), peers.get(i).wallS());
                }
                results.put("peer_check", checkPeer(spark, duck, peerOut, year));
            }
            long published = count(spark, "SELECT count(*) FROM " + Warehouse.INDICATOR_VALUES + " WHERE year <= " + year);
            List<Measure> publishes = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                publishes.add(measure("run " + (i + 1), () -> {
                    new PublishJob().run(ctx, year, Optional.empty());
                    return published;
                }));
            }
            // what the area's facts say it is: residents and births of the year
            for (String measure : List.of("population", "live_births")) {
                Row sum = spark.sql("SELECT sum(value) FROM " + Warehouse.FACTS + " WHERE year = " + year
                        + " AND measure = '" + measure + "'").first();
                results.put(measure, sum.isNullAt(0) ? "0" : String.valueOf(Math.round(sum.getDouble(0))));
            }
            diskSizes(ctx, db, opt.flag("no-history") ? 1 : years.length, years.length);
            results.put("load_at_end", fmt(Bench.load()));
            String report = report(jvmAtMain, sparkStartS, year, factsYear, factsWindow, files.size(), copies, sparkCopies, ingests,
                    computes.subList(1, computes.size()), peers.subList(1, peers.size()), publishes, peerSqlChars);
            System.out.println(report);
            write(opt.get("report", null), report);
            if (opt.get("results", null) != null) {
                Properties p = new Properties();
                p.putAll(results);
                Path out = Path.of(opt.get("results", null));
                Files.createDirectories(out.toAbsolutePath().getParent());
                try (var w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    p.store(w, "wcstat scale benchmark, " + scale.id());
                }
            }
            spark.stop();
        } finally {
            if (!opt.flag("keep")) Bench.deleteTree(work);
        }
    }

    /**
     * The warehouse's size on disk per year of data, before and after `wcstat maintain --older-than 0`
     * (the benchmark's re-runs of ingest left snapshots to expire), next to the source's in PostgreSQL:
     * its tables with their indexes and TOAST, and the whole database (which adds PostgreSQL's own catalog).
     */
    private void diskSizes(JobContext ctx, String db, int yearsLoaded, int yearsInSource) throws Exception {
        long t = System.nanoTime();
        MaintenanceReport maintained = new MaintainJob(new MaintainJob.Options(0)).maintain(ctx);
        results.put("maintain_s", fmt((System.nanoTime() - t) / 1e9));
        results.put("warehouse_bytes", String.valueOf(maintained.warehouseBytesBefore()));
        results.put("warehouse_bytes_maintained", String.valueOf(maintained.warehouseBytesAfter()));
        results.put("warehouse_years", String.valueOf(yearsLoaded));
        try (Connection pg = Options.connect(opt, db); Statement st = pg.createStatement();
             ResultSet r = st.executeQuery("SELECT (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
                     + " ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                     + " AND n.nspname NOT LIKE 'pg_toast%'), pg_database_size(current_database())")) {
            r.next();
            results.put("source_table_bytes", String.valueOf(r.getLong(1)));
            results.put("source_database_bytes", String.valueOf(r.getLong(2)));
        }
        results.put("source_years", String.valueOf(yearsInSource));
    }

    /** psql's COPY of every extract's SELECT to CSV, one after another as ingest reads them. */
    private Measure copyAll(Configuration config, String db, int year, Path dir, String label) throws Exception {
        Files.createDirectories(dir);
        double before = Bench.load();
        cpu.sample();
        long from = System.currentTimeMillis();
        long t = System.nanoTime();
        long rows = 0;
        double clientCpu = 0;
        long rss = 0;
        for (SourceConfig source : config.sources()) {
            for (SourceConfig.Extract e : source.extracts()) {
                Path csv = dir.resolve(source.department() + "." + e.name() + ".csv");
                Path err = Files.createTempFile("wcstat-bench-time-", ".txt");
                ProcessBuilder pb = new ProcessBuilder("/usr/bin/time", "-v", "psql", "-X", "-h", opt.get("host", "127.0.0.1"),
                        "-p", opt.get("port", "5432"), "-U", opt.get("user", "postgres"), "-d", db, "-v", "ON_ERROR_STOP=1",
                        "-c", "\\copy (" + SourceQuery.sql(e, year) + ") TO '" + csv + "' WITH CSV").redirectError(err.toFile());
                pb.environment().put("PGOPTIONS", "-c search_path=" + source.department());
                pb.environment().put("PGPASSWORD", System.getenv().getOrDefault("WCSTAT_BENCH_PGPASSWORD", ""));
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int rc = p.waitFor();
                String time = Files.readString(err);
                Files.delete(err);
                if (rc != 0) throw new IllegalStateException("psql \\copy of " + source.department() + "." + e.name() + " failed: " + out + time);
                Matcher m = Pattern.compile("COPY (\\d+)").matcher(out);
                rows += m.find() ? Long.parseLong(m.group(1)) : 0;
                clientCpu += timeField(time, "User time \\(seconds\\)") + timeField(time, "System time \\(seconds\\)");
                rss = Math.max(rss, (long) timeField(time, "Maximum resident set size \\(kbytes\\)"));
                Files.delete(csv);
            }
        }
        double wall = (System.nanoTime() - t) / 1e9;
        long to = System.currentTimeMillis();
        cpu.sample();
        double[] c = cpu.between(from, to);
        return new Measure(label, wall, rows, 0, c[1], Math.max(0, c[2] - clientCpu), clientCpu, rss, before, Bench.load(), List.of());
    }

    /**
     * Spark's JDBC read of every extract's SELECT, with the source's own partitioning and fetch size, written to
     * Parquet (zstd, as the warehouse's tables) as it comes: no mapping, no rules, no facts, no table commits. What
     * any ingest on Spark that keeps a columnar copy of the rows spends at least, next to which ingest's own work shows.
     */
    private Measure sparkCopyAll(JobContext ctx, int year, Path dir, String label) throws Exception {
        SparkSession spark = ctx.warehouse().spark();
        Measure m = measure(label, () -> {
            long rows = 0;
            for (SourceConfig source : ctx.config().sources()) {
                if (source.isFile()) continue;
                SourceReader reader = new SourceReader(spark, source, ctx.home(), ctx.env());
                for (SourceConfig.Extract e : source.extracts()) {
                    Observation n = new Observation("bare-copy-" + source.department() + "-" + e.name());
                    reader.read(e, List.of(year), List.of()).observe(n, functions.count(functions.lit(1)).as("rows"))
                            .write().mode("overwrite").option("compression", "zstd")
                            .parquet(dir.resolve(source.department() + "." + e.name()).toString());
                    rows += ((Number) n.getAsJava().get("rows")).longValue();
                }
            }
            return rows;
        });
        Bench.deleteTree(dir);
        return m;
    }

    /** Times one stage in this JVM: wall, CPU on each side, the JVM's resident-set peak, Spark's stages. */
    private Measure measure(String label, Callable<Long> stage) throws Exception {
        Bench.resetPeakRss();
        double before = Bench.load();
        stageTimes.begin();
        cpu.sample();
        long from = System.currentTimeMillis();
        long t = System.nanoTime();
        long rows = stage.call();
        double wall = (System.nanoTime() - t) / 1e9;
        long to = System.currentTimeMillis();
        cpu.sample();
        SparkSession.active().sparkContext().listenerBus().waitUntilEmpty();
        List<StageTimes.Stage> stages = stageTimes.end();
        double[] c = cpu.between(from, to);
        return new Measure(label, wall, rows, c[0], c[1], c[2], 0, Bench.peakRssKb(), before, Bench.load(), stages);
    }

    /** How many of wcstat's values for the year DuckDB's SQL reproduced (same indicator, breakdown, value). */
    private static String checkPeer(SparkSession spark, Connection duck, Path peerOut, int year) throws Exception {
        Map<String, Double> peer = new HashMap<>();
        try (Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT indicator, region, sex, age_band, residence, value FROM '" + peerOut + "'")) {
            while (rs.next()) {
                double v = rs.getDouble(6);
                peer.put(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        rs.wasNull() ? Double.NaN : v);
            }
        }
        int same = 0;
        int total = 0;
        List<String> differ = new ArrayList<>();
        // the peer pools as the catalog does: compare the values indicators are published by
        for (Row r : spark.sql("SELECT v.indicator, v.region, v.sex, v.age_band, v.residence, v.value FROM " + Warehouse.INDICATOR_VALUES
                + " v JOIN (SELECT indicator, max(pooled_years) AS pooled_years FROM " + Warehouse.INDICATOR_VALUES + " WHERE year = " + year
                + " GROUP BY indicator) h ON v.indicator = h.indicator AND v.pooled_years = h.pooled_years"
                + " WHERE v.year = " + year).collectAsList()) {
            total++;
            String key = String.join("|", r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4));
            Double p = peer.get(key);
            double w = r.isNullAt(5) ? Double.NaN : r.getDouble(5);
            if (p != null && (Double.isNaN(p) ? Double.isNaN(w) : Math.abs(p - w) <= 1e-9 * Math.max(1, Math.abs(w)))) same++;
            else if (differ.size() < 5) differ.add(key + " wcstat " + w + " DuckDB " + p);
        }
        String check = same + " of " + total + " wcstat values reproduced by DuckDB (" + peer.size() + " DuckDB rows)";
        if (!differ.isEmpty()) Bench.log("values that differ: %s", differ);
        return check + (differ.isEmpty() ? "" : "; e.g. " + String.join("; ", differ));
    }

    private String report(double jvmAtMain, double sparkStartS, int year, long factsYear, long factsWindow, int files,
                          List<Measure> copies, List<Measure> sparkCopies, List<Measure> ingests, List<Measure> computes, List<Measure> peers,
                          List<Measure> publishes, int peerSqlChars) {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "#### %s scale (%d town(s)), %d, %s%n%n", scale.id(), scale.copies * 12, year,
                java.time.LocalDateTime.now().withNano(0)));
        r.append(String.format(Locale.ROOT, "- JVM start to main: %.2f s; Spark session + warehouse tables: %.2f s (not in the times below)%n",
                jvmAtMain, sparkStartS));
        r.append(String.format(Locale.ROOT, "- facts: %,d rows for %d, %,d in the 3-year window compute reads (%d Parquet files)%n",
                factsYear, year, factsWindow, files));
        r.append(String.format(Locale.ROOT, "- the area in the facts: %,d residents (population), %,d live births%n",
                Long.parseLong(results.get("population")), Long.parseLong(results.get("live_births"))));
        r.append(String.format(Locale.ROOT, "- DuckDB peer: %s; its SQL is %,d characters; its form: %s%n", results.get("peer_check"),
                peerSqlChars, results.get("duckdb_form")));
        r.append(String.format(Locale.ROOT, "- load average (1 min) at start %s, at end %s; Spark settings: %s%n%n",
                results.get("load_at_start"), Bench.load(), System.getProperties().stringPropertyNames().stream()
                        .filter(k -> k.startsWith("spark.")).sorted().map(k -> k + "=" + System.getProperty(k)).toList()));
        r.append("| stage | run | wall s | rows | rows/s | peak RSS MiB | JVM CPU s | PG CPU s | client CPU s | others' CPU s | load before → after |\n");
        r.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        table(r, "COPY to CSV (psql)", copies);
        table(r, "Spark's bare copy (JDBC to Parquet)", sparkCopies);
        table(r, "ingest", ingests);
        table(r, "compute (Spark)", computes);
        table(r, "compute (DuckDB)", peers);
        table(r, "publish", publishes);
        double copy = med(copies);
        double sparkCopy = med(sparkCopies);
        double ingest = med(ingests);
        double compute = med(computes);
        double peer = med(peers);
        double publish = med(publishes);
        long rowsRead = ingests.get(0).rows();
        r.append(String.format(Locale.ROOT, "%nMedians: Spark's bare copy / COPY %.2f× (%.2f s); ingest / Spark's bare copy %.2f×.",
                sparkCopy / copy, sparkCopy, ingest / sparkCopy));
        r.append(String.format(Locale.ROOT, " Ingest / COPY **%.2f×** (%.2f s / %.2f s, %,d rows); compute / DuckDB **%.2f×** "
                        + "(%.2f s / %.3f s); publish %.2f s. Per million rows: ingest %.2f s per million source rows, "
                        + "compute %.2f s per million fact rows read (DuckDB %.3f s).%n%n",
                ingest / copy, ingest, copy, rowsRead, compute / peer, compute, peer, publish,
                ingest / (rowsRead / 1e6), compute / (factsWindow / 1e6), peer / (factsWindow / 1e6)));
        long whYears = Long.parseLong(results.get("warehouse_years"));
        long srcYears = Long.parseLong(results.get("source_years"));
        r.append(String.format(Locale.ROOT, "On disk: the warehouse %s for %d year(s) of data, %s per year; after `wcstat maintain"
                        + " --older-than 0` (%s s) %s, %s per year. The source in PostgreSQL: its tables %s for %d year(s), %s per year"
                        + " (the database, with PostgreSQL's own catalog: %s).%n%n",
                mb(results.get("warehouse_bytes")), whYears, mb(results.get("warehouse_bytes"), whYears), results.get("maintain_s"),
                mb(results.get("warehouse_bytes_maintained")), mb(results.get("warehouse_bytes_maintained"), whYears),
                mb(results.get("source_table_bytes")), srcYears, mb(results.get("source_table_bytes"), srcYears),
                mb(results.get("source_database_bytes"))));
        r.append("Spark's longest stages in the last timed run of each stage (name = call site):\n\n");
        r.append("| stage | Spark stage | wall s | tasks | task CPU s | task run s | records read |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (var e : Map.of("ingest", ingests, "compute", computes, "publish", publishes).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            List<StageTimes.Stage> stages = new ArrayList<>(e.getValue().get(e.getValue().size() - 1).sparkStages());
            double total = stages.stream().mapToDouble(StageTimes.Stage::wallS).sum();
            stages.sort(Comparator.comparingDouble(StageTimes.Stage::wallS).reversed());
            for (StageTimes.Stage s : stages.subList(0, Math.min(5, stages.size()))) {
                r.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %d | %.2f | %.2f | %,d |%n", e.getKey(), s.name(), s.wallS(),
                        s.tasks(), s.taskCpuS(), s.taskRunS(), s.recordsRead()));
            }
            r.append(String.format(Locale.ROOT, "| %s | all %d Spark stages | %.2f | | | | |%n", e.getKey(), stages.size(), total));
        }
        results.put("copies", String.valueOf(scale.copies));
        results.put("rows_read", String.valueOf(rowsRead));
        results.put("facts_year", String.valueOf(factsYear));
        results.put("facts_window", String.valueOf(factsWindow));
        results.put("copy_s", fmt(copy));
        results.put("spark_copy_s", fmt(sparkCopy));
        results.put("ingest_s", fmt(ingest));
        results.put("compute_s", fmt(compute));
        results.put("duckdb_s", fmt(peer));
        results.put("publish_s", fmt(publish));
        results.put("spark_start_s", fmt(sparkStartS));
        results.put("ingest_rss_mib", String.valueOf(ingests.stream().mapToLong(Measure::peakRssKb).max().orElse(0) / 1024));
        results.put("compute_rss_mib", String.valueOf(computes.stream().mapToLong(Measure::peakRssKb).max().orElse(0) / 1024));
        results.put("duckdb_rss_mib", String.valueOf(peers.stream().mapToLong(Measure::peakRssKb).max().orElse(0) / 1024));
        results.put("publish_rss_mib", String.valueOf(publishes.stream().mapToLong(Measure::peakRssKb).max().orElse(0) / 1024));
        results.put("others_cpu_s", fmt(ingests.stream().mapToDouble(Measure::otherCpuS).sum()
                + computes.stream().mapToDouble(Measure::otherCpuS).sum()));
        return r.toString();
    }

    private static String mb(String bytes) {
        return mb(bytes, 1);
    }

    private static String mb(String bytes, long per) {
        return String.format(Locale.ROOT, "%.1f MiB", Long.parseLong(bytes) / (double) per / (1 << 20));
    }

    private static void table(StringBuilder r, String stage, List<Measure> ms) {
        for (Measure m : ms) {
            r.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %,d | %,.0f | %,d | %.1f | %.1f | %.1f | %.1f | %.2f → %.2f |%n",
                    stage, m.label(), m.wallS(), m.rows(), m.rows() / m.wallS(), m.peakRssKb() / 1024, m.jvmCpuS(), m.pgCpuS(),
                    m.clientCpuS(), m.otherCpuS(), m.loadBefore(), m.loadAfter()));
        }
    }

    private static double med(List<Measure> ms) {
        return Bench.median(ms.stream().mapToDouble(Measure::wallS).toArray());
    }

    private static long count(SparkSession spark, String sql) {
        return spark.sql(sql).first().getLong(0);
    }

    private static long duckCount(Connection duck, String sql) throws Exception {
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double timeField(String time, String field) {
        Matcher m = Pattern.compile(field + ":\\s*([\\d.]+)").matcher(time);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void write(String file, String text) throws IOException {
        if (file == null) return;
        Path out = Path.of(file);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
    }

    /** Steps are not printed; warnings are, the first few, since a benchmark that quarantines or skips should say so. */
    private static Progress quiet() {
        java.util.concurrent.atomic.AtomicInteger warnings = new java.util.concurrent.atomic.AtomicInteger();
        return new Progress() {
            @Override
            public void warn(String message) {
                if (warnings.incrementAndGet() <= 20) Bench.log("warning: %s", message);
            }
        };
    }
}
