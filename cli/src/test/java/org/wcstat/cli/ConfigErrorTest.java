package org.wcstat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An invalid configuration file fails at start, naming the file, the line and what is wrong. */
class ConfigErrorTest {
    @TempDir
    Path tmp;

    @Test
    void aMistypedFieldIsReportedWithFileAndLine() throws IOException {
        Path conf = copyOfConf();
        Path health = conf.resolve("sources/health.yaml");
        // misspell the field "table" of the birth register extract
        var lines = Files.readAllLines(health);
        int index = lines.indexOf("    table: BIRTH_REGISTER");
        assertTrue(index >= 0, "the shipped health.yaml names the table BIRTH_REGISTER");
        lines.set(index, "    tabel: BIRTH_REGISTER");
        Files.write(health, lines);

        StringWriter err = new StringWriter();
        CommandLine cl = Wcstat.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("run", "--year", "2024", "--home", tmp.resolve("home").toString(), "--conf", conf.toString());

        assertEquals(Wcstat.CONFIG_ERROR, code);
        String message = err.toString();
        assertTrue(message.contains(health + ":" + (index + 1) + ":"), message);
        assertTrue(message.contains("unknown field 'tabel'"), message);
        assertTrue(message.contains("table"), message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void aMisspeltFieldIsReportedWithTheFieldMeant() throws IOException {
        Path conf = copyOfConf();
        Path health = conf.resolve("sources/health.yaml");
        var lines = Files.readAllLines(health);
        int index = lines.indexOf("    region: {code: TOWN_CODE}");
        assertTrue(index >= 0, "the shipped health.yaml maps the birth register's towns from TOWN_CODE");
        lines.set(index, "    regoin: {code: TOWN_CODE}");
        Files.write(health, lines);

        Path home = tmp.resolve("home");
        Run run = run("run", "--year", "2024", "--home", home.toString(), "--conf", conf.toString());

        assertEquals(Wcstat.CONFIG_ERROR, run.code());
        // the misspelt key itself: column 5, after the four spaces of the extract's fields
        assertTrue(run.err().startsWith("configuration error: " + health + ":" + (index + 1) + ":5: unknown field 'regoin'"
                + " (did you mean 'region'?); the fields allowed here are "), run.err());
        assertTrue(run.err().contains(" region, "), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        // stopped while reading the configuration: Spark never made the home's warehouse
        assertFalse(Files.exists(home), "nothing was started under " + home);
    }

    @Test
    void aCodeOutsideTheCanonicalOnesIsReportedAtTheCode() throws IOException {
        Path conf = copyOfConf();
        Path health = conf.resolve("sources/health.yaml");
        var lines = Files.readAllLines(health);
        int index = lines.indexOf("    sex: {column: BABY_SEX, codes: {\"1\": M, \"2\": F, \"9\": _U}}");
        assertTrue(index >= 0, "the shipped health.yaml maps the baby's sex from codes 1, 2 and 9");
        String changed = "    sex: {column: BABY_SEX, codes: {\"1\": 男, \"2\": F, \"9\": _U}}";
        lines.set(index, changed);
        Files.write(health, lines);

        Path home = tmp.resolve("home");
        Run run = run("run", "--year", "2024", "--home", home.toString(), "--conf", conf.toString());

        assertEquals(Wcstat.CONFIG_ERROR, run.code());
        int column = changed.indexOf("男") + 1;
        assertTrue(run.err().startsWith("configuration error: " + health + ":" + (index + 1) + ":" + column + ": extract 'birth_register':"
                + " sex: '男' (for the source's '1') is not a canonical code; use one of [F, M, _T, _U]"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(home), "nothing was started under " + home);
    }

    @Test
    void aReplacedDepartmentNamesTheFileThatUsedToProduceEachMeasure() throws IOException {
        // the bureau's health commission keeps other registers: its file is rewritten for them, without its old rules
        Path conf = copyOfConf();
        Files.writeString(conf.resolve("sources/health.yaml"), """
                department: health
                name_zh: 区卫生健康局
                name_en: Health Commission
                jdbc:
                  url: "jdbc:postgresql://db.health.example:5432/mch"
                  driver: org.postgresql.Driver
                extracts:
                  - name: clinic_register
                    table: clinic_register
                    year: {column: year}
                    measure: clinics
                    region: {code: town_code}
                """);
        Files.deleteIfExists(conf.resolve("validation/health.yaml"));

        Run run = run("catalog", "check", "--conf", conf.toString());

        assertEquals(Wcstat.CONFIG_ERROR, run.code());
        // every indicator that loses its data, each naming the shipped file and extract that produced the measure
        Path shipped = TestRepo.demoConf().resolve("sources/health.yaml");
        assertTrue(run.err().contains("unknown measure 'maternal_deaths' in numerator: no extract in " + conf.resolve("sources")
                + " produces it; " + shipped + " (extract mch_death_report) produced it: add an extract with 'measure: maternal_deaths'"
                + " (or a code mapped to it) to a file of " + conf.resolve("sources") + ", or remove the indicator"), run.err());
        assertTrue(run.err().contains("indicator C-F-08: unknown measure 'live_births' in numerator: no extract in " + conf.resolve("sources")
                + " produces it; " + shipped + " (extract birth_register) produced it"), run.err());
    }

    @Test
    void aDepartmentNotReadLeavesItsIndicatorsUnmonitoredAndCatalogCheckListsThem() throws IOException {
        Path conf = copyOfConf();
        Files.delete(conf.resolve("sources/health.yaml"));
        Files.deleteIfExists(conf.resolve("validation/health.yaml"));
        CommandLine cl = Wcstat.commandLine();
        // catalog check prints to the process's standard output
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = cl.execute("catalog", "check", "--conf", conf.toString());
        } finally {
            System.setOut(stdout);
        }
        String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);

        assertEquals(0, code, text);
        // the sex ratio at birth (C-F-08) needs health alone; the maternal mortality ratio (W-H-02) too
        assertTrue(text.contains("  C-F-08 出生人口性别比: not monitored: the configuration reads no source of department health\n"), text);
        assertTrue(text.contains("  W-H-02 "), text);
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Wcstat.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, err.toString());
    }

    private Path copyOfConf() throws IOException {
        return TestRepo.copyOfConf(tmp.resolve("conf"));
    }
}
