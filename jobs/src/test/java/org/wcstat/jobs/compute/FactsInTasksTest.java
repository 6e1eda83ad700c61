package org.wcstat.jobs.compute;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A compute's read of the facts: in several tasks where Iceberg's 128 MB would make one, and every fact once. */
class FactsInTasksTest {
    @TempDir
    Path home;

    @Test
    void aYearsFactsInSeveralFilesAreReadBySeveralTasksEveryFactOnce() {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();
        // six departments' loads of 2024, a file each, of 100 facts with values 1..100 (5,050 each, 30,300 in all)
        for (int d = 0; d < 6; d++) {
            List<Row> facts = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                facts.add(RowFactory.create("births", 2024, "510811" + (100 + i % 12), "F", "_T", "_T", (double) i, "dept" + d, "x", "load" + d));
            }
            wh.append(spark.createDataFrame(facts, spark.table(Warehouse.FACTS).schema()).coalesce(1), Warehouse.FACTS);
        }

        Dataset<Row> read = FactsInTasks.read(spark, Set.of(2024));

        // 6 files of a few KB weigh 6 x 128 KB: Iceberg's 128 MB split would read them in one task
        int tasks = read.rdd().getNumPartitions();
        assertTrue(tasks > 1 && tasks <= 6, tasks + " tasks");
        Row all = read.where("year = 2024").selectExpr("count(*)", "sum(value)").first();
        assertEquals(600L, all.getLong(0));
        assertEquals(30300.0, all.getDouble(1), 1e-9);
    }
}
