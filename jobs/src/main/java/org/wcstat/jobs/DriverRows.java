package org.wcstat.jobs;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows made on the driver (assessments, indicator values, a release's tables) as a Dataset to write.
 * {@code createDataFrame(List<Row>)} puts the rows in the plan, and every task carries its share of them:
 * the assessment's series, all years' points, grew past Spark's recommended task size by the tenth year.
 * Here the rows are broadcast once, a slice per task, and each task reads its slice, so a task carries only
 * the broadcast's handle. A slice is serialized by Kryo: Java serialization of a province's half a million
 * values took a driver's core 1.5 s. Kryo writes into a buffer of at most {@code spark.kryoserializer.buffer.max}
 * (64 MB by default), which one slice of a province's assessments outgrew: a slice is serialized in chunks of
 * {@link #ROWS_PER_CHUNK} rows. Close it once the Dataset is written: that frees the broadcast.
 */
public final class DriverRows implements AutoCloseable {
    private static final ClassTag<ArrayList<Row>> LIST = ClassTag$.MODULE$.apply(ArrayList.class);

    /** Rows serialized at once: a few MB of a province's widest rows, well inside Kryo's buffer. */
    static final int ROWS_PER_CHUNK = 5_000;

    private final Broadcast<byte[][][]> rows;
    private final Dataset<Row> dataset;

    private DriverRows(Broadcast<byte[][][]> rows, Dataset<Row> dataset) {
        this.rows = rows;
        this.dataset = dataset;
    }

    /** @param slices the partitions, in the rows' order: one keeps the order in a single file */
    public static DriverRows of(SparkSession spark, List<Row> rows, StructType schema, int slices) {
        int n = Math.max(1, slices);
        SerializerInstance kryo = new KryoSerializer(spark.sparkContext().conf()).newInstance();
        byte[][][] serialized = new byte[n][][];
        for (int i = 0; i < n; i++) {
            List<Row> slice = rows.subList(rows.size() * i / n, rows.size() * (i + 1) / n);
            serialized[i] = new byte[(slice.size() + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK][];
            for (int c = 0; c < serialized[i].length; c++) {
                List<Row> chunk = slice.subList(c * ROWS_PER_CHUNK, Math.min(slice.size(), (c + 1) * ROWS_PER_CHUNK));
                ByteBuffer b = kryo.serialize(new ArrayList<>(chunk), LIST);
                serialized[i][c] = new byte[b.remaining()];
                b.get(serialized[i][c]);
            }
        }
        Broadcast<byte[][][]> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(serialized);
        MapPartitionsFunction<Long, Row> slice = partition -> {
            if (!partition.hasNext()) return Collections.emptyIterator();
            int i = (int) (long) partition.next();
            SerializerInstance reader = new KryoSerializer(SparkEnv.get().conf()).newInstance();
            List<Row> mine = new ArrayList<>();
            for (byte[] chunk : b.value()[i]) mine.addAll(reader.<ArrayList<Row>>deserialize(ByteBuffer.wrap(chunk), LIST));
            return mine.iterator();
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
