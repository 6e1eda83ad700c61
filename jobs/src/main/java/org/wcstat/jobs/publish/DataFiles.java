package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.wcstat.jobs.DriverRows;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The release's tables for analysts, each as data/&lt;name&gt;.parquet and data/&lt;name&gt;.csv. Rows come
 * sorted and carry no time of writing, and Parquet is written by one task with fixed settings and its
 * footer put in canonical order ({@link ParquetFooter}), so the same rows give the same bytes.
 */
final class DataFiles {
    private final SparkSession spark;
    private final Path dir;

    DataFiles(SparkSession spark, Path dir) {
        this.spark = spark;
        this.dir = dir;
    }

    void write(String name, StructType schema, List<Row> rows) throws IOException {
        Files.createDirectories(dir);
        writeParquet(dir.resolve(name + ".parquet"), schema, rows);
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Object> c = new ArrayList<>(r.length());
            for (int i = 0; i < r.length(); i++) c.add(r.get(i));
            cells.add(c);
        }
        CsvFiles.write(dir.resolve(name + ".csv"), Arrays.stream(schema.fields()).map(StructField::name).toList(), cells);
    }

    private void writeParquet(Path file, StructType schema, List<Row> rows) throws IOException {
        Path tmp = dir.resolve("." + file.getFileName() + ".out");
        // one partition keeps the rows in their order and makes one file
        try (DriverRows d = DriverRows.of(spark, rows, schema, 1)) {
            d.dataset().write().option("compression", "zstd").parquet(tmp.toUri().toString());
        }
        try (Stream<Path> files = Files.list(tmp)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith(".parquet")).toList();
            if (parts.size() != 1) {
                throw new IOException("Spark wrote " + parts.size() + " Parquet files for " + file.getFileName() + " under " + tmp);
            }
            Files.move(parts.get(0), file);
        }
        ParquetFooter.canonicalise(file);
        Releases.deleteTree(tmp);
    }
}
