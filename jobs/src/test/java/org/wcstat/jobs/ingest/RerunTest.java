package org.wcstat.jobs.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Loading is idempotent per (year, source): a second load of a year leaves the same rows, and a load
 * of another year or another source leaves the first (year, source) alone, down to its load ids.
 */
class RerunTest {
    @TempDir
    static Path dir;
    static TestDatabases.Postgres pg;
    static JobContext ctx;

    @BeforeAll
    static void databases() throws Exception {
        pg = new TestDatabases.Postgres();
        pg.exec("CREATE TABLE reg (id INT, born DATE, town CHAR(9), sex CHAR(1), cert VARCHAR(10))",
                "INSERT INTO reg VALUES (1, DATE '2024-02-01', '510811101', '1', 'A1')", // 2024 卫子镇 M
                "INSERT INTO reg VALUES (2, DATE '2024-05-01', '510811101', '2', 'A2')", // 2024 卫子镇 F
                "INSERT INTO reg VALUES (3, DATE '2024-07-01', '510811108', '1', 'A3')", // 2024 昭化镇 M
                "INSERT INTO reg VALUES (4, DATE '2024-09-09', '510811108', 'X', 'A4')", // 2024, sex X: quarantined
                "INSERT INTO reg VALUES (5, DATE '2023-03-03', '510811101', '1', 'A5')", // 2023 卫子镇 M
                "INSERT INTO reg VALUES (6, DATE '2023-04-04', '510811101', '1', 'A6')"); // 2023 卫子镇 M
        try (Connection c = DriverManager.getConnection(h2Url(), "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE HH (Y INT, TOWN VARCHAR(10), CNT INT)");
            s.execute("INSERT INTO HH VALUES (2024, '卫子镇', 5), (2024, '昭化镇', 7), (2023, '卫子镇', 3)");
        }
        Path conf = ItWarehouse.conf(dir, Map.of(
                "rerun_pg", """
                        department: rerun_pg
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
                        """.formatted(pg.url()),
                "rerun_h2", ItWarehouse.h2Source("rerun_h2", "民政", "Civil Affairs", h2Url(), """
                          - name: households
                            table: HH
                            year: {column: Y}
                            measure: households
                            region: {name: TOWN}
                            value: {column: CNT}
                            raw:
                              keep: [Y, TOWN, CNT]
                        """)));
        ctx = ItWarehouse.context(conf, Progress.SILENT, Map.of("IT_PG_USER", "postgres", "IT_H2_USER", "sa", "IT_H2_PASSWORD", ""));
    }

    @AfterAll
    static void drop() throws Exception {
        try (var db = pg) {
            // closing drops it; null when the server was not there
        }
    }

    @Test
    void aYearLoadsTheSameTwiceAndOtherLoadsLeaveItAlone() {
        IngestJob job = new IngestJob(10);
        job.run(ctx, 2024, Optional.empty());
        State first = State.of(2024);
        // 2024: 卫子镇 one boy and one girl, 昭化镇 one boy; birth 4 quarantined. Households 卫子镇 5, 昭化镇 7.
        assertEquals(List.of(
                "live_births 510811101 F _T _T 1",
                "live_births 510811101 M _T _T 1",
                "live_births 510811108 M _T _T 1"), first.pgFacts);
        assertEquals(List.of("households 510811101 _T _T _T 5", "households 510811108 _T _T _T 7"), first.h2Facts);
        assertEquals(4, first.pgRaw.size());
        assertEquals(2, first.h2Raw.size());
        assertEquals(List.of("rerun_pg births sex code 'X' in sex is not in the extract's codes"), first.quarantine);

        job.run(ctx, 2024, Optional.empty());
        State again = State.of(2024);
        assertEquals(first.withoutLoadIds(), again.withoutLoadIds());
        // written anew, not skipped: the rows carry the second load's id
        assertNotEquals(first.pgLoadIds, again.pgLoadIds);
        assertNotEquals(first.h2LoadIds, again.h2LoadIds);

        job.run(ctx, 2023, Optional.empty());
        // 2023: two boys in 卫子镇; 3 households in 卫子镇
        assertEquals(List.of("live_births 510811101 M _T _T 2"), ItWarehouse.facts("rerun_pg", 2023));
        assertEquals(List.of("households 510811101 _T _T _T 3"), ItWarehouse.facts("rerun_h2", 2023));
        assertEquals(again, State.of(2024), "loading 2023 changed 2024");

        job.run(ctx, 2024, Optional.of("rerun_h2"));
        State afterOther = State.of(2024);
        assertEquals(again.pgFacts, afterOther.pgFacts);
        assertEquals(again.pgLoadIds, afterOther.pgLoadIds, "loading rerun_h2 rewrote rerun_pg's facts");
        assertEquals(again.pgRaw, afterOther.pgRaw);
        assertEquals(again.quarantine, afterOther.quarantine);
        assertNotEquals(again.h2LoadIds, afterOther.h2LoadIds);
        // and 2023 is still there
        assertEquals(List.of("live_births 510811101 M _T _T 2"), ItWarehouse.facts("rerun_pg", 2023));
        assertEquals(List.of("households 510811101 _T _T _T 3"), ItWarehouse.facts("rerun_h2", 2023));
    }

    /** What a load of one year leaves in the warehouse, load ids apart so loads can be compared. */
    record State(List<String> pgFacts, List<String> h2Facts, List<String> pgRaw, List<String> h2Raw, List<String> quarantine,
                 List<String> pgLoadIds, List<String> h2LoadIds, List<String> rawLoadIds) {
        static State of(int year) {
            return new State(ItWarehouse.facts("rerun_pg", year), ItWarehouse.facts("rerun_h2", year),
                    ItWarehouse.strings("SELECT id, born, town, sex, cert, wc_year FROM wh.raw.rerun_pg_births WHERE wc_year = " + year),
                    ItWarehouse.strings("SELECT Y, TOWN, CNT, wc_year FROM wh.raw.rerun_h2_households WHERE wc_year = " + year),
                    ItWarehouse.strings("SELECT source, extract, reason FROM " + Warehouse.QUARANTINE
                            + " WHERE source LIKE 'rerun%' AND year = " + year),
                    loadIds(Warehouse.FACTS + " WHERE source = 'rerun_pg' AND year = " + year),
                    loadIds(Warehouse.FACTS + " WHERE source = 'rerun_h2' AND year = " + year),
                    loadIds("wh.raw.rerun_pg_births WHERE wc_year = " + year));
        }

        List<List<String>> withoutLoadIds() {
            return List.of(pgFacts, h2Facts, pgRaw, h2Raw, quarantine);
        }

        private static List<String> loadIds(String from) {
            return ItWarehouse.strings("SELECT DISTINCT load_id FROM " + from);
        }
    }

    private static String h2Url() {
        return "jdbc:h2:file:" + dir.resolve("civil").toAbsolutePath();
    }
}
