package org.wcstat.jobs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.TestConf;
import org.wcstat.jobs.TestRepo;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.compute.ComputeJob;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A yearbook split by city (conf/yearbook.yaml volumes: {by: city}), published from facts written by hand for a
 * province of two cities through the real compute and publish stages: a volume per city with its own towns, the
 * summary with the province's totals and a row per city, and disclosure control over all of them.
 */
class PublishVolumesTest {
    static final String P = "51", A = "5101", B = "5102";
    static final String A1 = "510101101", A2 = "510101102", B1 = "510201101", B2 = "510201102", B3 = "510201103";
    static final Map<String, String> TOWN_NAMES = Map.of(A1, "甲一镇", A2, "甲二镇", B1, "乙一镇", B2, "乙二镇", B3, "乙三镇");
    /** The 2024 column of a table: the yearbook's first year is 2020, after the name and unit columns. */
    static final int COL_2024 = 2 + 2024 - 2020;

    @TempDir
    static Path home;
    static SparkSession spark;
    static Path release;
    static JsonNode manifest;

    @BeforeAll
    static void publishTheHandMadeProvince() throws Exception {
        Path conf = home.resolve("conf");
        Path repo = TestRepo.root();
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("yearbook.yaml"), Files.readString(repo.resolve("conf/yearbook.yaml")) + "volumes: {by: city}\n");
        Files.writeString(conf.resolve("regions.yaml"), """
                district: {code: "51", name_zh: 试点省, name_en: Test province}
                cities:
                  - {code: "5101", name_zh: 甲市, name_en: City A}
                  - {code: "5102", name_zh: 乙市, name_en: City B}
                towns:
                  - {code: "510101101", name_zh: 甲一镇, name_en: A one}
                  - {code: "510101102", name_zh: 甲二镇, name_en: A two}
                  - {code: "510201101", name_zh: 乙一镇, name_en: B one}
                  - {code: "510201102", name_zh: 乙二镇, name_en: B two}
                  - {code: "510201103", name_zh: 乙三镇, name_en: B three}
                """);
        TestConf.write(conf, List.of("dimensions.yaml"), "B: live_births, D: deaths", """
                indicators:
                  - {code: DEATHS, plan: children, area: health, name_zh: 死亡数, name_en: deaths, unit: "人",
                     numerator: deaths, by: [town, sex], sources: [health]}
                  - {code: RATE, plan: children, area: health, name_zh: 死亡率, name_en: death rate, unit: "‰",
                     numerator: deaths, denominator: live_births, factor: 1000, by: [town, sex],
                     interval: poisson, target: "<= 30", sources: [health]}
                  - {code: BIRTHS, plan: children, area: health, name_zh: 出生数, name_en: births, unit: "人",
                     numerator: live_births, by: [town], sources: [health]}
                """);
        spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();
        JobContext ctx = new JobContext(Configuration.load(conf), home, wh, Progress.SILENT, Map.of());

        // 2024 deaths: A1 M 2 F 2 = 4; A2 M 3 F 3 = 6 (city A 10); B1 M 4 F 4 = 8; B2 M 5 F 4 = 9; B3 M 1 = 1
        // (city B 18); province 28. Births (half boys, half girls): A1 100, A2 200 (city A 300); B1 300, B2 400,
        // B3 100 (city B 800); province 1,100.
        List<Row> facts = new ArrayList<>();
        deaths(facts, A1, 2, 2);
        deaths(facts, A2, 3, 3);
        deaths(facts, B1, 4, 4);
        deaths(facts, B2, 5, 4);
        deaths(facts, B3, 1, 0);
        Map<String, Integer> births = Map.of(A1, 100, A2, 200, B1, 300, B2, 400, B3, 100);
        births.forEach((town, n) -> {
            fact(facts, "live_births", town, "M", n / 2);
            fact(facts, "live_births", town, "F", n / 2);
        });
        wh.append(spark.createDataFrame(facts, spark.table(Warehouse.FACTS).schema()), Warehouse.FACTS);
        wh.append(spark.createDataFrame(List.of(PublishJobTest.load("L-2024", 2024)), spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);

        new ComputeJob().run(ctx, 2024, Optional.empty());
        new PublishJob().run(ctx, 2024, Optional.empty());
        release = home.resolve("releases/2024");
        manifest = new ObjectMapper().readTree(release.resolve("manifest.json").toFile());
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void eachCityHasItsVolumeAndTheManifestListsItsFilesWithTheirHashes() throws Exception {
        Map<String, String> listed = new LinkedHashMap<>();
        manifest.path("files").forEach(f -> listed.put(f.path("path").asText(), f.path("sha256").asText()));
        for (String city : List.of(A, B)) {
            for (String file : List.of("yearbook.xlsx", "yearbook.pdf", "report.html")) {
                Path written = release.resolve("volumes").resolve(city).resolve(file);
                assertTrue(Files.size(written) > 0, written + " is written");
                assertEquals(Manifest.sha256(written), listed.get("volumes/" + city + "/" + file), written + " in the manifest");
            }
        }
        // the release's own yearbook is the summary volume
        assertTrue(listed.containsKey("yearbook.xlsx"));
        assertTrue(listed.containsKey("yearbook.pdf"));
        try (var cities = Files.list(release.resolve("volumes"))) {
            assertEquals(Set.of(A, B), Set.copyOf(cities.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void aCitysVolumeHasItsOwnTownsAndNoOtherCitysSoNoTownTableSpansCities() throws Exception {
        assertEquals(Set.of("甲一镇", "甲二镇"), townsNamedIn(volume(A)));
        assertEquals(Set.of("乙一镇", "乙二镇", "乙三镇"), townsNamedIn(volume(B)));
    }

    @Test
    void theSummaryHasARowPerCityAndNoTown() throws Exception {
        Map<String, Map<String, Object>> summary = places(summary());
        assertEquals(Set.of(), townsNamedIn(summary()));
        assertEquals(Set.of("甲市", "乙市"), Set.copyOf(summary.get("死亡率").keySet()));
    }

    @Test
    void aSummaryRowIsTheCitysOwnValue() throws Exception {
        Map<String, Map<String, Object>> summary = places(summary());
        // city A: deaths 4 + 6 = 10 over births 100 + 200 = 300, 10 / 300 x 1000 = 33.33 per 1,000;
        // city B: 8 + 9 + 1 = 18 over 300 + 400 + 100 = 800, 18 / 800 x 1000 = 22.50
        assertEquals(10.0, (Double) summary.get("死亡数").get("甲市"), 1e-9);
        assertEquals(18.0, (Double) summary.get("死亡数").get("乙市"), 1e-9);
        assertEquals(33.33, (Double) summary.get("死亡率").get("甲市"), 1e-9);
        assertEquals(22.50, (Double) summary.get("死亡率").get("乙市"), 1e-9);
        assertEquals(300.0, (Double) summary.get("出生数").get("甲市"), 1e-9);
        assertEquals(800.0, (Double) summary.get("出生数").get("乙市"), 1e-9);
        // and a city's volume has the city's value as its total: 死亡率 of city A in its chapter table
        assertTrue(cellsOf(volume(A)).contains(33.33), "city A's volume shows its own rate as its total");
    }

    @Test
    void noVolumeShowsAValueTheReleaseWithholdsAndTheCitiesTownsAreProtectedWithinTheCity() throws Exception {
        Map<String, Map<String, String>> values = PublishJobTest.valuesCsv(release);
        // primary: B3 has 1 death. Towns to the province: B3 alone withheld, so the smallest other town, A1 (4),
        // goes too. City A (10) = A1 + A2: A1 alone withheld would be 10 - 6, so A2 (6) goes; city B (18) =
        // B1 + B2 + B3: B3 alone, so the smaller of B1 (8) and B2 (9), B1, goes. B2 and both cities stay published:
        // 18 - 9 = 9 is B1 + B3 together, 10 is A1 + A2 together. The count and the rate share their numerator.
        for (String ind : List.of("DEATHS", "RATE")) {
            for (String t : List.of(A1, A2, B1, B3)) assertEquals("C", values.get(ind + " " + t + " _T").get("conf_status"), ind + " " + t);
            assertEquals("F", values.get(ind + " " + B2 + " _T").get("conf_status"), ind + " B2");
        }
        for (String city : List.of(A, B)) {
            Map<String, Map<String, Object>> towns = places(volume(city));
            towns.forEach((indicator, row) -> row.forEach((town, shown) -> {
                String code = TOWN_NAMES.entrySet().stream().filter(e -> e.getValue().equals(town)).findFirst().orElseThrow().getKey();
                String ind = Map.of("死亡数", "DEATHS", "死亡率", "RATE", "出生数", "BIRTHS").get(indicator);
                boolean withheld = values.get(ind + " " + code + " _T").get("conf_status").equals("C");
                assertEquals(withheld, YearbookTables.WITHHELD.equals(shown), indicator + " " + town + " in volume " + city + ": " + shown);
            }));
        }
        assertEquals(Set.of("甲市", "乙市"), Set.copyOf(places(summary()).get("死亡数").keySet()));
        assertFalse(places(summary()).get("死亡数").containsValue(YearbookTables.WITHHELD), "both cities' totals are published");
    }

    private static void deaths(List<Row> facts, String town, int boys, int girls) {
        fact(facts, "deaths", town, "M", boys);
        if (girls > 0) fact(facts, "deaths", town, "F", girls);
    }

    private static void fact(List<Row> facts, String measure, String region, String sex, double value) {
        PublishJobTest.fact(facts, measure, 2024, region, sex, value, "L-2024");
    }

    private static Path volume(String city) {
        return release.resolve("volumes").resolve(city).resolve("yearbook.xlsx");
    }

    private static Path summary() {
        return release.resolve("yearbook.xlsx");
    }

    /** The towns any sheet of a workbook names. */
    private static Set<String> townsNamedIn(Path workbook) throws Exception {
        Set<String> named = new java.util.TreeSet<>();
        for (Object c : cellsOf(workbook)) {
            if (!(c instanceof String s)) continue;
            TOWN_NAMES.values().stream().filter(s::contains).forEach(named::add);
        }
        return named;
    }

    private static List<Object> cellsOf(Path workbook) throws Exception {
        List<Object> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                for (org.apache.poi.ss.usermodel.Row r : s) {
                    for (Cell c : r) cells.add(c.getCellType() == CellType.NUMERIC ? (Object) c.getNumericCellValue() : c.toString());
                }
            }
        }
        return cells;
    }

    /**
     * The places' table of a workbook (分乡镇 in a city's volume, 分市 in the summary): by indicator's Chinese name,
     * each place's (Chinese name's) 2024 figure, a number or the withheld mark.
     */
    private static Map<String, Map<String, Object>> places(Path workbook) throws Exception {
        Map<String, Map<String, Object>> table = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                String heading = s.getRow(0) == null ? "" : s.getRow(0).getCell(0).toString();
                if (!heading.contains("分乡镇") && !heading.contains("分市")) continue;
                String indicator = null;
                for (org.apache.poi.ss.usermodel.Row r : s) {
                    if (r.getRowNum() < 2 || r.getCell(0) == null) continue;
                    String label = r.getCell(0).toString();
                    if (label.startsWith("注")) break;
                    if (!label.startsWith("  ")) {
                        indicator = label.split(" ")[0].split("（")[0];
                        continue;
                    }
                    Cell c = r.getCell(COL_2024);
                    Object shown = c == null ? null : c.getCellType() == CellType.NUMERIC ? (Object) c.getNumericCellValue() : c.toString();
                    table.computeIfAbsent(indicator, k -> new LinkedHashMap<>()).put(label.trim().split(" ")[0], shown);
                }
            }
        }
        return table;
    }
}
