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
            // printed at a size that can be read: a long footnote that ran on in one cell used to make LibreOffice
            // shrink the whole sheet to fit its width onto the page (Calc's 10 pt down to 3). The widest table, with
            // the English names beside the Chinese and the years to the target's, still needs 60 % of A4's width more.
            double size = smallestSizeOf(doc, "婴儿死亡率");
            assertTrue(size >= 6, "婴儿死亡率 is printed at " + size + " pt");
        }
    }

    /** The smallest size, in points as printed, at which the text's first character appears in the document. */
    private static double smallestSizeOf(PDDocument doc, String text) throws java.io.IOException {
        double[] smallest = {Double.MAX_VALUE};
        PDFTextStripper sizes = new PDFTextStripper() {
            @Override
            protected void writeString(String line, java.util.List<org.apache.pdfbox.text.TextPosition> positions) {
                int at = line.indexOf(text);
                if (at >= 0 && at < positions.size()) smallest[0] = Math.min(smallest[0], positions.get(at).getFontSizeInPt());
            }
        };
        sizes.getText(doc);
        return smallest[0];
    }
}
