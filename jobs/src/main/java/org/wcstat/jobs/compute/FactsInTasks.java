package org.wcstat.jobs.compute;

import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.spark.SparkReadOptions;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.jobs.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The facts of the years a compute reads, in about two tasks per core. Iceberg packs a scan's files into tasks
 * of 128 MB, but a fact is a few bytes of Parquet: a province's 3.6 million facts of a year are 17 files and
 * 7 MB, all of them one task, so compute summed them on one of its cores. Here a task's size is the scan's weight
 * (a file weighs at least the open cost, as Iceberg weighs it) over the tasks wanted.
 */
final class FactsInTasks {
    private static final int TASKS_PER_CORE = 2;

    private FactsInTasks() {
    }

    static Dataset<Row> read(SparkSession spark, Set<Integer> years) {
        Table facts = Warehouse.icebergTable(spark, Warehouse.FACTS);
        long openCost = PropertyUtil.propertyAsLong(facts.properties(), TableProperties.SPLIT_OPEN_FILE_COST,
                TableProperties.SPLIT_OPEN_FILE_COST_DEFAULT);
        long weight = 0;
        try (CloseableIterable<FileScanTask> files = facts.newScan().filter(Expressions.in("year", years.toArray())).planFiles()) {
            // Iceberg splits a Parquet file at every row group, whatever the split size, and weighs each part apart
            for (FileScanTask f : files) {
                for (FileScanTask part : f.split(Long.MAX_VALUE)) weight += Math.max(part.length(), openCost);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot plan a read of " + Warehouse.FACTS + ": " + e.getMessage(), e);
        }
        long split = Math.max(openCost, weight / ((long) TASKS_PER_CORE * spark.sparkContext().defaultParallelism()));
        return spark.read().option(SparkReadOptions.SPLIT_SIZE, split).table(Warehouse.FACTS);
    }
}
