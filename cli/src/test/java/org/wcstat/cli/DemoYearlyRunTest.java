package org.wcstat.cli;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `wcstat demo` then `wcstat run --year 2024` twice, through the command line: the second run must
 * leave every table as the first did, and the indicators must match the demo databases' own counts.
 */
class DemoYearlyRunTest {
    @TempDir
    static Path home;
    static Map<String, Long> afterFirstRun;
    static SparkSession spark;

    @BeforeAll
    static void demoAndRunTwice() {
        assertEquals(0, Wcstat.commandLine().execute("demo", "--home", home.toString()));
        assertEquals(0, Wcstat.commandLine().execute("run", "--year", "2024", "--home", home.toString()));
        spark = Spark.session(Spark.localWarehouse(home));
        afterFirstRun = rowCounts();
        assertEquals(0, Wcstat.commandLine().execute("run", "--year", "2024", "--home", home.toString()));
    }

    @Test
    void aSecondRunOfTheYearLeavesEveryTableAsItWas() {
        Map<String, Long> again = rowCounts();
        assertEquals(afterFirstRun, again);
        // the audit grows: one row per extract and run (2 runs x 39 extracts)
        long loads = spark.sql("SELECT count(*) FROM " + Warehouse.LOADS).first().getLong(0);
        assertEquals(78, loads);
        assertTrue(afterFirstRun.get(Warehouse.FACTS) > 0);
    }

    @Test
    void indicatorsMatchTheDepartmentsOwnCounts() throws Exception {
        Path dir = home.resolve("departments");
        long boys = count(dir, "health", "SELECT count(*) FROM BIRTH_REGISTER WHERE YEAR(BIRTH_DATE) = 2024 AND BABY_SEX = '1'");
        long girls = count(dir, "health", "SELECT count(*) FROM BIRTH_REGISTER WHERE YEAR(BIRTH_DATE) = 2024 AND BABY_SEX = '2'");
        long infantDeaths = count(dir, "health", "SELECT sum(CNT) FROM MCH_DEATH_REPORT WHERE REPORT_YEAR = 2024 AND ITEM = 'INF_DEATH'");
        long women = count(dir, "civil_affairs", "SELECT count(*) FROM VC_MEMBER WHERE STAT_YEAR = 2024 AND GENDER = '女'");
        long members = count(dir, "civil_affairs", "SELECT count(*) FROM VC_MEMBER WHERE STAT_YEAR = 2024");
        assertEquals(100.0 * boys / girls, districtValue("C-F-08"), 1e-9);
        assertEquals(1000.0 * infantDeaths / (boys + girls), districtValue("C-H-03b"), 1e-9);
        assertEquals(100.0 * women / members, districtValue("W-D-07"), 1e-9);
        // plausible magnitudes for a district of ~130,000: ~900 births, sex ratio within 95-125
        assertTrue(boys + girls > 700 && boys + girls < 1200, "births " + (boys + girls));
    }

    @Test
    void theReleaseHoldsTheYearbook() {
        assertTrue(Files.isRegularFile(home.resolve("releases/2024/yearbook.xlsx")));
    }

    private static double districtValue(String indicator) {
        return spark.sql("SELECT value FROM " + Warehouse.INDICATOR_VALUES + " WHERE indicator = '" + indicator
                + "' AND year = 2024 AND region = '510811' AND sex = '_T' AND age_band = '_T' AND residence = '_T'").first().getDouble(0);
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

    private static long count(Path dir, String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(db) + ";ACCESS_MODE_DATA=r", "sa", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
