package org.wcstat.jobs.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser harness itself sees what the report test relies on it to see: errors, and the network kept off. */
class HeadlessChromiumTest {
    @TempDir
    Path dir;

    @Test
    void consoleErrorsExceptionsAndFetchesAreCaught() throws Exception {
        Path page = dir.resolve("broken.html");
        Files.writeString(page, """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>broken</title></head><body>
                <p id="p">loaded</p>
                <img alt="" src="https://cdn.example.org/lib.png">
                <script>console.error('drawn wrong'); notDefined();</script>
                </body></html>
                """);
        try (HeadlessChromium chromium = new HeadlessChromium(dir.resolve("profile"))) {
            chromium.load(page, 800, 600);
            assertEquals("loaded", chromium.eval("document.getElementById('p').textContent").asText());
            List<String> errors = chromium.errors();
            assertTrue(errors.stream().anyMatch(e -> e.startsWith("console.error") && e.contains("drawn wrong")), errors.toString());
            assertTrue(errors.stream().anyMatch(e -> e.startsWith("uncaught") && e.contains("notDefined")), errors.toString());
            // offline: the image from a CDN fails to load, and says so
            assertTrue(errors.stream().anyMatch(e -> e.startsWith("log") && e.contains("cdn.example.org")), errors.toString());
        }
    }
}
