package org.wcstat.jobs.publish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LibreOffice, headless, opens the published workbook and prints it to PDF without error. */
class WorkbookInLibreOfficeTest {
    static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @TempDir
    Path work;

    @Test
    void libreOfficeConvertsTheWorkbookToPdf() throws Exception {
        assertTrue(Files.isExecutable(SOFFICE), SOFFICE + " is missing: install Debian's libreoffice-calc-nogui (.ci/run does)");
        Path xlsx = PublishedRelease.get().dir.resolve("yearbook.xlsx");
        Path out = Files.createDirectories(work.resolve("out"));
        Path log = work.resolve("soffice.log");
        // a fresh profile, so neither a running LibreOffice nor another test's profile is in the way
        Process p = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=" + work.resolve("profile").toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("soffice did not convert within 180 s: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), said);
        assertTrue(!said.toLowerCase().contains("error"), said);
        Path pdf = out.resolve("yearbook.pdf");
        assertTrue(Files.exists(pdf), "no PDF; soffice said: " + said);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // contents, 15 chapter tables, 4 breakdown tables and the charts: more than one page
            assertTrue(doc.getNumberOfPages() > 1, "pages: " + doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("婴儿死亡率"), "the converted workbook lacks 婴儿死亡率");
            assertTrue(text.contains("进展顺利 / on track"), "the converted workbook lacks the status of 婴儿死亡率");
        }
    }
}
