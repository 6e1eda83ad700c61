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

    private Path copyOfConf() throws IOException {
        Path src = TestRepo.root().resolve("conf");
        Path dst = tmp.resolve("conf");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return dst;
    }
}
