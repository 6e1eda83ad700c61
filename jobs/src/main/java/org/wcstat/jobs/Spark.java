package org.wcstat.jobs;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.config.WarehouseSettings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one SparkSession of the JVM, with the Iceberg catalog `wh` over the warehouse: by default a Hadoop
 * catalog under the home, or what conf/warehouse.yaml names (a JDBC catalog, HDFS or S3).
 */
public final class Spark {
    public static final String CATALOG = "spark.sql.catalog.wh";
    private static SparkSession current;
    private static Map<String, String> currentCatalog;
    /** Whether the session interprets expressions because wcstat chose to, not -Dspark.* or warehouse.yaml. */
    private static boolean interpretedByDefault;

    /**
     * From this many towns, the area's source rows are many enough to repay Spark's generated code in a stage
     * that maps every one of them. A city of 276 towns (345,713 rows a year) ingested in 31.1 s interpreted and
     * 30.2 s generated; a province of 7,440 towns (9.3 million rows) in 5.9 min generated, and had not finished
     * after 8.5 min interpreted (docs/benchmarks.md, "A province's yearly run in 8.9 minutes").
     */
    public static final int GENERATED_CODE_TOWNS = 1_000;

    private Spark() {
    }

    /**
     * Local mode unless spark-submit set a master. Few shuffle partitions: a county's facts are
     * thousands of rows, and Spark's default 200 partitions would cost more than the work.
     */
    public static SparkSession session(String warehouse) {
        return session(Map.of(CATALOG, "org.apache.iceberg.spark.SparkCatalog", CATALOG + ".type", "hadoop",
                CATALOG + ".warehouse", warehouse), Map.of());
    }

    /** The session over the warehouse the settings name; credentials are read from the environment here. */
    public static SparkSession session(WarehouseSettings settings, Path home, Map<String, String> env) {
        return session(catalogOptions(settings, home, env), settings.spark());
    }

    /** The settings of catalog `wh`: Spark redacts the ones named *password* in its UI and logs. */
    public static Map<String, String> catalogOptions(WarehouseSettings settings, Path home, Map<String, String> env) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put(CATALOG, "org.apache.iceberg.spark.SparkCatalog");
        o.put(CATALOG + ".warehouse", settings.locationUri(home));
        if (settings.catalog().equals(WarehouseSettings.JDBC)) {
            WarehouseSettings.Jdbc jdbc = settings.jdbc();
            o.put(CATALOG + ".type", "jdbc");
            o.put(CATALOG + ".uri", jdbc.url());
            if (jdbc.user() != null) o.put(CATALOG + ".jdbc.user", jdbc.user().resolve(env, "the catalog database's user"));
            if (jdbc.password() != null) o.put(CATALOG + ".jdbc.password", jdbc.password().resolve(env, "the catalog database's password"));
            // V1 also records views; the catalog creates its two tables in the database when they are missing
            o.put(CATALOG + ".jdbc.schema-version", "V1");
        } else {
            o.put(CATALOG + ".type", "hadoop");
        }
        return o;
    }

    private static synchronized SparkSession session(Map<String, String> catalog, Map<String, String> extra) {
        // one session per JVM; a different warehouse (tests with their own homes) needs a fresh one,
        // because Iceberg's catalog reads its location once
        if (current != null && !current.sparkContext().isStopped()) {
            if (catalog.equals(currentCatalog)) {
                return current;
            }
            current.stop();
        }
        // Spark clears its default session only when the stopped context's end event arrives, later
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        SparkConf conf = new SparkConf();
        SparkSession.Builder b = SparkSession.builder().appName("wcstat");
        // defaults only: -Dspark.* (CLI) and spark-submit --conf take precedence
        java.util.function.BiConsumer<String, String> byDefault = (key, value) -> {
            if (!conf.contains(key)) b.config(key, value);
        };
        if (!conf.contains("spark.master")) {
            b.master("local[*]");
            byDefault.accept("spark.driver.host", "127.0.0.1");
            byDefault.accept("spark.driver.bindAddress", "127.0.0.1");
            byDefault.accept("spark.ui.enabled", "false");
            // a county's facts are thousands of rows: one shuffle partition per core, and no adaptive
            // re-planning, which costs more than it saves at this size (a yearly run 51 s -> 36 s on 2 cores)
            String cores = String.valueOf(Runtime.getRuntime().availableProcessors());
            byDefault.accept("spark.sql.shuffle.partitions", cores);
            byDefault.accept("spark.default.parallelism", cores);
            byDefault.accept("spark.sql.adaptive.enabled", "false");
            // interpreted expressions: a county's extracts are hundreds of rows, and compiling generated
            // code for each of a load's hundreds of queries costs more than it saves (a yearly run's ingest
            // 98 s -> 82 s on 2 cores, docs/benchmarks.md); -Dspark.sql.codegen.factoryMode=FALLBACK restores it
            byDefault.accept("spark.sql.codegen.factoryMode", "NO_CODEGEN");
            byDefault.accept("spark.sql.codegen.wholeStage", "false");
            // interpreted, a common subexpression is kept per row in a Guava cache whose locking cost a city's
            // ingest more than evaluating the mapping's few shared parts twice (23.9 s -> 21.1 s, 43 -> 38 CPU-s)
            byDefault.accept("spark.sql.subexpressionElimination.enabled", "false");
            // a load keeps its extracts' rows only until it commits: encoding them compactly cost a province's
            // ingest a quarter of its CPU, and the rows spill to disk when memory runs short
            byDefault.accept("spark.sql.inMemoryColumnarStorage.compressed", "false");
        }
        interpretedByDefault = !conf.contains("spark.master") && GENERATED_CODE.keySet().stream()
                .noneMatch(k -> conf.contains(k) || extra.containsKey(k));
        byDefault.accept("spark.sql.session.timeZone", "Asia/Shanghai");
        byDefault.accept("spark.hadoop.fs.file.impl", ForklessLocalFileSystem.class.getName());
        extra.forEach(byDefault);
        catalog.forEach(b::config);
        SparkSession session = b.config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                // department VARCHAR(n) columns are plain strings to the warehouse; keeping their
                // length checks trips Spark 4.0's optimizer when raw rows are written to Iceberg
                .config("spark.sql.legacy.charVarcharAsString", "true")
                .getOrCreate();
        current = session;
        currentCatalog = Map.copyOf(catalog);
        return session;
    }

    private static final Map<String, String> GENERATED_CODE = Map.of("spark.sql.codegen.factoryMode", "FALLBACK",
            "spark.sql.codegen.wholeStage", "true", "spark.sql.subexpressionElimination.enabled", "true");

    /**
     * Runs work with Spark's generated code, where local mode otherwise interprets expressions: a county's
     * hundreds of small queries do not repay compiling, but a query over every fact of a window, or a
     * province's millions of source rows, does. The session's settings are put back after, so the work must
     * run alone (one stage at a time, as the pipeline runs them).
     */
    public static <T> T withGeneratedCode(SparkSession spark, Supplier<T> work) {
        Map<String, String> before = new HashMap<>();
        GENERATED_CODE.keySet().forEach(k -> before.put(k, spark.conf().get(k, null)));
        GENERATED_CODE.forEach((k, v) -> spark.conf().set(k, v));
        try {
            return work.get();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) spark.conf().unset(k);
                else spark.conf().set(k, v);
            });
        }
    }

    /**
     * Runs a stage that maps every source row of an area (ingest, validate) with generated code when the area
     * has {@link #GENERATED_CODE_TOWNS} towns or more, unless -Dspark.* or warehouse.yaml chose how
     * expressions run; as the session has it otherwise.
     */
    public static <T> T sizedToArea(SparkSession spark, int towns, Supplier<T> stage) {
        return towns >= GENERATED_CODE_TOWNS && interpretedByDefault ? withGeneratedCode(spark, stage) : stage.get();
    }

    public static String localWarehouse(Path home) {
        // Path.toUri() ends in '/' only once the folder exists: the same home must give the same string
        return home.toAbsolutePath().normalize().resolve("warehouse").toUri().toString().replaceAll("/$", "");
    }
}
