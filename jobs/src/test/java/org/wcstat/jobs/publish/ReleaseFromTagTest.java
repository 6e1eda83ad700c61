package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.assess.AssessJob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A release built again from its tag tells what it told: its yearbook's statuses are the assessment's at the tag, as its
 * data files' are, though assess has judged the year again since.
 *
 * <pre>
 * C-E-02 学前教育毛入园率 (%, ≥ 97), the district's totals of 2,000: 90 in 2020 (1,800), 98 in 2024 (1,960)
 *   -> 98 ≥ 97: achieved (已实现), published and tagged release-2024.
 * 2024 is then 92 (1,840) and assess judges 2024 again: 92 < 97; growth (92 / 90)^(1/4) − 1 = e^(0.021979 / 4) − 1
 *   = 0.551% a year against the (97 / 90)^(1/10) − 1 = e^(0.074901 / 10) − 1 = 0.752% needed: ratio 0.733, between
 *   0.60 and 0.95, needs acceleration (需加快).
 * publish --republish --from-tag: the release of the tag, C-E-02 achieved in its data and its yearbook alike.
 * </pre>
 */
class ReleaseFromTagTest {

    @Test
    void aReleaseBuiltFromItsTagShowsTheStatusesItShowed() throws Exception {
        JobContext ctx = EvaluationRelease.emptyHome("from-tag-test");
        Warehouse wh = ctx.warehouse();
        SparkSession spark = wh.spark();
        var schema = spark.table(Warehouse.INDICATOR_VALUES).schema();

        List<Row> values = new ArrayList<>();
        EvaluationRelease.rate(values, "C-E-02", 2020, 1800, 2000, 100);
        EvaluationRelease.rate(values, "C-E-02", 2024, 1960, 2000, 100);
        wh.append(spark.createDataFrame(values, schema), Warehouse.INDICATOR_VALUES);
        new AssessJob().assess(ctx, 2024);
        new PublishJob().run(ctx, 2024, Optional.empty());
        Path release = ctx.home().resolve("releases").resolve("2024");
        assertEquals("achieved", districtStatus(release));
        assertEquals("achieved", yearbookStatus(release));

        List<Row> lower = new ArrayList<>();
        EvaluationRelease.rate(lower, "C-E-02", 2024, 1840, 2000, 100);
        wh.replace(spark.createDataFrame(lower, schema), Warehouse.INDICATOR_VALUES, col("year").equalTo(2024));
        new AssessJob().assess(ctx, 2024);
        assertEquals("needs_acceleration", spark.sql("SELECT status FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2024"
                + " AND indicator = 'C-E-02' AND region = '510811' AND sex = '_T' AND age_band = '_T' AND residence = '_T'")
                .first().getString(0), "assess judged 2024 again");

        new PublishJob(new PublishJob.Options(true, true)).run(ctx, 2024, Optional.empty());
        assertEquals("achieved", districtStatus(release), "data/assessment of the tag");
        assertEquals("achieved", yearbookStatus(release), "the yearbook tells what the data files tell");
    }

    /** C-E-02's district status in the release's data/assessment.csv. */
    private static String districtStatus(Path release) throws Exception {
        return EvaluationReleaseTest.csv(release.resolve("data/assessment.csv")).stream()
                .filter(r -> r.get("indicator").equals("C-E-02") && r.get("region").equals("510811") && r.get("sex").equals("_T")
                        && r.get("age_band").equals("_T") && r.get("residence").equals("_T"))
                .findFirst().orElseThrow().get("status");
    }

    /** C-E-02's status on its page of the release's web report. */
    private static String yearbookStatus(Path release) throws Exception {
        String report = Files.readString(release.resolve("report.html"));
        String key = "\"statusCode\":\"";
        int at = report.indexOf(key, report.indexOf("\"C-E-02\":{\"name\"")) + key.length();
        return report.substring(at, report.indexOf('"', at));
    }
}
