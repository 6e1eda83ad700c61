package org.wcstat.jobs;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DriverRowsTest {
    @TempDir
    Path home;

    /**
     * One slice of some 80 MB, more than Kryo's 64 MB buffer takes at once, as a province's assessments in one
     * task outgrew it: 8,000 rows, each with a text of its own of 10,000 characters. Every row reaches the task:
     * 8,000 rows, their numbers summing to 0 + 1 + … + 7,999 = 7,999 × 8,000 / 2 = 31,996,000, their texts to
     * 8,000 × 10,000 = 80,000,000 characters.
     */
    @Test
    void aSliceLargerThanKryosBufferReachesItsTaskWhole() {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        StructType schema = new StructType().add("i", DataTypes.IntegerType).add("text", DataTypes.StringType);
        String filler = "x".repeat(9_996);
        // a text of its own per row: Kryo writes a text it has written before as a reference to it
        List<Row> rows = IntStream.range(0, 8_000).mapToObj(i -> RowFactory.create(i, String.format("%04d", i) + filler)).toList();
        try (DriverRows d = DriverRows.of(spark, rows, schema, 1)) {
            Row r = d.dataset().agg(count(lit(1)), sum(col("i")), sum(length(col("text")))).first();
            assertEquals(8_000L, r.getLong(0));
            assertEquals(31_996_000L, r.getLong(1));
            assertEquals(80_000_000L, r.getLong(2));
        }
    }
}
