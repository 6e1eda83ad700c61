package org.wcstat.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcstat.core.config.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `wcstat validate` on the demo departments: every shipped rule holds on the clean demo data, each
 * department gets its report, and nothing reaches the warehouse.
 */
class ValidateCommandTest {
    @TempDir
    static Path home;
    static List<String> departments;

    @BeforeAll
    static void demoAndValidate() {
        assertEquals(0, Wcstat.commandLine().execute("demo", "--home", home.toString()));
        assertEquals(0, Wcstat.commandLine().execute("validate", "--year", "2024", "--home", home.toString()));
        departments = Configuration.load(home.resolve("conf")).sources().stream().map(s -> s.department()).toList();
    }

    @Test
    void everyDepartmentsReportSaysEveryRuleHolds() throws Exception {
        for (String d : departments) {
            Path dir = home.resolve("reports/2024/validation");
            List<String> csv = Files.readAllLines(dir.resolve(d + ".csv"));
            assertEquals(List.of("\uFEFFdepartment,year,extract,row_key,rule,kind,importance,action,reason"), csv, d);
            String html = Files.readString(dir.resolve(d + ".html"));
            assertTrue(html.contains("Validated, not loaded (wcstat validate)") && html.contains("Every rule holds."), d + ":\n" + html);
        }
    }

    @Test
    void validatingWritesNothingToTheWarehouse() {
        var spark = Spark.session(Spark.localWarehouse(home));
        assertEquals(0, spark.sql("SELECT count(*) FROM " + Warehouse.FACTS).first().getLong(0));
        assertEquals(0, spark.sql("SELECT count(*) FROM " + Warehouse.LOADS).first().getLong(0));
        assertEquals(0, spark.sql("SHOW TABLES IN wh.raw").count());
    }

    @Test
    void anUnknownDepartmentIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = Wcstat.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(Wcstat.CONFIG_ERROR, cl.execute("validate", "--year", "2024", "--source", "tax", "--home", home.toString()));
        assertTrue(err.toString().startsWith("configuration error: no source 'tax' in "), err.toString());
    }
}
