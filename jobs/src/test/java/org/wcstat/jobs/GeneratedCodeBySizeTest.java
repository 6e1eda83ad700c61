package org.wcstat.jobs;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.WarehouseSettings;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Local mode interprets expressions, which suits a county's small extracts; a province's millions of source rows
 * are read with Spark's generated code instead, unless the bureau chose either way in warehouse.yaml.
 */
class GeneratedCodeBySizeTest {
    private static final String MODE = "spark.sql.codegen.factoryMode";
    private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    private static final String SHARED_PARTS = "spark.sql.subexpressionElimination.enabled";

    @TempDir
    Path tmp;

    @Test
    void aProvinceIsReadWithGeneratedCodeAndTheSessionIsPutBackAfter() {
        SparkSession spark = Spark.session(Spark.localWarehouse(tmp.resolve("home")));
        assertEquals("NO_CODEGEN", spark.conf().get(MODE));

        // generated code evaluates a shared part of the expressions once per row at no cost; interpreted, it is not kept
        assertEquals("FALLBACK true true", Spark.sizedToArea(spark, 7_440, () -> settings(spark)));
        assertEquals("FALLBACK true true", Spark.sizedToArea(spark, Spark.GENERATED_CODE_TOWNS, () -> settings(spark)));

        assertEquals("NO_CODEGEN false false", settings(spark));
    }

    private static String settings(SparkSession spark) {
        return spark.conf().get(MODE) + " " + spark.conf().get(WHOLE_STAGE) + " " + spark.conf().get(SHARED_PARTS);
    }

    @Test
    void aCountyOrACityIsInterpreted() {
        SparkSession spark = Spark.session(Spark.localWarehouse(tmp.resolve("home")));
        assertEquals("NO_CODEGEN", Spark.sizedToArea(spark, 12, () -> spark.conf().get(MODE)));
        assertEquals("NO_CODEGEN", Spark.sizedToArea(spark, Spark.GENERATED_CODE_TOWNS - 1, () -> spark.conf().get(MODE)));
    }

    @Test
    void warehouseYamlsChoiceStandsWhateverTheSize() {
        WarehouseSettings interpreted = new WarehouseSettings(WarehouseSettings.HADOOP, null, null,
                Map.of(MODE, "NO_CODEGEN", WHOLE_STAGE, "false"));
        SparkSession spark = Spark.session(interpreted, tmp.resolve("own-choice"), Map.of());
        try {
            assertEquals("NO_CODEGEN", Spark.sizedToArea(spark, 7_440, () -> spark.conf().get(MODE)));
        } finally {
            // the next test's session is built afresh, with wcstat's defaults
            spark.stop();
        }
    }
}
