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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * wcstat disseminate's refusals, before it touches a database; loading itself is tested against the real servers
 * (PostgresDisseminationTest, MariaDbDisseminationTest in the jobs module).
 */
class DisseminateCommandTest {
    @TempDir
    Path home;

    @Test
    void withoutADisseminationDatabaseItSaysWhereToNameOne() {
        StringWriter err = new StringWriter();
        int exit = run(err, "disseminate", "--home", home.toString(), "--conf", TestRepo.demoConf().toString(), "--year", "2024");
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("warehouse.yaml names no dissemination database"), err.toString());
        assertTrue(err.toString().contains("reader_role"), err.toString());
    }

    @Test
    void aYearNotPublishedIsRefusedBeforeConnecting() throws IOException {
        Path conf = TestRepo.copyOfConf(home.resolve("conf"));
        // a port nothing listens on: the command must stop at the missing release, not at the connection
        Files.writeString(conf.resolve("warehouse.yaml"), "dissemination:\n  url: jdbc:postgresql://127.0.0.1:1/none\n"
                + "  reader_role: wcstat_reader\n");
        StringWriter err = new StringWriter();
        int exit = run(err, "disseminate", "--home", home.toString(), "--conf", conf.toString(), "--year", "2023");
        assertEquals(1, exit, err.toString());
        assertTrue(err.toString().contains(home.resolve("releases/2023") + " holds no manifest.json"), err.toString());
        assertTrue(err.toString().contains("wcstat publish"), err.toString());
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cmd = Wcstat.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        return cmd.execute(args);
    }
}
