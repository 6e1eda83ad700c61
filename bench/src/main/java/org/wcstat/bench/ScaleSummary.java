package org.wcstat.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The results table over the scales run: one column per scale, from each run's results file
 * (bench/target/scale/&lt;scale&gt;/results.properties).
 *
 * <pre>ScaleSummary DIR</pre>
 */
public final class ScaleSummary {
    private ScaleSummary() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Properties> runs = new ArrayList<>();
        for (Scale s : Scale.values()) {
            Path f = dir.resolve(s.id()).resolve("results.properties");
            if (!Files.exists(f)) continue;
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            runs.add(p);
        }
        StringBuilder t = new StringBuilder("| | " + String.join(" | ", runs.stream().map(p -> p.getProperty("scale")).toList()) + " |\n|---|");
        runs.forEach(p -> t.append("---:|"));
        t.append('\n');
        row(t, runs, "copies of the demo district", p -> p.getProperty("copies"));
        row(t, runs, "years in the warehouse", p -> p.getProperty("history"));
        row(t, runs, "residents (population facts)", p -> num(p, "population"));
        row(t, runs, "live births", p -> num(p, "live_births"));
        row(t, runs, "source rows of the year", p -> num(p, "rows_read"));
        row(t, runs, "fact rows: year / 3-year window", p -> num(p, "facts_year") + " / " + num(p, "facts_window"));
        row(t, runs, "COPY to CSV s", p -> p.getProperty("copy_s"));
        row(t, runs, "Spark's bare copy s (the same reads to Parquet, nothing else)", p -> p.getProperty("spark_copy_s", "–"));
        row(t, runs, "Spark's bare copy / COPY", p -> p.getProperty("spark_copy_s") == null ? "–" : ratio(p, "spark_copy_s", "copy_s"));
        row(t, runs, "ingest s", p -> p.getProperty("ingest_s"));
        row(t, runs, "**ingest / COPY** (goal ≤ 1.5×)", p -> "**" + ratio(p, "ingest_s", "copy_s") + "**");
        row(t, runs, "ingest / Spark's bare copy (wcstat's own work)", p -> p.getProperty("spark_copy_s") == null ? "–"
                : ratio(p, "ingest_s", "spark_copy_s"));
        row(t, runs, "ingest rows/s", p -> String.format(Locale.ROOT, "%,.0f", d(p, "rows_read") / d(p, "ingest_s")));
        row(t, runs, "ingest s per million source rows", p -> String.format(Locale.ROOT, "%,.1f", d(p, "ingest_s") / d(p, "rows_read") * 1e6));
        row(t, runs, "compute s (Spark)", p -> p.getProperty("compute_s"));
        row(t, runs, "compute s (DuckDB, same SQL and Parquet)", p -> p.getProperty("duckdb_s"));
        row(t, runs, "**compute / DuckDB** (goal ≤ 2× from city up)", p -> "**" + ratio(p, "compute_s", "duckdb_s") + "**");
        row(t, runs, "compute s per million fact rows", p -> String.format(Locale.ROOT, "%,.1f", d(p, "compute_s") / d(p, "facts_window") * 1e6));
        row(t, runs, "DuckDB values agreeing with wcstat's", p -> p.getProperty("peer_check").replaceFirst(" wcstat values.*", ""));
        row(t, runs, "publish s", p -> p.getProperty("publish_s"));
        row(t, runs, "peak RSS MiB: ingest / compute / DuckDB / publish", p -> p.getProperty("ingest_rss_mib") + " / "
                + p.getProperty("compute_rss_mib") + " / " + p.getProperty("duckdb_rss_mib") + " / " + p.getProperty("publish_rss_mib"));
        row(t, runs, "Spark session start s", p -> p.getProperty("spark_start_s"));
        row(t, runs, "load average at start → end", p -> p.getProperty("load_at_start") + " → " + p.getProperty("load_at_end"));
        System.out.print(t);
    }

    private static void row(StringBuilder t, List<Properties> runs, String name, java.util.function.Function<Properties, String> cell) {
        t.append("| ").append(name).append(" | ");
        t.append(String.join(" | ", runs.stream().map(cell).toList())).append(" |\n");
    }

    private static double d(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }

    private static String num(Properties p, String key) {
        return String.format(Locale.ROOT, "%,d", Long.parseLong(p.getProperty(key)));
    }

    private static String ratio(Properties p, String a, String b) {
        return String.format(Locale.ROOT, "%.2f×", d(p, a) / d(p, b));
    }
}
