package org.wcstat.cli;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `wcstat maintain` through the command line, then `wcstat sql --as-of-release` on what it left: a value
 * published, tagged as a release does, then corrected ten times.
 */
class MaintainCommandTest {
    @TempDir
    Path home;

    record Result(int exit, String out, String err) {
    }

    Result wcstat(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Wcstat.commandLine().execute(args);
            return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void maintenanceKeepsTheReleaseAnAnalystQueries() {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        new Warehouse(spark).ensureTables();
        spark.sql("INSERT INTO " + Warehouse.INDICATOR_VALUES + " VALUES ('W-EN-07', 2024, '510811', '_T', '_T', '_T', 1, 900, 1000, 90.0, NULL, NULL, '')");
        spark.sql("ALTER TABLE " + Warehouse.INDICATOR_VALUES + " CREATE TAG `release-2024`");
        for (int i = 1; i <= 10; i++) {
            spark.sql("INSERT OVERWRITE " + Warehouse.INDICATOR_VALUES + " VALUES ('W-EN-07', 2024, '510811', '_T', '_T', '_T', 1, "
                    + (900 + i) + ", 1000, " + (90 + i / 10.0) + ", NULL, NULL, '')");
        }

        Result maintained = wcstat("maintain", "--home", home.toString(), "--conf", TestRepo.demoConf().toString(), "--older-than", "0");
        assertEquals(0, maintained.exit(), maintained.err());
        // 11 snapshots: the tagged insert and 10 corrections; kept: the last 5 and the tagged one
        assertTrue(maintained.out().contains("indicators.value: snapshots 11 → 6,"), maintained.out());
        assertTrue(maintained.out().contains("on disk"), maintained.out());

        Result released = wcstat("sql", "--home", home.toString(), "--conf", TestRepo.demoConf().toString(), "--format", "csv", "--as-of-release", "2024",
                "-e", "SELECT value FROM indicators.value");
        assertEquals(0, released.exit(), released.err());
        assertEquals("value\r\n90\r\n", released.out());
        Result now = wcstat("sql", "--home", home.toString(), "--conf", TestRepo.demoConf().toString(), "--format", "csv", "-e", "SELECT value FROM indicators.value");
        assertEquals("value\r\n91\r\n", now.out());
    }

    @Test
    void aNegativeAgeIsAUsageError() {
        Result r = wcstat("maintain", "--home", home.toString(), "--conf", TestRepo.demoConf().toString(), "--older-than", "-1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--older-than -1 is not a number of days: give 0 or more"), r.err());
    }
}
