package org.wcstat.jobs.publish;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * data/evaluation of the 2025 release against the warehouse it was built from: per plan and area the rows of
 * indicators.evaluation, per indicator the district's row of indicators.assessment, every indicator with a
 * target present, withheld figures absent; and the release of 2026 keeps the 2025 evaluation. Expected
 * statuses and figures are worked out in {@link EvaluationRelease}.
 */
class EvaluationReleaseTest {
    static EvaluationRelease release;
    static Manifest manifest;
    static Map<String, Map<String, String>> areas;
    static Map<String, Map<String, String>> indicators;

    @BeforeAll
    static void read() throws Exception {
        release = EvaluationRelease.get();
        manifest = Manifest.read(release.dir);
        areas = new LinkedHashMap<>();
        indicators = new LinkedHashMap<>();
        for (Map<String, String> r : csv(release.dir.resolve("data/evaluation.csv"))) {
            if (r.get("indicator").isEmpty()) areas.put(r.get("plan") + " " + r.get("area"), r);
            else indicators.put(r.get("indicator"), r);
        }
    }

    @Test
    void theReleaseListsTheEvaluationsFiles() {
        var files = manifest.filesByPath().keySet();
        for (String f : List.of("evaluation.pdf", "data/evaluation.csv", "data/evaluation.parquet")) {
            assertTrue(files.contains(f), f + " in " + files);
            assertTrue(Files.exists(release.dir.resolve(f)), f);
        }
    }

    @Test
    void everyAreaRowIsTheWarehousesEvaluationAtTheReleasesSnapshot() {
        long snapshot = manifest.snapshots().get("indicators.evaluation");
        List<Row> stored = release.spark().sql("SELECT * FROM " + Warehouse.EVALUATION + " VERSION AS OF " + snapshot
                + " WHERE evaluation_year = 2025").collectAsList();
        // two plans, each with its own row and one per area that has an indicator with a target
        assertEquals(stored.size(), areas.size());
        for (Row r : stored) {
            String area = r.getAs("plan") + " " + r.getAs("area");
            Map<String, String> published = areas.get(area);
            assertNotNull(published, r.toString());
            assertEquals("observed", r.getAs("basis"));
            // C-H-02b's status is withheld (EvaluationRelease): one achieved indicator fewer in children's health and outline
            int withheld = area.equals("children health") || area.equals("children _T") ? 1 : 0;
            for (String column : List.of("assessed_year", "indicators", "quantified", "anticipated_met", "summary_zh", "summary_en", "basis")) {
                Object expected = column.equals("indicators") ? r.<Integer>getAs(column) - withheld : r.getAs(column);
                assertEquals(String.valueOf(expected), published.get(column), column + " of " + published);
            }
            for (ProgressStatus s : ProgressStatus.values()) {
                int expected = r.<Integer>getAs(s.code()) - (s == ProgressStatus.ACHIEVED ? withheld : 0);
                assertEquals(String.valueOf(expected), published.get(s.code()), s.code() + " of " + area);
            }
            assertEquals("mid_term", published.get("evaluation"));
        }
        // by hand: 14 quantified indicators in children and education, C-E-02 achieved, C-E-04 limited progress
        Map<String, String> education = areas.get("children education");
        assertEquals(EvaluationRelease.CHILDREN_EDUCATION_SUMMARY, education.get("summary_zh"));
        assertEquals("14", education.get("quantified"));
        assertEquals("1", education.get("achieved"));
        assertEquals("1", education.get("limited_progress"));
        assertEquals("12", education.get("insufficient_data"));
    }

    @Test
    void everyIndicatorRowIsTheDistrictsAssessment() {
        long snapshot = manifest.snapshots().get("indicators.assessment");
        Map<String, Row> stored = new LinkedHashMap<>();
        for (Row r : release.spark().sql("SELECT * FROM " + Warehouse.ASSESSMENT + " VERSION AS OF " + snapshot
                + " WHERE assessed_year = 2025 AND region = '510811' AND sex = '_T' AND age_band = '_T' AND residence = '_T'")
                .collectAsList()) {
            stored.put(r.getAs("indicator"), r);
        }
        // every indicator of the catalog with a target, judged or not: none is left out
        List<String> withTarget = release.config.catalog().entries().stream().filter(e -> e.target() != null)
                .map(Catalog.Entry::code).toList();
        assertEquals(new java.util.TreeSet<>(withTarget), new java.util.TreeSet<>(indicators.keySet()));
        assertEquals(stored.keySet(), indicators.keySet(), "assess judged every indicator with a target");
        for (var e : stored.entrySet()) {
            Row r = e.getValue();
            Map<String, String> p = indicators.get(e.getKey());
            if (e.getKey().equals("C-H-02b")) continue; // its status withheld: aStatusAtItsNaturalLimitIsWithheldWithItsValue
            assertEquals(r.getAs("status"), p.get("status"), e.getKey());
            assertEquals(r.getAs("status_zh"), p.get("status_zh"));
            if (e.getKey().equals("W-H-02")) continue;
            for (String column : List.of("baseline_value", "current_value", "target_value", "anticipated_2030", "gap_2030", "note")) {
                Object v = r.getAs(column);
                assertEquals(v == null ? "" : CsvFiles.text(v), p.get(column), column + " of " + e.getKey());
            }
        }
        // by hand (EvaluationRelease): C-E-02 achieved, 90 -> 98
        Map<String, String> preschool = indicators.get("C-E-02");
        assertEquals("achieved", preschool.get("status"));
        assertEquals("90", preschool.get("baseline_value"));
        assertEquals("98", preschool.get("current_value"));
        // C-E-04 limited progress at a ratio of 0.515; 94 anticipated in 2030, short of 98
        Map<String, String> highSchool = indicators.get("C-E-04");
        assertEquals("limited_progress", highSchool.get("status"));
        assertEquals(0.515, Double.parseDouble(highSchool.get("ratio")), 0.001);
        assertEquals(94.0, Double.parseDouble(highSchool.get("anticipated_2030")), 1e-6);
        assertEquals(-4.0, Double.parseDouble(highSchool.get("gap_2030")), 1e-6);
        assertEquals("false", highSchool.get("meets_target"));
        // C-H-02a: a direction only, on track, rising
        Map<String, String> literacy = indicators.get("C-H-02a");
        assertEquals("on_track", literacy.get("status"));
        assertEquals("up", literacy.get("trend"));
        assertEquals("", literacy.get("target_value"));
    }

    @Test
    void aSeriesWithAWithheldValueKeepsItsStatusButNotItsFigures() throws Exception {
        // W-H-02's counts are all below 3: withheld in indicator_values, and so absent from the evaluation
        for (Map<String, String> v : csv(release.dir.resolve("data/indicator_values.csv"))) {
            if (v.get("indicator").equals("W-H-02")) assertEquals("", v.get("value"), v.toString());
        }
        Map<String, String> maternal = indicators.get("W-H-02");
        assertFalse(maternal.get("status").isEmpty());
        for (String column : List.of("baseline_value", "current_value", "ratio", "anticipated_2030", "gap_2030", "meets_target")) {
            assertEquals("", maternal.get(column), column);
        }
        assertEquals(ReleaseTables.WITHHELD_NOTE, maternal.get("note"));
        String assessed = release.spark().sql("SELECT CAST(current_value AS STRING) FROM " + Warehouse.ASSESSMENT
                + " WHERE assessed_year = 2025 AND indicator = 'W-H-02' AND region = '510811' AND sex = '_T'").first().getString(0);
        assertNotNull(assessed, "the warehouse has the figure the release withholds");
        assertFalse(Files.readString(release.dir.resolve("data/evaluation.csv")).contains(assessed));
    }

    @Test
    void aStatusAtItsNaturalLimitIsWithheldWithItsValue() throws Exception {
        // by hand (EvaluationRelease): C-H-02b 50 in 2020, 100 (2 of 2) in 2025 under "increase": 100 is the upper limit of a %,
        // so assess judges it achieved by the method at_limit; every count is below 3, so its values are withheld
        Row stored = release.spark().sql("SELECT status, method FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2025"
                + " AND indicator = 'C-H-02b' AND region = '510811' AND sex = '_T' AND age_band = '_T' AND residence = '_T'").first();
        assertEquals("achieved", stored.getString(0));
        assertTrue(List.of(stored.getString(1).split("\\+")).contains("at_limit"), stored.getString(1));
        for (Map<String, String> v : csv(release.dir.resolve("data/indicator_values.csv"))) {
            if (v.get("indicator").equals("C-H-02b")) assertEquals("", v.get("value"), v.toString());
        }
        // 已实现 at the limit would say the value is 100: the release withholds the status with the figures
        Map<String, String> carers = indicators.get("C-H-02b");
        assertEquals(ReleaseTables.WITHHELD_STATUS, carers.get("status"));
        assertEquals("不予公布", carers.get("status_zh"));
        assertEquals(ReleaseTables.WITHHELD_STATUS_NOTE, carers.get("note"));
        assertEquals("", carers.get("current_value"));
        Map<String, String> assessed = csv(release.dir.resolve("data/assessment.csv")).stream()
                .filter(r -> r.get("indicator").equals("C-H-02b") && r.get("region").equals("510811") && r.get("sex").equals("_T"))
                .findFirst().orElseThrow();
        assertEquals(ReleaseTables.WITHHELD_STATUS, assessed.get("status"));
        assertFalse(assessed.get("method").contains("at_limit"), assessed.get("method"));
        assertEquals("", assessed.get("current_value"));
        // the yearbook's page of the indicator says the same, and the withheld W-H-02 keeps its status
        String report = Files.readString(release.dir.resolve("report.html"));
        int at = report.indexOf("\"C-H-02b\":{\"name\"");
        String page = report.substring(at, report.indexOf("\"lines\"", at)); // its name, target, status and note
        assertTrue(page.contains("\"statusCode\":\"withheld\""), page);
        assertFalse(page.contains("已实现"), page);
        assertFalse(indicators.get("W-H-02").get("status").equals(ReleaseTables.WITHHELD_STATUS));
    }

    @Test
    void theParquetFileHoldsTheRowsOfTheCsv() throws Exception {
        List<Row> parquet = release.spark().read().parquet(release.dir.resolve("data/evaluation.parquet").toString()).collectAsList();
        assertEquals(areas.size() + indicators.size(), parquet.size());
        Row highSchool = parquet.stream().filter(r -> "C-E-04".equals(r.getAs("indicator"))).findFirst().orElseThrow();
        assertEquals(Double.parseDouble(indicators.get("C-E-04").get("current_value")), highSchool.<Double>getAs("current_value"), 1e-12);
        assertEquals(Boolean.FALSE, highSchool.getAs("meets_target"));
    }

    @Test
    void publishingTheSameDataAgainWritesNothing() {
        assertTrue(release.republished.contains("nothing written"), release.republished);
    }

    @Test
    void theYearAfterKeepsTheMidTermEvaluationAsTheLatest() throws Exception {
        Path next = release.next;
        assertTrue(Files.exists(next.resolve("evaluation.pdf")));
        List<Map<String, String>> rows = csv(next.resolve("data/evaluation.csv"));
        assertTrue(rows.stream().allMatch(r -> r.get("evaluation_year").equals("2025") && r.get("evaluation").equals("mid_term")));
        // judged on the data up to 2025, not 2026: C-E-04 is still at 92
        Map<String, String> highSchool = rows.stream().filter(r -> r.get("indicator").equals("C-E-04")).findFirst().orElseThrow();
        assertEquals("92", highSchool.get("current_value"));
        assertEquals(csv(release.dir.resolve("data/evaluation.csv")), rows, "the same evaluation as the 2025 release's");
        String report = Files.readString(next.resolve("report.html"));
        assertTrue(report.contains("<h2 id=\"evaluation-h\">2025年中期评估 / Mid-term evaluation 2025</h2>"), "the chapter is labelled with its year");
        assertTrue(report.contains("这是截至2026年的最近一次评估"), "and says it is the latest one");
    }

    static List<Map<String, String>> csv(Path file) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
