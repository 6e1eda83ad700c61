package org.wcstat.jobs;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/** The one SparkSession of the JVM, with the Iceberg catalog `wh` over the home's warehouse. */
public final class Spark {
    private static SparkSession current;
    private static String currentWarehouse;

    private Spark() {
    }

    /**
     * Local mode unless spark-submit set a master. Few shuffle partitions: a county's facts are
     * thousands of rows, and Spark's default 200 partitions would cost more than the work.
     */
    public static synchronized SparkSession session(String warehouse) {
        // one session per JVM; a different warehouse (tests with their own homes) needs a fresh one,
        // because Iceberg's catalog reads its location once
        if (current != null && !current.sparkContext().isStopped()) {
            if (warehouse.equals(currentWarehouse)) {
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
        }
        byDefault.accept("spark.sql.session.timeZone", "Asia/Shanghai");
        SparkSession session = b.config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.catalog.wh", "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog.wh.type", "hadoop")
                .config("spark.sql.catalog.wh.warehouse", warehouse)
                // department VARCHAR(n) columns are plain strings to the warehouse; keeping their
                // length checks trips Spark 4.0's optimizer when raw rows are written to Iceberg
                .config("spark.sql.legacy.charVarcharAsString", "true")
                .getOrCreate();
        current = session;
        currentWarehouse = warehouse;
        return session;
    }

    public static String localWarehouse(Path home) {
        // Path.toUri() ends in '/' only once the folder exists: the same home must give the same string
        return home.toAbsolutePath().normalize().resolve("warehouse").toUri().toString().replaceAll("/$", "");
    }
}
