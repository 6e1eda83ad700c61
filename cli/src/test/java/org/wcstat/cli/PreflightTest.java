package org.wcstat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command checks what it will need before it reads an extract or starts Spark, and says what to fix:
 * nothing is loaded (no warehouse is even made) when a check fails.
 */
class PreflightTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFontStopsPublishBeforeAnythingRuns() throws IOException {
        Path conf = copyOfConf();
        Files.writeString(conf.resolve("yearbook.yaml"), Files.readString(conf.resolve("yearbook.yaml")) + "pdf_font: fonts/missing.ttf\n");
        Result r = run("publish", "--year", "2024", "--home", home().toString(), "--conf", conf.toString());
        assertEquals(Wcstat.CONFIG_ERROR, r.code, r.err);
        // the last line of the folder's yearbook.yaml names the font, its path after "pdf_font: " (column 11)
        Path yearbook = conf.resolve("yearbook.yaml");
        assertTrue(r.err.contains("cannot start: " + yearbook + ":" + Files.readAllLines(yearbook).size() + ":11: pdf_font "
                + conf.resolve("fonts/missing.ttf") + " is not there"), r.err);
        assertNothingRan();
    }

    @Test
    void aHomeThatCannotBeWrittenStopsAStage() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "a file where the home should be");
        Result r = run("compute", "--year", "2024", "--home", file.toString(), "--conf", TestRepo.demoConf().toString());
        assertEquals(Wcstat.CONFIG_ERROR, r.code, r.err);
        assertTrue(r.err.contains(file + " cannot be written"), r.err);
        assertTrue(r.err.contains("choose another folder with --home"), r.err);
    }

    @Test
    void aRefusedUserIsToldAtOnceWithTheVariablesToSet() throws IOException {
        // PostgreSQL here trusts its users, so a role it does not know is what it refuses
        Path conf = copyOfConf();
        pointHealthAt(conf, "jdbc:postgresql://127.0.0.1:5432/postgres", "org.postgresql.Driver",
                "{env: WCSTAT_IT_UNSET_USER, default: wcstat_no_such_role}");
        Result r = run("ingest", "--year", "2024", "--source", "health", "--home", home().toString(), "--conf", conf.toString());
        assertEquals(Wcstat.CONFIG_ERROR, r.code, r.err);
        assertTrue(r.err.contains("cannot start: health (区卫生健康局)'s database refused the user or its password"), r.err);
        assertTrue(r.err.contains("set the variable WCSTAT_IT_UNSET_USER and the variable WCSTAT_HEALTH_PASSWORD"), r.err);
        assertFalse(r.err.contains("attempt"), "a refused user is not tried again: " + r.err);
        assertNothingRan();
    }

    @Test
    void aMissingDatabaseIsNamedWithTheFileToCorrect() throws IOException {
        Path conf = copyOfConf();
        pointHealthAt(conf, "jdbc:mariadb://127.0.0.1:3306/wcstat_it_no_such_database", "org.mariadb.jdbc.Driver", "{default: root}");
        Result r = run("validate", "--year", "2024", "--source", "health", "--home", home().toString(), "--conf", conf.toString());
        assertEquals(Wcstat.CONFIG_ERROR, r.code, r.err);
        assertTrue(r.err.contains("has no database, or none this user may open, at jdbc:mariadb://127.0.0.1:3306/wcstat_it_no_such_database"), r.err);
        assertTrue(r.err.contains("correct the database name in jdbc.url of " + conf.resolve("sources/health.yaml")), r.err);
    }

    @Test
    void aServerThatDoesNotAnswerIsTriedAgainThenReported() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path conf = copyOfConf();
        pointHealthAt(conf, "jdbc:postgresql://127.0.0.1:" + closed + "/health", "org.postgresql.Driver", "{default: postgres}");
        Result r = run("ingest", "--year", "2024", "--source", "health", "--home", home().toString(), "--conf", conf.toString());
        assertEquals(Wcstat.CONFIG_ERROR, r.code, r.err);
        assertTrue(r.err.contains("cannot be reached at jdbc:postgresql://127.0.0.1:" + closed + "/health"), r.err);
        assertTrue(r.err.contains("(tried 3 times)"), r.err);
    }

    @Test
    void aRunWithoutTheDemoDepartmentsListsEveryOneAndTheCommandThatMakesThem() throws IOException {
        Result r = run("run", "--year", "2024", "--home", home().toString(), "--conf", TestRepo.demoConf().toString());
        assertEquals(Wcstat.CONFIG_ERROR, r.code, r.err);
        long departments;
        try (Stream<Path> s = Files.list(TestRepo.demoConf().resolve("sources"))) {
            departments = s.count();
        }
        assertTrue(r.err.contains("cannot start: " + departments + " problems:"), r.err);
        assertTrue(r.err.contains("health (区卫生健康局)'s database has no database"), r.err);
        assertTrue(r.err.contains("`wcstat demo`"), r.err);
        assertNothingRan();
    }

    @Test
    void aRunOnAHomeWithoutAConfigurationBeforeTheCountyHasWrittenItsSourcesSaysWhereToStart() {
        // the checkout's conf/ ships without departments: a newcomer's first run is told of quickstart, and nothing runs
        Result r = run("run", "--year", "2024", "--home", home().toString());
        assertEquals(Wcstat.CONFIG_ERROR, r.code, r.err);
        assertTrue(r.err.contains(TestRepo.root().resolve("conf/sources") + ": no department's source;"), r.err);
        assertTrue(r.err.contains("demo/conf/sources") && r.err.contains("bin/wcstat quickstart"), r.err);
        assertNothingRan();
    }

    @Test
    void aDepartmentThatReportsByFileHasItsReturnsOpenedInsteadOfAConnection() throws IOException {
        Path conf = copyOfConf();
        Files.writeString(conf.resolve("sources/returns_only.yaml"), """
                department: returns_only
                name_zh: 妇联
                name_en: Women's Federation
                file:
                  path: returns/returns_only/{year}/报表.xlsx
                extracts:
                  - name: points
                    sheet: 指导站
                    measure: family_education_points
                    region: {name: 乡镇}
                    value: {column: 指导站数}
                """);
        Result none = run("ingest", "--year", "2024", "--source", "returns_only", "--home", home().toString(), "--conf", conf.toString());
        assertEquals(Wcstat.CONFIG_ERROR, none.code, none.err);
        assertTrue(none.err.contains("returns_only (妇联): no return at " + home().resolve("returns/returns_only/{year}/报表.xlsx")
                + " for any year: put the department's file there, or correct the path in " + conf.resolve("sources/returns_only.yaml")), none.err);
        assertNothingRan();
        // a CSV renamed .xlsx is no workbook
        Path file = home().resolve("returns/returns_only/2023/报表.xlsx");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "乡镇,指导站数\n卫子镇,3\n");
        Result bad = run("ingest", "--year", "2024", "--source", "returns_only", "--home", home().toString(), "--conf", conf.toString());
        assertEquals(Wcstat.CONFIG_ERROR, bad.code, bad.err);
        assertTrue(bad.err.contains("returns_only · points: returns/returns_only/2023/报表.xlsx cannot be opened as an XLSX workbook"), bad.err);
        assertTrue(bad.err.contains("ask the department to save it again as Excel Workbook (.xlsx)"), bad.err);
        assertNothingRan();
    }

    private void pointHealthAt(Path conf, String url, String driver, String user) throws IOException {
        Path health = conf.resolve("sources/health.yaml");
        String yaml = Files.readString(health)
                .replace("url: \"jdbc:h2:file:${home}/departments/health;ACCESS_MODE_DATA=r;IFEXISTS=TRUE\"", "url: \"" + url + "\"")
                .replace("driver: org.h2.Driver", "driver: " + driver)
                .replace("user: {env: WCSTAT_HEALTH_USER, default: sa}", "user: " + user);
        assertTrue(yaml.contains(url) && yaml.contains(driver), "the shipped health.yaml changed: adapt this test");
        Files.writeString(health, yaml);
    }

    private Path home() {
        return tmp.resolve("home");
    }

    private void assertNothingRan() {
        assertFalse(Files.exists(home().resolve("warehouse")), "no warehouse is made before the checks pass");
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Wcstat.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    private Path copyOfConf() throws IOException {
        return TestRepo.copyOfConf(tmp.resolve("conf"));
    }
}
