package org.wcstat.cli.sql;

import org.apache.spark.sql.SparkSession;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interactive shell fed through a terminal: statements over several lines, errors that do not end it, history kept. */
class ShellTest {
    @TempDir
    Path home;

    @Test
    void aStatementOverSeveralLinesRunsAtItsSemicolonAndIsRememberedWhole() throws Exception {
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        new Warehouse(spark).ensureTables();
        spark.sql("INSERT INTO " + Warehouse.INDICATOR_VALUES + " VALUES ('C-H-03b', 2024, '510811', '_T', '_T', '_T', 1, 3, 1000, 3.0, NULL, NULL, '')");
        String typed = "SELECT indicator,\n  value\nFROM indicators.value;\nSELECT * FROM raw.x;\nSELECT 1 + 1 AS two;\nquit\n";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Path history = home.resolve("history");
        try (Terminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                screen, StandardCharsets.UTF_8)) {
            SqlRunner runner = new SqlRunner(SqlSessions.open(spark, Role.ANALYST, null), new StatementPolicy(Role.ANALYST, false, false, true), ResultFormat.CSV,
                    new PrintStream(results, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8));
            new Shell(terminal, runner, history).run("test");
        }
        assertEquals("indicator,value\r\nC-H-03b,3\r\ntwo\r\n2\r\n", results.toString(StandardCharsets.UTF_8), screen + "\n" + errors);
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("raw.x is not visible to analysts"), errors.toString());
        assertTrue(screen.toString(StandardCharsets.UTF_8).startsWith("test\n"), screen.toString());
        String saved = Files.readString(history);
        assertTrue(saved.contains("SELECT indicator,\\n  value\\nFROM indicators.value;"), saved);
        assertTrue(saved.contains("SELECT 1 + 1 AS two;"), saved);
    }
}
