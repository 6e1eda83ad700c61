package org.wcstat.cli;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `wcstat demo`, `wcstat run --year 2024`, then `wcstat run --year 2025` twice, through the command line:
 * the second run must leave every table as the first did, every indicator of the catalog must have a
 * value, the indicators must match the demo databases' own counts, and the assessment must warn in
 * sentences that name what they are about.
 */
class DemoYearlyRunTest {
    @TempDir
    static Path home;
    static Map<String, Long> afterFirstRun;
    static Map<String, List<String>> assessedAfterFirstRun;
    static SparkSession spark;

    @BeforeAll
    static void demoAndRunTwice() {
        assertEquals(0, Wcstat.commandLine().execute("demo", "--home", home.toString()));
        // a year before gives the assessment a change to judge, and the yearly changes their year before
        assertEquals(0, Wcstat.commandLine().execute("run", "--year", "2024", "--home", home.toString()));
        assertEquals(0, Wcstat.commandLine().execute("run", "--year", "2025", "--home", home.toString()));
        spark = Spark.session(Spark.localWarehouse(home));
        afterFirstRun = rowCounts();
        assessedAfterFirstRun = assessmentRows();
        assertEquals(0, Wcstat.commandLine().execute("run", "--year", "2025", "--home", home.toString()));
    }

    @Test
    void aSecondRunOfTheYearLeavesEveryTableAsItWas() {
        Map<String, Long> again = rowCounts();
        assertEquals(afterFirstRun, again);
        assertEquals(assessedAfterFirstRun, assessmentRows());
        // the audit grows: one row per extract and run (3 runs x every extract of conf/sources)
        long extracts = Configuration.load(TestRepo.demoConf()).sources().stream().mapToLong(s -> s.extracts().size()).sum();
        long loads = spark.sql("SELECT count(*) FROM " + Warehouse.LOADS).first().getLong(0);
        assertEquals(3 * extracts, loads);
        assertTrue(afterFirstRun.get(Warehouse.FACTS) > 0);
    }

    @Test
    void indicatorsMatchTheDepartmentsOwnCounts() throws Exception {
        Path dir = home.resolve("departments");
        long boys = count(dir, "health", "SELECT count(*) FROM BIRTH_REGISTER WHERE YEAR(BIRTH_DATE) = 2025 AND BABY_SEX = '1'");
        long girls = count(dir, "health", "SELECT count(*) FROM BIRTH_REGISTER WHERE YEAR(BIRTH_DATE) = 2025 AND BABY_SEX = '2'");
        long infantDeaths = count(dir, "health", "SELECT sum(CNT) FROM MCH_DEATH_REPORT WHERE REPORT_YEAR = 2025 AND ITEM = 'INF_DEATH'");
        // births of sex 9 (未说明) are births: they count in infant mortality's denominator, in neither sex
        long births = count(dir, "health", "SELECT count(*) FROM BIRTH_REGISTER WHERE YEAR(BIRTH_DATE) = 2025");
        long women = count(dir, "civil_affairs", "SELECT count(*) FROM VC_MEMBER WHERE STAT_YEAR = 2025 AND GENDER = '女'");
        long members = count(dir, "civil_affairs", "SELECT count(*) FROM VC_MEMBER WHERE STAT_YEAR = 2025");
        assertEquals(100.0 * boys / girls, districtValue("C-F-08"), 1e-9);
        assertEquals(1000.0 * infantDeaths / births, districtValue("C-H-03b"), 1e-9);
        assertTrue(births > boys + girls, "the demo has births of unknown sex: " + births + " against " + (boys + girls));
        assertEquals(100.0 * women / members, districtValue("W-D-07"), 1e-9);
        // plausible magnitudes for a district of ~130,000: ~900 births, sex ratio within 95-125
        assertTrue(boys + girls > 700 && boys + girls < 1200, "births " + (boys + girls));
    }

    @Test
    void everyIndicatorOfBothOutlinesHasADistrictTotal() {
        Configuration config = Configuration.load(TestRepo.demoConf());
        Map<String, Row> totals = districtTotals();
        List<String> empty = new ArrayList<>();
        for (Catalog.Entry e : config.catalog().entries()) {
            Row r = totals.get(e.code());
            if (r == null || r.isNullAt(r.fieldIndex("value"))) empty.add(e.code());
        }
        assertEquals(List.of(), empty, "indicators without a 2025 district total");
        assertTrue(config.catalog().entries().size() >= 150, "only " + config.catalog().entries().size() + " indicators");
    }

    @Test
    void sharesOfAPopulationStayWithinZeroAndAHundred() {
        Configuration config = Configuration.load(TestRepo.demoConf());
        // a share is a part of its denominator; only ratios of two registers (the gross enrolment ratio,
        // and the cohort retention rate, maternity insurance over urban-unit employees, managed mothers over
        // live births) may pass 100
        Set<String> mayPassAHundred = Set.of("W-E-05", "W-S-02", "W-H-M4", "C-E-02", "C-E-03", "C-E-04");
        List<String> outside = new ArrayList<>();
        districtTotals().forEach((code, r) -> {
            Catalog.Entry e = config.catalog().get(code);
            if (!e.indicator().unit().equals("%") || e.formula().minus() != null || mayPassAHundred.contains(code)) return;
            double v = r.getDouble(r.fieldIndex("value"));
            if (v < 0 || v > 100) outside.add(code + " = " + v);
        });
        assertEquals(List.of(), outside);
    }

    private static Map<String, Row> districtTotals() {
        Map<String, Row> m = new HashMap<>();
        spark.sql("SELECT indicator, value FROM " + Warehouse.INDICATOR_VALUES + " WHERE year = 2025 AND region = '510811'"
                        + " AND sex = '_T' AND age_band = '_T' AND residence = '_T'")
                .collectAsList().forEach(r -> m.put(r.getString(0), r));
        return m;
    }

    @Test
    void theReleaseHoldsTheYearbook() {
        assertTrue(Files.isRegularFile(home.resolve("releases/2025/yearbook.xlsx")));
    }

    @Test
    void warningsNameTheIndicatorTheBreakdownAndTheNumbers() {
        Configuration config = Configuration.load(TestRepo.demoConf());
        List<Row> warnings = spark.sql("SELECT indicator, region, sex, age_band, residence, kind, severity, reason FROM "
                + Warehouse.WARNINGS + " WHERE assessed_year = 2025").collectAsList();
        assertFalse(warnings.isEmpty(), "no warning after the demo's 2024 and 2025");
        for (Row w : warnings) {
            Indicator ind = config.catalog().get(w.getString(0)).indicator();
            String reason = w.getString(7);
            assertTrue(reason.startsWith(ind.code() + " " + ind.nameZh() + " ("), reason);
            String breakdown = reason.substring(reason.indexOf('(') + 1, reason.indexOf("): "));
            String region = w.getString(1);
            String place = region.equals(config.regions().district().code()) ? config.regions().district().nameZh()
                    : config.regions().town(region).orElseThrow().nameZh();
            assertTrue(breakdown.startsWith(place), reason);
            if (!w.getString(2).equals("_T")) assertTrue(breakdown.endsWith(w.getString(2).equals("F") ? "女" : "男"), reason);
            if (!w.getString(4).equals("_T")) assertTrue(breakdown.endsWith(w.getString(4).equals("U") ? "城镇" : "乡村"), reason);
            if (!w.getString(3).equals("_T")) assertTrue(breakdown.contains(w.getString(3).replace("+", "")), reason);
            // the numbers behind it, after the names
            assertTrue(reason.substring(reason.indexOf("): ")).matches(".*\\d.*"), reason);
            assertTrue(List.of("high", "medium", "low").contains(w.getString(6)), reason);
        }
        // every indicator with a target has a district row for the year
        long targets = config.catalog().entries().stream().filter(e -> e.target() != null).count();
        assertEquals(targets, spark.sql("SELECT count(*) FROM " + Warehouse.ASSESSMENT + " WHERE assessed_year = 2025"
                + " AND region = '510811' AND sex = '_T' AND age_band = '_T' AND residence = '_T'").first().getLong(0));
    }

    @Test
    void assessPrintsEachPlansProgressAndTheWarnings() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Wcstat.commandLine().execute("assess", "--year", "2024", "--home", home.toString());
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        long warnings = spark.sql("SELECT count(*) FROM " + Warehouse.WARNINGS + " WHERE assessed_year = 2024").first().getLong(0);
        assertTrue(text.contains("; " + warnings + " warning(s) ("), text);
        assertTrue(text.contains("\n    children: ") && text.contains("\n    women: "), text);
    }

    private static double districtValue(String indicator) {
        return spark.sql("SELECT value FROM " + Warehouse.INDICATOR_VALUES + " WHERE indicator = '" + indicator
                + "' AND year = 2025 AND region = '510811' AND sex = '_T' AND age_band = '_T' AND residence = '_T'").first().getDouble(0);
    }

    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Row> tables = spark.sql("SHOW TABLES IN wh.raw").collectAsList();
        for (Row t : tables) {
            counts.put("wh.raw." + t.getString(1), spark.table("wh.raw." + t.getString(1)).count());
        }
        for (String t : List.of(Warehouse.FACTS, Warehouse.QUARANTINE, Warehouse.INDICATOR_VALUES)) {
            counts.put(t, spark.table(t).count());
        }

        return counts;
    }

    /** The assessment's tables, row by row. */
    private static Map<String, List<String>> assessmentRows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String t : List.of(Warehouse.SERIES, Warehouse.ASSESSMENT, Warehouse.WARNINGS, Warehouse.EVALUATION)) {
            rows.put(t, spark.table(t).collectAsList().stream().map(Row::toString).sorted().toList());
        }
        return rows;
    }

    private static long count(Path dir, String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(db) + ";ACCESS_MODE_DATA=r", "sa", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
