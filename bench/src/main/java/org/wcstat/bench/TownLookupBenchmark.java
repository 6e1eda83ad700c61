package org.wcstat.bench;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wcstat.jobs.Spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Town names mapped to codes the way ingest maps them (one CASE WHEN branch per town, used again in
 * the row's problem text) against a broadcast join with a table of the towns, for growing numbers of
 * towns: the time to plan, compile and run both over the same rows. Each number of towns is run with
 * the join first, then with the CASE; a run that does not finish leaves the ones before it in the log.
 *
 * <pre>TownLookupBenchmark [--rows 200000] [--towns 12,276,1000,3000,7440]</pre>
 */
public final class TownLookupBenchmark {
    private TownLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args, Map.of("rows", "200000", "towns", "12,276,1000,3000,7440"));
        long rows = Long.parseLong(opt.get("rows", null));
        Path home = Files.createTempDirectory("wcstat-bench-towns-");
        try {
            SparkSession spark = Spark.session(Spark.localWarehouse(home));
            for (String n : opt.get("towns", null).split(",")) {
                int towns = Integer.parseInt(n);
                Dataset<Row> names = spark.range(rows).select(concat(lit("镇"), col("id").mod(towns).cast("string")).as("TOWN"));
                double join = time(() -> byJoin(spark, names, towns));
                Bench.log("%,d towns, %,d rows: broadcast join %.2f s", towns, rows, join);
                double caseWhen = time(() -> byCase(names, towns));
                Bench.log("%,d towns, %,d rows: CASE WHEN per town %.2f s (%.1f× the join)", towns, rows, caseWhen, caseWhen / join);
            }
            spark.stop();
        } finally {
            Bench.deleteTree(home);
        }
    }

    /** As ExtractMapper.region() does for a name column: a branch per town, and the problem text built on it. */
    private static long byCase(Dataset<Row> names, int towns) {
        Column raw = col("TOWN");
        Column region = when(raw.equalTo("区"), "510811");
        for (int i = 0; i < towns; i++) region = region.when(raw.equalTo("镇" + i), String.format("51%07d", i));
        Column problem = when(region.isNull(), concat(lit("town '"), raw, lit("' is not a town")));
        return names.select(region.as("_region"), problem.as("_problem"))
                .agg(count(col("_region")), count(col("_problem"))).first().getLong(0);
    }

    private static long byJoin(SparkSession spark, Dataset<Row> names, int towns) {
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < towns; i++) list.add(RowFactory.create("镇" + i, String.format("51%07d", i)));
        StructType schema = new StructType().add("town_name", DataTypes.StringType).add("town_code", DataTypes.StringType);
        Dataset<Row> table = spark.createDataFrame(list, schema);
        Dataset<Row> joined = names.join(broadcast(table), col("TOWN").equalTo(col("town_name")), "left");
        Column problem = when(col("town_code").isNull(), concat(lit("town '"), col("TOWN"), lit("' is not a town")));
        return joined.select(col("town_code").as("_region"), problem.as("_problem"))
                .agg(count(col("_region")), count(col("_problem"))).first().getLong(0);
    }

    private static double time(java.util.function.LongSupplier run) {
        long t = System.nanoTime();
        long mapped = run.getAsLong();
        double s = (System.nanoTime() - t) / 1e9;
        if (mapped <= 0) throw new IllegalStateException("no row mapped");
        return s;
    }
}
