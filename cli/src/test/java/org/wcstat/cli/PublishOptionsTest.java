package org.wcstat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The options that replace or rebuild a release belong to publish; another stage given one stops before starting. */
class PublishOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void republishOnAnotherStageIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = Wcstat.commandLine();
        cl.setErr(new PrintWriter(err));
        Path home = tmp.resolve("home");
        int code = cl.execute("compute", "--year", "2024", "--republish", "--home", home.toString());
        assertEquals(CommandLine.ExitCode.USAGE, code);
        assertTrue(err.toString().contains("--republish is an option of publish, not of compute"), err.toString());
        assertFalse(Files.exists(home.resolve("warehouse")), "no warehouse was opened");
    }

    @Test
    void publishTakesBoth() {
        var parsed = Wcstat.commandLine().parseArgs("publish", "--year", "2024", "--republish", "--from-tag").subcommand();
        assertTrue(parsed.hasMatchedOption("--republish"));
        assertTrue(parsed.hasMatchedOption("--from-tag"));
    }
}
