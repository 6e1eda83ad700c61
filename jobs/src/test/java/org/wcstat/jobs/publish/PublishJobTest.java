package org.wcstat.jobs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.TestConf;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.compute.ComputeJob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing a year from facts written by hand, through the real compute stage, Spark and Iceberg:
 * disclosure control in the data files and SDMX, the manifest and tags, and that a release is never
 * changed in place and can be built again, byte for byte, from its tag after the warehouse moved on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishJobTest {
    static final String D = "510811";
    static final String T101 = D + "101", T102 = D + "102", T103 = D + "103", T104 = D + "104";

    @TempDir
    static Path home;
    static SparkSession spark;
    static JobContext ctx;
    static Path release;
    static JsonNode manifest;

    @BeforeAll
    static void publishTheHandMadeYear() throws Exception {
        Path conf = home.resolve("conf");
        // DEATHS and RATE share their numerator, so they are withheld together
        TestConf.write(conf, List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml"), "B: live_births, D: deaths, C: clinics", """
                indicators:
                  - {code: DEATHS, plan: children, area: health, name_zh: 死亡数, name_en: deaths, unit: "人",
                     numerator: deaths, by: [town, sex], sources: [health]}
                  - {code: RATE, plan: children, area: health, name_zh: 死亡率, name_en: death rate, unit: "‰",
                     numerator: deaths, denominator: live_births, factor: 1000, by: [town, sex],
                     interval: poisson, target: "<= 30", sources: [health]}
                  - {code: BIRTHS, plan: children, area: health, name_zh: 出生数, name_en: births, unit: "人",
                     numerator: live_births, by: [town], sources: [health]}
                  - {code: CLINICS, plan: children, area: health, name_zh: 门诊数, name_en: clinics, unit: "个",
                     numerator: clinics, by: [town], counts: facilities, sources: [health]}
                """);
        spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();
        ctx = new JobContext(Configuration.load(conf), home, wh, Progress.SILENT, Map.of());

        // 2024 deaths: 101 M 1; 102 F 4; 103 M 3 F 3; 104 M 5 F 3 -> towns 1, 4, 6, 8; F 10, M 9; district 19.
        // Births: 101 M 50 F 50; 102 M 100 F 100; 103 M 150 F 150; 104 M 200 F 200 -> 1,000.
        List<Row> facts = new ArrayList<>();
        fact(facts, "deaths", 2024, T101, "M", 1, "L-D-2024");
        fact(facts, "deaths", 2024, T102, "F", 4, "L-D-2024");
        fact(facts, "deaths", 2024, T103, "M", 3, "L-D-2024");
        fact(facts, "deaths", 2024, T103, "F", 3, "L-D-2024");
        fact(facts, "deaths", 2024, T104, "M", 5, "L-D-2024");
        fact(facts, "deaths", 2024, T104, "F", 3, "L-D-2024");
        int town = 1;
        for (String t : List.of(T101, T102, T103, T104)) {
            fact(facts, "live_births", 2024, t, "M", 50 * town, "L-B-2024");
            fact(facts, "live_births", 2024, t, "F", 50 * town, "L-B-2024");
            town++;
        }
        // clinics: one in town 101, two in 102: counts of facilities, published however small
        fact(facts, "clinics", 2024, T101, "_T", 1, "L-D-2024");
        fact(facts, "clinics", 2024, T102, "_T", 2, "L-D-2024");
        wh.append(spark.createDataFrame(facts, spark.table(Warehouse.FACTS).schema()), Warehouse.FACTS);
        // the audit rows of those two loads, and of one whose facts are no longer in the table
        wh.append(spark.createDataFrame(List.of(load("L-D-2024", 2024), load("L-B-2024", 2024), load("L-GONE-2024", 2024)),
                spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);

        new ComputeJob().run(ctx, 2024, Optional.empty());
        new PublishJob().run(ctx, 2024, Optional.empty());
        release = home.resolve("releases/2024");
        manifest = new ObjectMapper().readTree(release.resolve("manifest.json").toFile());
    }

    @Test
    @Order(1)
    void countsOfFacilitiesArePublishedHoweverSmall() throws Exception {
        // one clinic in town 101 and two in 102, three in the district: counts under 3 of people would be withheld
        Map<String, Map<String, String>> v = valuesCsv(release);
        assertEquals("1", v.get("CLINICS " + T101 + " _T").get("value"));
        assertEquals("2", v.get("CLINICS " + T102 + " _T").get("value"));
        assertEquals("", v.get("CLINICS " + T101 + " _T").get("flags"));
    }

    @Test
    @Order(1)
    void theSmallTownAndTheTownThatWouldGiveItAwayAreWithheldInTheCountAndTheRate() throws Exception {
        Map<String, Map<String, String>> v = valuesCsv(release);
        // primary: town 101 has 1 death. Secondary: towns 102 (4), 103 (6), 104 (8) and the district 19
        // would give 19 - 4 - 6 - 8 = 1; the smallest other town, 102, is withheld too (1 + 4 = 5).
        for (String ind : List.of("DEATHS", "RATE")) {
            for (String t : List.of(T101, T102)) {
                Map<String, String> row = v.get(ind + " " + t + " _T");
                assertEquals("", row.get("value"), ind + " " + t);
                assertEquals("", row.get("ci_low"));
                assertEquals("C", row.get("conf_status"));
                assertEquals("O", row.get("obs_status"));
                assertEquals("suppressed", row.get("flags"));
            }
        }
        // published: DEATHS 103 = 6, 104 = 8, F 10, M 9, district 19;
        // RATE 103 = 6 / 300 x 1000 = 20, 104 = 8 / 400 x 1000 = 20, F 10 / 500 = 20, M 9 / 500 = 18, district 19
        assertEquals("6", v.get("DEATHS " + T103 + " _T").get("value"));
        assertEquals("8", v.get("DEATHS " + T104 + " _T").get("value"));
        assertEquals("10", v.get("DEATHS " + D + " F").get("value"));
        assertEquals("9", v.get("DEATHS " + D + " M").get("value"));
        assertEquals("19", v.get("DEATHS " + D + " _T").get("value"));
        assertEquals("20", v.get("RATE " + T103 + " _T").get("value"));
        assertEquals("18", v.get("RATE " + D + " M").get("value"));
        assertEquals("19", v.get("RATE " + D + " _T").get("value"));
        assertEquals("F", v.get("RATE " + D + " _T").get("conf_status"));
        assertFalse(v.get("RATE " + D + " _T").get("ci_low").isEmpty(), "a published rate keeps its interval");
        // births are no small count anywhere: town 101 has 100 births, published
        assertEquals("100", v.get("BIRTHS " + T101 + " _T").get("value"));
        assertEquals(2 * 2, v.values().stream().filter(r -> r.get("conf_status").equals("C")).count());
        assertEquals(2, manifest.path("disclosure").path("withheld_small_counts").asInt());
        assertEquals(2, manifest.path("disclosure").path("withheld_to_protect_them").asInt());
    }

    @Test
    @Order(1)
    void withoutVolumesTheYearbookIsOneVolumeWithEveryTown() throws Exception {
        // conf/yearbook.yaml as shipped has no volumes: the release holds one yearbook and no volumes/ folder
        assertFalse(Files.exists(release.resolve(Volumes.FOLDER)));
        manifest.path("files").forEach(f -> assertFalse(f.path("path").asText().startsWith(Volumes.FOLDER + "/"), f.toString()));
        String report = Files.readString(release.resolve("report.html"));
        assertTrue(report.contains("分乡镇"), "the places' tables are the towns'");
        assertFalse(report.contains("汇总卷"), "the yearbook is not a summary");
        for (String town : List.of("卫子镇", "王家镇", "磨滩镇", "柏林沟镇")) assertTrue(report.contains(town), town);
    }

    @Test
    @Order(2)
    void theParquetFileHoldsTheRowsOfTheCsv() throws Exception {
        List<Row> parquet = spark.read().parquet(release.resolve("data/indicator_values.parquet").toString()).collectAsList();
        List<Map<String, String>> csv = new ArrayList<>(valuesCsv(release).values());
        assertEquals(csv.size(), parquet.size());
        Map<String, String> csvRate = valuesCsv(release).get("RATE " + D + " M");
        Row rate = parquet.stream().filter(r -> r.getAs("indicator").equals("RATE") && r.getAs("region").equals(D)
                && r.getAs("sex").equals("M")).findFirst().orElseThrow();
        assertEquals(Double.parseDouble(csvRate.get("value")), rate.<Double>getAs("value"), 1e-12);
        Row withheld = parquet.stream().filter(r -> r.getAs("indicator").equals("DEATHS") && r.getAs("region").equals(T101))
                .findFirst().orElseThrow();
        assertNull(withheld.getAs("value"));
        assertEquals("C", withheld.getAs("conf_status"));

        // the footer names the writer by version and build only, and holds no time of writing
        var file = org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(release.resolve("data/indicator_values.parquet").toUri()),
                new org.apache.hadoop.conf.Configuration());
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(file)) {
            var meta = reader.getFooter().getFileMetaData();
            assertTrue(meta.getCreatedBy().matches("parquet-mr version [0-9.]+ \\(build [0-9a-f]+\\)"), meta.getCreatedBy());
            for (var kv : meta.getKeyValueMetaData().entrySet()) {
                assertFalse(kv.getValue().matches("(?s).*\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}.*"), kv.getKey() + " holds a time: " + kv.getValue());
            }
        }
    }

    @Test
    @Order(2)
    void duckDbReadsTheReleasesParquetAsSparkDoes() throws Exception {
        // an analyst outside Spark: DuckDB reads the published file, row for row and value for value
        String file = release.resolve("data/indicator_values.parquet").toString();
        String columns = "indicator, year, region, sex, age_band, residence, value, conf_status";
        String order = " ORDER BY indicator, year, region, sex, age_band, residence";
        spark.read().parquet(file).createOrReplaceTempView("released_values");
        List<String> bySpark = spark.sql("SELECT " + columns + " FROM released_values" + order)
                .collectAsList().stream().map(r -> r.mkString("|")).toList();
        List<String> byDuckDb = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT " + columns + " FROM read_parquet('" + file.replace("'", "''") + "')" + order)) {
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= 8; i++) cells.add(String.valueOf(r.getObject(i)));
                byDuckDb.add(String.join("|", cells));
            }
        }
        assertFalse(byDuckDb.isEmpty());
        assertEquals(bySpark, byDuckDb);
    }

    @Test
    @Order(2)
    void theFooterOrderParquetMrLeavesToHashCodesIsMadeCanonical(@TempDir Path tmp) throws Exception {
        Path written = release.resolve("data/indicator_values.parquet");
        byte[] canonical = Files.readAllBytes(written);
        // another JVM may list a column's encodings in another order: reverse every list, as it might
        Path other = tmp.resolve("other.parquet");
        byte[] bytes = canonical.clone();
        int n = bytes.length;
        int length = java.nio.ByteBuffer.wrap(bytes, n - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        var meta = org.apache.parquet.format.Util.readFileMetaData(new java.io.ByteArrayInputStream(bytes, n - 8 - length, length));
        boolean reordered = false;
        for (var g : meta.getRow_groups()) {
            for (var c : g.getColumns()) {
                var enc = c.getMeta_data().getEncodings();
                reordered |= enc.size() > 1;
                java.util.Collections.reverse(enc);
            }
        }
        assertTrue(reordered, "some column has more than one encoding");
        var footer = new java.io.ByteArrayOutputStream();
        org.apache.parquet.format.Util.writeFileMetaData(meta, footer);
        var out = new java.io.ByteArrayOutputStream();
        out.write(bytes, 0, n - 8 - length);
        footer.writeTo(out);
        out.write(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
        out.write("PAR1".getBytes());
        Files.write(other, out.toByteArray());
        assertFalse(java.util.Arrays.equals(canonical, Files.readAllBytes(other)));

        ParquetFooter.canonicalise(other);
        assertTrue(java.util.Arrays.equals(canonical, Files.readAllBytes(other)), "the same bytes once canonical");
        assertEquals(valuesCsv(release).size(), spark.read().parquet(other.toString()).count());
    }

    @Test
    @Order(3)
    void theSdmxCsvAgreesWithItsDataStructureDefinition() throws Exception {
        SdmxCheck dsd = new SdmxCheck(release.resolve("sdmx/structure.xml"));
        assertEquals(List.of("INDICATOR", "REF_AREA", "SEX", "AGE", "URBANISATION", "TIME_PERIOD"), dsd.dimensions);
        assertEquals(List.of("OBS_STATUS", "CONF_STATUS"), dsd.attributes);
        assertEquals("OBS_VALUE", dsd.measure);
        // every town of conf/regions.yaml and the district, and the age bands of conf/dimensions.yaml
        assertEquals(13, dsd.codes.get("REF_AREA").size());
        assertTrue(dsd.codes.get("AGE").containsAll(List.of("Y0", "Y1T2", "Y_GE65", "_T")), dsd.codes.get("AGE").toString());
        List<Map<String, String>> rows = dsd.check(release.resolve("sdmx/data.csv"));
        Map<String, Map<String, String>> data = valuesCsv(release);
        assertEquals(data.size(), rows.size());
        for (Map<String, String> r : rows) {
            Map<String, String> d = data.get(r.get("INDICATOR") + " " + r.get("REF_AREA") + " " + r.get("SEX"));
            assertEquals(d.get("value"), r.get("OBS_VALUE"));
            assertEquals(d.get("conf_status"), r.get("CONF_STATUS"));
        }
        assertEquals("C", rows.stream().filter(r -> r.get("INDICATOR").equals("RATE") && r.get("REF_AREA").equals(T102))
                .findFirst().orElseThrow().get("CONF_STATUS"));
    }

    @Test
    @Order(4)
    void theManifestNamesTheSnapshotsTheTagsMarkTheLoadsAndEveryFile() throws Exception {
        for (String t : ReleaseSnapshot.TABLES) {
            JsonNode id = manifest.path("snapshots").path(t.substring(3));
            var ref = Spark3Util.loadIcebergTable(spark, t).refs().get("release-2024");
            if (id.isNull()) {
                assertEquals(null, ref, t + " was never written: no tag");
            } else {
                assertEquals(id.asLong(), ref.snapshotId(), t + " tag release-2024");
            }
        }
        assertTrue(manifest.path("snapshots").path("indicators.value").isNumber());
        assertTrue(manifest.path("catalog_version").asText().matches("sha256:[0-9a-f]{64}"));
        List<String> loads = new ArrayList<>();
        manifest.path("loads").forEach(l -> loads.add(l.path("load_id").asText()));
        assertEquals(List.of("L-B-2024", "L-D-2024"), loads, "the loads whose facts the release rests on, not L-GONE-2024");
        Map<String, Manifest.FileHash> files = Manifest.read(release).filesByPath();
        assertEquals(List.of("data/assessment.csv", "data/assessment.parquet", "data/indicator_values.csv",
                "data/indicator_values.parquet", "data/warnings.csv", "data/warnings.parquet",
                "report.html", "sdmx/data.csv", "sdmx/structure.xml", "yearbook.pdf", "yearbook.xlsx"), new ArrayList<>(files.keySet()));
        for (var f : files.entrySet()) {
            Path p = release.resolve(f.getKey());
            assertEquals(Files.size(p), f.getValue().size(), f.getKey());
            assertEquals(Manifest.sha256(p), f.getValue().sha256(), f.getKey());
        }
    }

    @Test
    @Order(5)
    void aReleaseIsNeverChangedInPlaceAndItsTagRebuildsItByteForByte() throws Exception {
        Map<String, Manifest.FileHash> first = dataFiles(Manifest.read(release));
        long firstValuesSnapshot = manifest.path("snapshots").path("indicators.value").asLong();

        // the same data again: nothing written, revision 1 stays
        String again = new PublishJob().run(ctx, 2024, Optional.empty());
        assertTrue(again.contains("nothing written"), again);
        assertEquals(1, read(release).path("revision").asInt());

        // the same facts computed again: a new snapshot of the values, the same data, nothing written
        new ComputeJob().run(ctx, 2024, Optional.empty());
        String recomputed = new PublishJob().run(ctx, 2024, Optional.empty());
        assertTrue(recomputed.contains("nothing written"), recomputed);

        // later loads: one more 2024 death in town 104, and a 2025 year
        List<Row> later = new ArrayList<>();
        fact(later, "deaths", 2024, T104, "F", 1, "L-D2-2024");
        fact(later, "deaths", 2025, T103, "M", 7, "L-D-2025");
        fact(later, "live_births", 2025, T103, "M", 700, "L-B-2025");
        ctx.warehouse().append(spark.createDataFrame(later, spark.table(Warehouse.FACTS).schema()), Warehouse.FACTS);
        ctx.warehouse().append(spark.createDataFrame(List.of(load("L-D2-2024", 2024)), spark.table(Warehouse.LOADS).schema()),
                Warehouse.LOADS);
        new ComputeJob().run(ctx, 2024, Optional.empty());
        new ComputeJob().run(ctx, 2025, Optional.empty());

        PublishException refused = assertThrows(PublishException.class, () -> new PublishJob().run(ctx, 2024, Optional.empty()));
        assertTrue(refused.getMessage().contains("--republish"), refused.getMessage());
        assertEquals(1, read(release).path("revision").asInt());

        // from the tag: revision 2 with the very same data files; revision 1 kept whole beside it
        new PublishJob(new PublishJob.Options(true, true)).run(ctx, 2024, Optional.empty());
        JsonNode second = read(release);
        assertEquals(2, second.path("revision").asInt());
        assertEquals("tag", second.path("built_from").asText());
        assertEquals(first, dataFiles(Manifest.read(release)));
        assertEquals(manifest.path("snapshots"), second.path("snapshots"));
        JsonNode kept = read(home.resolve("releases/2024-r1"));
        assertEquals(manifest, kept);
        for (var f : Manifest.read(home.resolve("releases/2024-r1")).filesByPath().entrySet()) {
            assertEquals(f.getValue().sha256(), Manifest.sha256(home.resolve("releases/2024-r1").resolve(f.getKey())), f.getKey());
        }

        // from the warehouse as it is now: revision 3, other data (104 now has 9 deaths), the tag moves on
        new PublishJob(new PublishJob.Options(true, false)).run(ctx, 2024, Optional.empty());
        JsonNode third = read(release);
        assertEquals(3, third.path("revision").asInt());
        assertNotEquals(first.get("data/indicator_values.csv"), dataFiles(Manifest.read(release)).get("data/indicator_values.csv"));
        assertEquals("9", valuesCsv(release).get("DEATHS " + T104 + " _T").get("value"));
        long thirdValuesSnapshot = third.path("snapshots").path("indicators.value").asLong();
        assertNotEquals(firstValuesSnapshot, thirdValuesSnapshot);
        var refs = Spark3Util.loadIcebergTable(spark, Warehouse.INDICATOR_VALUES).refs();
        assertEquals(thirdValuesSnapshot, refs.get("release-2024").snapshotId());
        assertEquals(firstValuesSnapshot, refs.get("release-2024-r2").snapshotId());
        assertEquals(firstValuesSnapshot, refs.get("release-2024-r1").snapshotId());
        assertTrue(valuesCsv(release).keySet().stream().noneMatch(k -> k.contains("2025")), "2025 is not in the 2024 release");
        revisionsSayWhatChanged();
    }

    /**
     * Revision 3 against revision 2: one more death in town 104 (a girl, load L-D2-2024). Deaths: 104 8 -> 9, girls
     * 10 -> 11, district 19 -> 20; the rate per 1,000 births (104: 400, girls 500, district 1,000): 104 20 -> 22.5,
     * girls 20 -> 22, district 19 -> 20. Towns 101 (1) and 102 (4) stay withheld in both; births do not change.
     * Revision 2, built from revision 1's tag, changed nothing and says so.
     */
    private void revisionsSayWhatChanged() throws Exception {
        String newLoad = "health/report " + Timestamp.valueOf("2025-03-01 08:00:00").toInstant();
        List<String> rows = Files.readAllLines(release.resolve("data/revisions.csv"));
        assertEquals(List.of("indicator,year,region,sex,age_band,residence,pooled_years,change,previous_value,value,difference,loads",
                "DEATHS,2024," + D + ",F,_T,_T,1,revised,10,11,1," + newLoad,
                "DEATHS,2024," + D + ",_T,_T,_T,1,revised,19,20,1," + newLoad,
                "DEATHS,2024," + T104 + ",_T,_T,_T,1,revised,8,9,1," + newLoad,
                "RATE,2024," + D + ",F,_T,_T,1,revised,20,22,2," + newLoad,
                "RATE,2024," + D + ",_T,_T,_T,1,revised,19,20,1," + newLoad,
                "RATE,2024," + T104 + ",_T,_T,_T,1,revised,20,22.5,2.5," + newLoad), rows);
        assertEquals(Manifest.sha256(home.resolve("releases/2024-r2/manifest.json")), read(release).path("supersedes_manifest_sha256").asText());
        List<String> sdmx = Files.readAllLines(release.resolve("sdmx/" + SdmxFiles.DATA));
        assertEquals(6, sdmx.stream().filter(l -> l.endsWith(",R,F")).count(), String.join("\n", sdmx));
        String report = Files.readString(release.resolve("report.html"));
        assertTrue(report.contains("id=\"revisions\"") && report.contains("第3版与第2版相比的变化"), "report.html has the note");
        assertTrue(Files.readString(home.resolve("releases/2024-r2/report.html")).contains("第2版与第1版相比的变化：公布的数值没有变化。"));
        assertFalse(Files.exists(home.resolve("releases/2024-r2/data/revisions.csv")), "no changes, no table");
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(release.resolve("yearbook.xlsx").toFile())) {
            var sheet = wb.getSheet(RevisionNote.TITLE_ZH);
            assertEquals(22.5, sheet.getRow(7).getCell(5).getNumericCellValue(), 1e-9, "the last change, 104's rate, as a number");
        }
    }

    private static Map<String, Manifest.FileHash> dataFiles(Manifest m) {
        // the data files; the workbook, PDF and report carry their writers' timestamps
        return m.filesByPath().entrySet().stream().filter(e -> e.getKey().startsWith("data/") || e.getKey().startsWith("sdmx/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static JsonNode read(Path release) throws Exception {
        return new ObjectMapper().readTree(release.resolve("manifest.json").toFile());
    }

    /** data/indicator_values.csv of 2024 by "indicator region sex" (these indicators have no age or residence breakdown). */
    static Map<String, Map<String, String>> valuesCsv(Path release) throws Exception {
        Map<String, Map<String, String>> m = new TreeMap<>();
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(release.resolve("data/indicator_values.csv").toFile())) {
            it.forEachRemaining(r -> m.put(r.get("indicator") + " " + r.get("region") + " " + r.get("sex"), r));
        }
        return m;
    }

    /** A fact of the health department's report, at every age and residence. */
    static void fact(List<Row> facts, String measure, int year, String region, String sex, double value, String load) {
        facts.add(RowFactory.create(measure, year, region, sex, "_T", "_T", value, "health", "report", load));
    }

    /** The audit row of a load of the health department's report, ok. */
    static Row load(String id, int year) {
        return RowFactory.create(id, "health", "report", year, Timestamp.valueOf("2025-03-01 08:00:00"), 1000L,
                10L, 10L, 0L, 10L, null, null, "ok", null, null);
    }
}
