package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A short code list and a province's long list of towns give the same answers, each looked up its own way. */
class CodeLookupTest {
    @TempDir
    Path tmp;

    @Test
    void aShortListAndALongOneAnswerAlike() {
        SparkSession spark = Spark.session(Spark.localWarehouse(tmp.resolve("home")));
        // the demo district's towns under a name and an alias, then as many towns as a province has
        Map<String, String> shortList = new LinkedHashMap<>(Map.of("卫子镇", "510811101", "卫子", "510811101", "", "_U"));
        Map<String, String> longList = new LinkedHashMap<>(shortList);
        for (int i = 1; i <= 7_440; i++) longList.put("镇" + i, String.format("51%07d", i));
        assertEquals(3, shortList.size());
        assertEquals(7_443, longList.size());

        List<Row> rows = new ArrayList<>();
        for (String town : Arrays.asList("卫子镇", "卫子", "", "镇7440", "镇1", "卫子乡", null)) rows.add(RowFactory.create(town));
        var names = spark.createDataFrame(rows, new StructType().add("town", DataTypes.StringType));

        // by hand: the two names of 卫子镇 and the empty name map as listed; 卫子乡 and a missing name are in no list
        assertEquals(Arrays.asList("510811101", "510811101", "_U", null, null, null, null),
                looked(names.select(CodeLookup.of(col("town"), shortList).as("code")).collectAsList()));
        assertEquals(Arrays.asList("510811101", "510811101", "_U", "510007440", "510000001", null, null),
                looked(names.select(CodeLookup.of(col("town"), longList).as("code")).collectAsList()));
    }

    @Test
    void aCodeIsAmongAShortListOrALongOneAlike() {
        SparkSession spark = Spark.session(Spark.localWarehouse(tmp.resolve("home")));
        List<String> county = List.of("510811101", "510811102");
        List<String> province = new ArrayList<>(county);
        for (int i = 1; i <= 7_440; i++) province.add(String.format("51%07d", i));
        List<Row> rows = new ArrayList<>();
        for (String code : Arrays.asList("510811101", "510007440", "510811199", null)) rows.add(RowFactory.create(code));
        var codes = spark.createDataFrame(rows, new StructType().add("code", DataTypes.StringType));

        // by hand: 510811101 is a town of both; 510007440 of the province only; 510811199 of neither; no code is in no list
        assertEquals(Arrays.asList(true, false, false, false), among(codes.select(CodeLookup.among(col("code"), county)).collectAsList()));
        assertEquals(Arrays.asList(true, true, false, false), among(codes.select(CodeLookup.among(col("code"), province)).collectAsList()));
    }

    private static List<Boolean> among(List<Row> rows) {
        return rows.stream().map(r -> r.getBoolean(0)).toList();
    }

    @Test
    void aNumberIsLookedUpAsItsText() {
        SparkSession spark = Spark.session(Spark.localWarehouse(tmp.resolve("home")));
        Map<String, String> sexes = new LinkedHashMap<>();
        for (int i = 0; i <= CodeLookup.LITERAL_UP_TO; i++) sexes.put(String.valueOf(i), i == 1 ? "M" : i == 2 ? "F" : "_U");
        var codes = spark.createDataFrame(List.of(RowFactory.create(1), RowFactory.create(2), RowFactory.create(99)),
                new StructType().add("sex", DataTypes.IntegerType));
        assertEquals(Arrays.asList("M", "F", null), looked(codes.select(CodeLookup.of(col("sex"), sexes)).collectAsList()));
    }

    private static List<String> looked(List<Row> rows) {
        return rows.stream().map(r -> r.getString(0)).toList();
    }
}
