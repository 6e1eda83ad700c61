package org.wcstat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `wcstat sql` through the command line, on a warehouse of hand-written rows: output formats, the
 * analyst's hidden namespaces, scripts with their line numbers, and the snapshot of a release's tag.
 */
class SqlCommandTest {
    @TempDir
    static Path home;

    /** What a run printed and returned. */
    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void handWrittenWarehouse() {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        Warehouse wh = new Warehouse(spark).ensureTables();
        // the sanitary-toilet coverage (%) of three towns and the district, 2023 and 2024
        spark.sql("INSERT INTO " + Warehouse.INDICATOR_VALUES + " VALUES "
                + "('W-EN-07', 2023, '510811', '_T', '_T', '_T', 1, 900, 1000, 90.0, NULL, NULL, ''),"
                + "('W-EN-07', 2023, '510811101', '_T', '_T', '_T', 1, 380, 400, 95.0, NULL, NULL, ''),"
                + "('W-EN-07', 2023, '510811108', '_T', '_T', '_T', 1, 280, 350, 80.0, NULL, NULL, ''),"
                + "('W-EN-07', 2023, '510811111', '_T', '_T', '_T', 1, 175, 250, 70.0, NULL, NULL, ''),"
                + "('W-EN-07', 2024, '510811101', '_T', '_T', '_T', 1, 384, 400, 96.0, NULL, NULL, ''),"
                + "('W-EN-07', 2024, '510811108', '_T', '_T', '_T', 1, 294, 350, 84.0, NULL, NULL, ''),"
                + "('W-EN-07', 2024, '510811111', '_T', '_T', '_T', 1, 195, 250, 78.0, NULL, NULL, 'small, \"n\"')");
        spark.sql("INSERT INTO " + Warehouse.QUARANTINE + " VALUES ('health', 'births', 2024, 'CERT_NO=ab12', 'mapping', 'sex 9 unknown', 'l1')");
        wh.create(spark.sql("SELECT 2024 AS year, 'ab12' AS cert_no_hash, 'L1' AS load_id"), Warehouse.rawTable("health", "births"), "year");
    }

    static Result sql(String... args) {
        return sql(home, args);
    }

    /** Runs wcstat sql --home home with these arguments, capturing what it prints. */
    static Result sql(Path home, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 3];
            all[0] = "sql";
            all[1] = "--home";
            all[2] = home.toString();
            System.arraycopy(args, 0, all, 3, args.length);
            int exit = Wcstat.commandLine().execute(all);
            return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static List<String> lines(String out) {
        return out.lines().sorted().toList();
    }

    static final String TOWN_GAP = "SELECT year, max(value) - min(value) AS gap, count(*) AS towns FROM indicators.value "
            + "WHERE indicator = 'W-EN-07' AND region <> '510811' GROUP BY year ORDER BY year";

    @Test
    void theGapBetweenTownsAsCsv() {
        // 2023: towns 95, 80, 70 -> 95 - 70 = 25; 2024: 96, 84, 78 -> 96 - 78 = 18
        Result r = sql("--format", "csv", "-e", TOWN_GAP);
        assertEquals(0, r.exit(), r.err());
        assertEquals("year,gap,towns\r\n2023,25,3\r\n2024,18,3\r\n", r.out());
    }

    @Test
    void jsonKeepsNumbersAndNullsAndCsvQuotesWhatNeedsIt() throws Exception {
        Result json = sql("--format", "json", "-e", "SELECT region, value, ci_low, flags FROM wh.indicators.value "
                + "WHERE indicator = 'W-EN-07' AND year = 2024 ORDER BY region");
        assertEquals(0, json.exit(), json.err());
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertEquals(3, rows.size());
        assertEquals("510811101", rows.get(0).get("region").asText());
        assertEquals(96.0, rows.get(0).get("value").asDouble());
        assertTrue(rows.get(0).get("value").isNumber());
        assertTrue(rows.get(0).get("ci_low").isNull());
        assertEquals("small, \"n\"", rows.get(2).get("flags").asText());

        Result csv = sql("--format", "csv", "-e", "SELECT flags FROM indicators.value WHERE region = '510811111' AND year = 2024");
        assertEquals("flags\r\n\"small, \"\"n\"\"\"\r\n", csv.out());
    }

    @Test
    void theTableAlignsColumnsAndRightAlignsNumbers() {
        Result r = sql("-e", "SELECT region, value FROM indicators.value WHERE year = 2024 AND region = '510811108'; "
                + "SELECT '昭化镇' AS town, 84.0 AS v");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                +-----------+-------+
                | region    | value |
                +-----------+-------+
                | 510811108 |    84 |
                +-----------+-------+
                (1 row)
                +--------+------+
                | town   | v    |
                +--------+------+
                | 昭化镇 | 84.0 |
                +--------+------+
                (1 row)
                """, r.out());
    }

    @Test
    void anAnalystDoesNotSeeRawOrQuarantineAndIsToldWhy() {
        Result raw = sql("-e", "SELECT * FROM raw.health_births");
        assertEquals(1, raw.exit());
        assertTrue(raw.err().contains("error: raw.health_births is not visible to analysts"), raw.err());
        assertTrue(raw.err().contains("--role bureau"), raw.err());
        assertFalse(raw.err().contains("\tat "), "no stack trace: " + raw.err());

        assertTrue(sql("-e", "SELECT count(*) FROM wh.quarantine.rejected").err().contains("quarantine.rejected is not visible"));
        assertTrue(sql("-e", "SELECT * FROM wh.raw.health_births.snapshots").err().contains("is not visible to analysts"));
        assertTrue(sql("-e", "SHOW TABLES IN raw").err().contains("raw.* is not visible to analysts"));
        // a procedure is refused before it is looked up: the analyst role runs reading statements only
        assertTrue(sql("-e", "CALL wh.system.expire_snapshots(table => 'raw.health_births')").err().contains("refused, nothing was run: CALL"));
        Path files = home.resolve("warehouse/raw/health_births/data");
        Result byPath = sql("-e", "SELECT * FROM parquet.`" + files + "`");
        assertEquals(1, byPath.exit());

        assertEquals(List.of("facts", "indicators", "meta", "namespace"), lines(sql("--format", "csv", "-e", "SHOW NAMESPACES").out()));
    }

    @Test
    void theBureauSeesEveryTable() {
        Result r = sql("--role", "bureau", "--format", "csv", "-e",
                "SELECT cert_no_hash FROM raw.health_births; SELECT reason FROM quarantine.rejected");
        assertEquals(0, r.exit(), r.err());
        assertEquals("cert_no_hash\r\nab12\r\nreason\r\nsex 9 unknown\r\n", r.out());
        assertEquals(List.of("facts", "indicators", "meta", "namespace", "quarantine", "raw"),
                lines(sql("--role", "bureau", "--format", "csv", "-e", "SHOW NAMESPACES").out()));
    }

    @Test
    void aScriptStopsAtItsFirstErrorAndNamesItsLine() throws Exception {
        Path script = Files.writeString(home.resolve("gap.sql"), """
                -- the gap between towns; a semicolon in a string; is no end
                SELECT 'a;b' AS s;

                /* the second statement
                   has a typo */
                SELEC 1;
                SELECT 2;
                """);
        Result r = sql("--format", "csv", "-f", script.toString());
        assertEquals(1, r.exit());
        assertEquals("s\r\na;b\r\n", r.out());
        assertTrue(r.err().startsWith(script + ":6: error: "), r.err());
        assertTrue(r.err().contains("PARSE_SYNTAX_ERROR"), r.err());
    }

    @Test
    void asOfReleaseReadsTheTaggedSnapshotAndNamesATableTheReleaseDidNotRead() {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        spark.sql("CREATE TABLE wh.indicators.release_probe (v INT) USING iceberg");
        spark.sql("INSERT INTO wh.indicators.release_probe VALUES (1)");
        spark.sql("ALTER TABLE wh.indicators.release_probe CREATE TAG `release-2024`");
        // corrected after publication: the tagged snapshot keeps what the yearbook printed
        spark.sql("INSERT OVERWRITE wh.indicators.release_probe VALUES (2)");

        assertEquals("v\r\n2\r\n", sql("--format", "csv", "-e", "SELECT v FROM indicators.release_probe").out());
        Result released = sql("--format", "csv", "--as-of-release", "2024", "-e", "SELECT v FROM indicators.release_probe");
        assertEquals(0, released.exit(), released.err());
        assertEquals("v\r\n1\r\n", released.out());

        Result travel = sql("--as-of-release", "2024", "-e", "SELECT v FROM indicators.release_probe VERSION AS OF 'release-2024'");
        assertTrue(travel.err().contains("already fixes every table's snapshot"), travel.err());

        Result untagged = sql("--as-of-release", "2024", "-e", "SELECT * FROM meta.load");
        assertEquals(1, untagged.exit());
        assertTrue(untagged.err().contains("meta.load has no tag release-2024: the 2024 yearbook was not published from it"), untagged.err());
        spark.sql("DROP TABLE wh.indicators.release_probe");
    }

    @Test
    void aWrongFormatOrRoleOrHomeIsAUsageError() {
        assertEquals(2, sql("--format", "xml", "-e", "SELECT 1").exit());
        assertTrue(sql("--role", "admin", "-e", "SELECT 1").err().contains("no role 'admin'; use analyst or bureau"));
        // a home without a warehouse: a configuration error, not an empty warehouse made on the spot
        assertEquals(2, Wcstat.commandLine().execute("sql", "--home", home.resolve("nowhere").toString(), "-e", "SELECT 1"));
        assertFalse(Files.exists(home.resolve("nowhere/warehouse")));
    }
}
