package org.wcstat.jobs.ingest;

import org.wcstat.jobs.TestRepo;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One warehouse for every ingest test class of the JVM: Spark allows one session per JVM and
 * recreates it when the warehouse changes, which costs seconds. Classes keep apart by using their own
 * department names, and every query below is filtered by source.
 */
final class ItWarehouse {
    private static Path home;

    private ItWarehouse() {
    }

    static synchronized Path home() {
        if (home == null) {
            try {
                home = Files.createTempDirectory("wcstat-ingest-it-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path h = home;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(h)));
        }
        return home;
    }

    static SparkSession spark() {
        return Spark.session(Spark.localWarehouse(home()));
    }

    static JobContext context(Path conf, Progress progress, Map<String, String> env) {
        return new JobContext(Configuration.load(conf), home(), new Warehouse(spark()).ensureTables(), progress, env);
    }

    /** The repository checkout, for its conf/ and pom.xml. */
    static Path repo() {
        return TestRepo.root();
    }

    /**
     * A configuration folder with the shipped regions, age bands and yearbook, an empty indicator
     * catalog (ingest needs none) and the given sources, by department name.
     */
    static Path conf(Path dir, Map<String, String> sources) throws IOException {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("sources"));
        Files.createDirectories(conf.resolve("indicators"));
        for (String f : List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml")) {
            Files.copy(repo().resolve("conf").resolve(f), conf.resolve(f));
        }
        for (var e : sources.entrySet()) {
            Files.writeString(conf.resolve("sources").resolve(e.getKey() + ".yaml"), e.getValue());
        }
        return conf;
    }

    /** facts.observation of one (year, source) as "measure region sex age_band residence value", sorted. */
    /**
     * A department's source over an H2 database, its user and password from IT_H2_USER and IT_H2_PASSWORD, with the
     * extracts given as YAML list items ("  - name: …").
     */
    static String h2Source(String department, String nameZh, String nameEn, String url, String extracts) {
        return """
                department: %s
                name_zh: %s
                name_en: %s
                jdbc:
                  url: "%s"
                  driver: org.h2.Driver
                  user: {env: IT_H2_USER}
                  password: {env: IT_H2_PASSWORD}
                extracts:
                """.formatted(department, nameZh, nameEn, url) + extracts;
    }

    static List<String> facts(String source, int year) {
        return facts(source, year, null);
    }

    static List<String> facts(String source, int year, String extract) {
        return strings("SELECT measure, region, sex, age_band, residence, value FROM " + Warehouse.FACTS
                + " WHERE source = '" + source + "' AND year = " + year + (extract == null ? "" : " AND extract = '" + extract + "'"));
    }

    static long count(String sql) {
        return spark().sql(sql).first().getLong(0);
    }

    /** The rows of a query as space-separated text, sorted, so lists compare in one assertion. */
    static List<String> strings(String sql) {
        return spark().sql(sql).collectAsList().stream().map(ItWarehouse::text).sorted().toList();
    }

    private static String text(Row r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            if (i > 0) b.append(' ');
            Object v = r.get(i);
            b.append(v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v));
        }
        return b.toString();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
