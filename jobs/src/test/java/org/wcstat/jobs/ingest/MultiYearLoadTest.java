package org.wcstat.jobs.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.validate.ValidationReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A load of several years leaves what loads of each year, one after the other, leave: the same facts,
 * quarantined rows, raw rows, meta.load records and validation reports, load ids and times apart. Two
 * departments read the same database: one is loaded year by year, the other in one load of 2019-2023.
 *
 * <p>The births of 卫子镇 (510811101) by year: 10, 12, 11, 40, 30 in 2019-2023, checked against their own
 * history with a modified z-score, threshold 8, at least 3 earlier years, and held back when beyond:
 * <ul>
 *   <li>2019-2021 have fewer than 3 earlier years: not checked.</li>
 *   <li>2022: 40 among [10, 12, 11, 40]: median 11.5, deviations 1.5, 0.5, 0.5, 28.5, MAD 1.0,
 *       z = 0.6745 × 28.5 / 1.0 = 19.2 &gt; 8: the 40 births are quarantined.</li>
 *   <li>2023: the history is 2019-2021 only, 2022 having been held back: 30 among [10, 12, 11, 30]:
 *       median 11.5, MAD 1.0, z = 0.6745 × 18.5 = 12.5 &gt; 8: quarantined. Had 2022's 40 counted as
 *       history, [10, 12, 11, 40, 30] would give median 12, deviations 2, 0, 1, 28, 18, MAD 2,
 *       z = 0.6745 × 18 / 2 = 6.1, and 2023 would have loaded.</li>
 * </ul>
 * Besides: a certificate number that appears in 2020 and again in 2021 is no duplicate (the unique rule
 * holds within a year); two births of 2021 in 昭化镇 sharing one number are; a 2020 birth of sex X does
 * not map; a 2018 birth is outside the years and never read.
 *
 * <p>A third department reads the same database as a province's load does, its rows read again for the raw
 * table rather than kept until the commit, and leaves the same again; a fourth, whose query gives one row more
 * at each reading, is not loaded at all.
 */
class MultiYearLoadTest {
    static final List<Integer> YEARS = List.of(2019, 2020, 2021, 2022, 2023);
    static final String ONE_BY_ONE = "yearly_pg";
    static final String TOGETHER = "batch_pg";
    static final String READ_AGAIN = "again_pg";
    static final String CHANGING = "changing_pg";

    @TempDir
    static Path dir;
    static TestDatabases.Postgres pg;
    static JobContext ctx;

    @BeforeAll
    static void databases() throws Exception {
        pg = new TestDatabases.Postgres();
        pg.exec("CREATE TABLE reg (id SERIAL, born DATE, town CHAR(9), sex CHAR(1), cert VARCHAR(12))",
                // 卫子镇: n births in year y, boys for even i, girls for odd
                "INSERT INTO reg (born, town, sex, cert) SELECT make_date(y, 1 + i % 12, 1 + i % 28), '510811101',"
                        + " CASE WHEN i % 2 = 0 THEN '1' ELSE '2' END, 'C' || y || '-' || i"
                        + " FROM (VALUES (2019, 10), (2020, 12), (2021, 11), (2022, 40), (2023, 30)) v(y, n), generate_series(1, n) i",
                "UPDATE reg SET cert = 'SAME' WHERE cert IN ('C2020-1', 'C2021-1')",
                "CREATE SEQUENCE readings",
                "CREATE TABLE grows AS SELECT * FROM reg WHERE false",
                "INSERT INTO grows (id, born, town, sex, cert) SELECT i, DATE '2019-03-01', '510811101', '1', 'G' || i FROM generate_series(1, 10) i",
                "INSERT INTO reg (born, town, sex, cert) VALUES"
                        + " (DATE '2018-06-01', '510811101', '1', 'OLD'),"
                        + " (DATE '2019-06-01', '510811108', '1', 'Z2019'),"
                        + " (DATE '2020-06-01', '510811101', 'X', 'X2020'),"
                        + " (DATE '2021-06-01', '510811108', '1', 'D1'),"
                        + " (DATE '2021-07-01', '510811108', '2', 'D1'),"
                        + " (DATE '2023-06-01', '510811108', '1', 'Z2023')");
        String source = """
                department: %s
                name_zh: 卫生
                name_en: Health
                jdbc:
                  url: "%s"
                  driver: org.postgresql.Driver
                  user: {env: IT_PG_USER}
                extracts:
                  - name: births
                    table: reg
                    key: [cert]
                    year: {date: born}
                    measure: live_births
                    region: {code: town}
                    sex: {column: sex, codes: {"1": M, "2": F}}
                    raw:
                      keep: [id, born, town, sex]
                      hash: [cert]
                """;
        // each reading of the query takes the next number, and one row more than the reading before
        String changing = source.formatted(CHANGING, pg.url()).replace("table: reg",
                "query: \"SELECT * FROM grows WHERE id <= (SELECT 2 + nextval('readings'))\"");
        Path conf = ItWarehouse.conf(dir, Map.of(ONE_BY_ONE, source.formatted(ONE_BY_ONE, pg.url()),
                TOGETHER, source.formatted(TOGETHER, pg.url()), READ_AGAIN, source.formatted(READ_AGAIN, pg.url()), CHANGING, changing));
        Files.createDirectories(conf.resolve("validation"));
        String rules = """
                department: %s
                rules:
                  - id: certificate_unique
                    kind: structural
                    extract: births
                    check: unique
                    importance: high
                    action: quarantine
                  - id: births_against_history
                    kind: statistical
                    check: modified_z
                    measure: live_births
                    by: [region]
                    threshold: 8
                    min_history: 3
                    importance: medium
                    action: quarantine
                """;
        for (String d : List.of(ONE_BY_ONE, TOGETHER, READ_AGAIN)) {
            Files.writeString(conf.resolve("validation").resolve(d + ".yaml"), rules.formatted(d));
        }
        ctx = ItWarehouse.context(conf, Progress.SILENT, Map.of("IT_PG_USER", "postgres"));
    }

    @AfterAll
    static void drop() throws Exception {
        try (var db = pg) {
            // closing drops it
        }
    }

    @Test
    void severalYearsLoadAsEachYearAloneAndAgainTheSame() throws Exception {
        IngestJob job = new IngestJob(10);
        for (int year : YEARS) {
            job.run(ctx, year, Optional.of(ONE_BY_ONE));
        }
        String summary = job.run(ctx, YEARS, Optional.of(TOGETHER));
        assertEquals("ingested 1 of 1 department(s) for 2019-2023: 108 rows read, 73 quarantined", summary);

        State together = State.of(TOGETHER);
        // as the class comment works out: 2022 and 2023 of 卫子镇 held back, so 2022 has no facts at all
        assertEquals(List.of(
                "live_births 2019 510811101 F _T _T 5 births", "live_births 2019 510811101 M _T _T 5 births",
                "live_births 2019 510811108 M _T _T 1 births",
                "live_births 2020 510811101 F _T _T 6 births", "live_births 2020 510811101 M _T _T 6 births",
                "live_births 2021 510811101 F _T _T 6 births", "live_births 2021 510811101 M _T _T 5 births",
                "live_births 2023 510811108 M _T _T 1 births"), together.facts());
        assertEquals(List.of("2020 mapping 1", "2021 certificate_unique 2", "2022 births_against_history 40",
                "2023 births_against_history 30"), ItWarehouse.strings("SELECT year, rule, count(*) FROM " + Warehouse.QUARANTINE
                + " WHERE source = '" + TOGETHER + "' GROUP BY year, rule"));
        // rows read: 10 + 1 in 2019, 12 + 1 in 2020, 11 + 2 in 2021, 40 in 2022, 30 + 1 in 2023
        assertEquals(List.of("births 2019 11 11 0 3 ok", "births 2020 13 12 1 2 ok", "births 2021 13 11 2 2 ok",
                "births 2022 40 0 40 0 ok", "births 2023 31 1 30 1 ok"), together.loads());

        State oneByOne = State.of(ONE_BY_ONE);
        assertEquals(oneByOne, together);
        for (int year : YEARS) {
            assertEquals(report(ONE_BY_ONE, year), report(TOGETHER, year), "the validation reports of " + year + " differ");
        }
        List<String> ids = ItWarehouse.strings("SELECT year, load_id FROM " + Warehouse.LOADS + " WHERE source = '" + TOGETHER + "'");
        assertEquals(YEARS.size(), ids.size(), "one load id per year: " + ids);
        assertEquals(ids, loadIds(TOGETHER));

        // and again: the same rows, under new ids, the first load's gone
        job.run(ctx, YEARS, Optional.of(TOGETHER));
        State again = State.of(TOGETHER);
        assertEquals(together, again);
        List<String> newIds = ItWarehouse.strings("SELECT year, load_id FROM " + Warehouse.LOADS + " WHERE source = '" + TOGETHER
                + "' AND load_id NOT IN (" + String.join(", ", ids.stream().map(i -> "'" + i.split(" ")[1] + "'").toList()) + ")");
        assertEquals(YEARS.size(), newIds.size());
        assertEquals(newIds, loadIds(TOGETHER), "rows of the first load are left");
    }

    @Test
    void rowsReadAgainForTheRawTableLeaveWhatKeptRowsLeave() throws Exception {
        new IngestJob(10).run(ctx, YEARS, Optional.of(TOGETHER));
        new SourceLoad(ctx, ctx.config().source(READ_AGAIN), YEARS, null, false).run();
        assertEquals(State.of(TOGETHER), State.of(READ_AGAIN));
        for (int year : YEARS) {
            assertEquals(report(TOGETHER, year), report(READ_AGAIN, year), "the validation reports of " + year + " differ");
        }
    }

    @Test
    void aSourceThatChangesBetweenItsTwoReadingsIsNotLoaded() {
        IngestJob.SourceUnavailableException e = assertThrows(IngestJob.SourceUnavailableException.class,
                () -> new SourceLoad(ctx, ctx.config().source(CHANGING), List.of(2019), null, false).run());
        assertTrue(e.getMessage().startsWith(CHANGING + " · births changed while it was loaded: "), e.getMessage());
        assertTrue(e.getMessage().contains("nothing of the load was written"), e.getMessage());
        assertEquals(List.of("0"), ItWarehouse.strings("SELECT count(*) FROM " + Warehouse.FACTS + " WHERE source = '" + CHANGING + "'"));
        assertEquals(List.of("0"), ItWarehouse.strings("SELECT count(*) FROM wh.raw." + CHANGING + "_births"));
        assertEquals(List.of("main"), ItWarehouse.strings("SELECT name FROM wh.raw." + CHANGING + "_births.refs"), "the load's branch is left");
        assertFalse(Files.exists(LoadCommit.pending(ctx.home(), CHANGING, 2019)), "the load's marker is left");
    }

    /** The report's lines, sorted: the order of a year's flagged rows follows Spark's partitions, not the rows. */
    private static List<String> report(String department, int year) throws Exception {
        return Files.readString(ValidationReport.csv(ctx.home(), year, department)).replace(department, "D").lines().sorted().toList();
    }

    /** The (year, load id) pairs the department's facts, quarantined and raw rows carry. */
    private static List<String> loadIds(String source) {
        return ItWarehouse.strings("SELECT year, load_id FROM " + Warehouse.FACTS + " WHERE source = '" + source + "'"
                + " UNION SELECT year, load_id FROM " + Warehouse.QUARANTINE + " WHERE source = '" + source + "'"
                + " UNION SELECT wc_year, load_id FROM wh.raw." + source + "_births");
    }

    /** A department's rows in the warehouse, without load ids and times. */
    record State(List<String> facts, List<String> quarantine, List<String> raw, List<String> loads) {
        static State of(String source) {
            return new State(
                    ItWarehouse.strings("SELECT measure, year, region, sex, age_band, residence, value, extract FROM " + Warehouse.FACTS
                            + " WHERE source = '" + source + "'"),
                    ItWarehouse.strings("SELECT extract, year, row_key, rule, reason FROM " + Warehouse.QUARANTINE
                            + " WHERE source = '" + source + "'"),
                    ItWarehouse.strings("SELECT id, born, town, sex, cert, wc_year FROM wh.raw." + source + "_births"),
                    ItWarehouse.strings("SELECT extract, year, rows_read, rows_written, rows_quarantined, facts_rows, status FROM "
                            + Warehouse.LOADS + " WHERE source = '" + source + "' AND status = 'ok'"
                            + " AND load_id IN (SELECT load_id FROM " + Warehouse.FACTS + " UNION SELECT load_id FROM "
                            + Warehouse.QUARANTINE + ")"));
        }
    }
}
