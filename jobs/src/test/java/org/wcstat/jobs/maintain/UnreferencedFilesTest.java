package org.wcstat.jobs.maintain;

import org.apache.iceberg.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether a table's folder holds a file the orphan-file action would remove: old, and in no kept snapshot. */
class UnreferencedFilesTest {
    @TempDir
    Path home;

    @Test
    void onlyAnOldFileOfNoKeptSnapshotCountsWhereverTheSnapshotsReferenceTheOthers() throws IOException {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();
        // three commits: health's 2023, health's 2024, then health's 2024 replaced, so that the first 2024 file is
        // referenced by an older snapshot only, and the 2023 file by every snapshot
        wh.append(facts(spark, 2023, 1.0), Warehouse.FACTS);
        wh.append(facts(spark, 2024, 2.0), Warehouse.FACTS);
        wh.replace(facts(spark, 2024, 3.0), Warehouse.FACTS, expr("year = 2024"));
        Table t = wh.icebergTable(Warehouse.FACTS);
        Path folder = Path.of(java.net.URI.create(t.location()));
        long now = System.currentTimeMillis();
        long dayAgo = now - 86_400_000L;

        assertFalse(UnreferencedFiles.any(t, spark.sparkContext().hadoopConfiguration(), dayAgo), "every file is younger than the cutoff");

        // every file the three snapshots wrote made two days old: each is still referenced by one of them
        ageAll(folder, now - 2 * 86_400_000L);
        assertFalse(UnreferencedFiles.any(t, spark.sparkContext().hadoopConfiguration(), dayAgo), "old files the snapshots reference");

        Path partition = folder.resolve("data/year=2024/source=health");
        Path fresh = Files.writeString(partition.resolve("00001-writing-now.parquet"), "PAR1");
        assertFalse(UnreferencedFiles.any(t, spark.sparkContext().hadoopConfiguration(), dayAgo), "a file a write may still commit");

        Path killed = Files.writeString(partition.resolve("00000-killed-write.parquet"), "PAR1");
        Files.setLastModifiedTime(killed, FileTime.fromMillis(now - 2 * 86_400_000L));
        assertTrue(UnreferencedFiles.any(t, spark.sparkContext().hadoopConfiguration(), dayAgo), "an old file of no snapshot");
        Files.delete(killed);
        Files.delete(fresh);
    }

    private static org.apache.spark.sql.Dataset<Row> facts(SparkSession spark, int year, double value) {
        List<Row> rows = List.of(RowFactory.create("births", year, "510811100", "F", "_T", "_T", value, "health", "births", "load-" + year + "-" + value));
        return spark.createDataFrame(rows, spark.table(Warehouse.FACTS).schema()).coalesce(1);
    }

    private static void ageAll(Path folder, long millis) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(f, FileTime.fromMillis(millis));
        }
    }
}
