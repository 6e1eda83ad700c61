package org.wcstat.jobs;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A warehouse made by an earlier version gets the columns its tables lack when a job opens it. */
class OlderTablesTest {
    @TempDir
    Path home;

    @Test
    void anEvaluationTableWithoutTheInconclusiveCountGetsIt() {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        spark.sql("CREATE NAMESPACE IF NOT EXISTS wh.indicators");
        // indicators.evaluation as it was before the status inconclusive, with one evaluation in it
        spark.sql("""
                CREATE TABLE wh.indicators.evaluation (evaluation_year INT NOT NULL, assessed_year INT NOT NULL,
                  plan STRING NOT NULL, area STRING NOT NULL, indicators INT NOT NULL, quantified INT NOT NULL,
                  achieved INT NOT NULL, on_track INT NOT NULL, needs_acceleration INT NOT NULL, limited_progress INT NOT NULL,
                  deterioration INT NOT NULL, insufficient_data INT NOT NULL, summary_zh STRING NOT NULL,
                  summary_en STRING NOT NULL, basis STRING NOT NULL, anticipated_met INT NOT NULL) USING iceberg""");
        spark.sql("INSERT INTO wh.indicators.evaluation VALUES (2025, 2024, 'women', '_T', 1, 1, 0, 0, 0, 0, 0, 1, 's', 's',"
                + " 'provisional', 0)");

        new Warehouse(spark).ensureTables();
        List<String> columns = Arrays.asList(spark.table(Warehouse.EVALUATION).schema().fieldNames());
        assertEquals(columns.indexOf("deterioration") + 1, columns.indexOf("inconclusive"), columns.toString());
        Row old = spark.sql("SELECT deterioration, inconclusive, insufficient_data FROM " + Warehouse.EVALUATION).first();
        assertEquals("[0,null,1]", old.toString());
        // a second start changes nothing
        long snapshots = spark.sql("SELECT count(*) FROM " + Warehouse.EVALUATION + ".snapshots").first().getLong(0);
        new Warehouse(spark).ensureTables();
        assertEquals(snapshots, spark.sql("SELECT count(*) FROM " + Warehouse.EVALUATION + ".snapshots").first().getLong(0));
        assertTrue(Arrays.asList(spark.table(Warehouse.EVALUATION).schema().fieldNames()).contains("inconclusive"));
    }
}
