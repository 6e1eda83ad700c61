package org.wcstat.jobs;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Rows made on the driver (assessments, indicator values, a release's tables) as a Dataset to write.
 * {@code createDataFrame(List<Row>)} puts the rows in the plan, and every task carries its share of them:
 * the assessment's series, all years' points, grew past Spark's recommended task size by the tenth year.
 * Here the rows are broadcast once and each task takes its slice of them, so a task carries only the
 * broadcast's handle. Close it once the Dataset is written: that frees the broadcast.
 */
public final class DriverRows implements AutoCloseable {
    private final Broadcast<List<Row>> rows;
    private final Dataset<Row> dataset;

    private DriverRows(Broadcast<List<Row>> rows, Dataset<Row> dataset) {
        this.rows = rows;
        this.dataset = dataset;
    }

    /** @param slices the partitions, in the rows' order: one keeps the order in a single file */
    public static DriverRows of(SparkSession spark, List<Row> rows, StructType schema, int slices) {
        Broadcast<List<Row>> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new ArrayList<>(rows));
        int n = Math.max(1, slices);
        MapPartitionsFunction<Long, Row> slice = partition -> {
            if (!partition.hasNext()) return Collections.emptyIterator();
            long i = partition.next();
            List<Row> all = b.value();
            Iterator<Row> it = all.subList((int) (all.size() * i / n), (int) (all.size() * (i + 1) / n)).iterator();
            return it;
        };
        return new DriverRows(b, spark.range(0, n, 1, n).mapPartitions(slice, Encoders.row(schema)));
    }

    /** As many slices as the session's default parallelism. */
    public static DriverRows of(SparkSession spark, List<Row> rows, StructType schema) {
        return of(spark, rows, schema, spark.sparkContext().defaultParallelism());
    }

    public Dataset<Row> dataset() {
        return dataset;
    }

    @Override
    public void close() {
        rows.destroy();
    }
}
