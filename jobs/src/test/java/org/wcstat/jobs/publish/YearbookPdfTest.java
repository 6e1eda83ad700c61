package org.wcstat.jobs.publish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** yearbook.pdf read back with PDFBox: it has pages, every font it uses is embedded, and it reads in Chinese. */
class YearbookPdfTest {
    static PDDocument pdf;
    static String text;

    @BeforeAll
    static void open() throws Exception {
        pdf = Loader.loadPDF(PublishedRelease.get().dir.resolve("yearbook.pdf").toFile());
        text = new PDFTextStripper().getText(pdf);
    }

    @AfterAll
    static void close() throws Exception {
        pdf.close();
    }

    @Test
    void everyFontIsEmbedded() throws Exception {
        assertTrue(pdf.getNumberOfPages() > 1, "pages: " + pdf.getNumberOfPages());
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                fonts.add(font.getName());
            }
        }
        assertTrue(fonts.stream().anyMatch(f -> f.contains("DroidSansFallback")), fonts.toString());
    }

    /**
     * The bundled Chinese font, not one of the machine's: its subset in the PDF has an outline for every
     * character of the title, so the title prints rather than showing empty boxes.
     */
    @Test
    void theTitlesGlyphsAreEmbedded() throws Exception {
        PDType0Font chinese = null;
        for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
            if (pdf.getPage(0).getResources().getFont(name) instanceof PDType0Font f && f.getName().contains("DroidSansFallback")) {
                chinese = f;
            }
        }
        assertTrue(chinese != null, "the title page uses the bundled Droid Sans Fallback");
        // the subset keeps no cmap of its own: the PDF's ToUnicode map says which code prints which character
        java.util.Map<String, Integer> codes = new java.util.HashMap<>();
        for (int code = 0; code < 0x10000; code++) {
            String u = chinese.toUnicode(code);
            if (u != null) codes.putIfAbsent(u, code);
        }
        for (char c : "昭化区妇女儿童统计资料".toCharArray()) {
            Integer code = codes.get(String.valueOf(c));
            assertTrue(code != null && chinese.hasGlyph(code), "no glyph for " + c);
            assertFalse(chinese.getPath(code).getBounds2D().isEmpty(), "an empty outline for " + c);
        }
    }

    @Test
    void aKnownIndicatorReadsWithItsTargetValueAndStatus() {
        // the row of 婴儿死亡率: unit ‰, target ≤ 5, 2020 3, 2021 4, 2022 none, 2023 4, 2024 4.5, on track
        java.util.List<String> lines = text.lines().toList();
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith("婴儿死亡率 / Infant mortality rate ‰")) i++;
        if (i == lines.size()) throw new AssertionError("no row of 婴儿死亡率 in\n" + text);
        // a narrow status column wraps its English label onto the next line of the cell
        String row = lines.get(i).strip();
        if (row.endsWith("/")) row += " " + lines.get(i + 1).strip();
        assertEquals("婴儿死亡率 / Infant mortality rate ‰ ≤ 5 3 4 — 4 4.5 进展顺利 / on track", row);
        assertTrue(text.contains("昭化区妇女儿童统计资料（2024）"));
        assertFalse(text.contains("#"), "a glyph missing from the embedded fonts prints as '#'");
    }

    @Test
    void theKeyIndicatorsTrendsAreDrawnAsVectors() throws Exception {
        int page = -1;
        for (int i = 0; i < pdf.getNumberOfPages() && page < 0; i++) {
            org.apache.pdfbox.text.PDFTextStripper one = new org.apache.pdfbox.text.PDFTextStripper();
            one.setStartPage(i + 1);
            one.setEndPage(i + 1);
            String t = one.getText(pdf);
            if (t.contains("婴儿死亡率 / Infant mortality rate（‰）") && !t.contains("目录")) page = i;
        }
        assertTrue(page >= 0, "no page of trend charts");
        // the total's line (#1f4e79): 婴儿死亡率's 2020-2021 and 2023-2024 runs, drawn, not pasted in as a picture
        java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(page, 72);
        int drawn = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                java.awt.Color c = new java.awt.Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - 0x1f) < 30 && Math.abs(c.getGreen() - 0x4e) < 30 && Math.abs(c.getBlue() - 0x79) < 30) drawn++;
            }
        }
        assertTrue(drawn > 40, "pixels of the total's line: " + drawn);
        var resources = pdf.getPage(page).getResources();
        for (var name : resources.getXObjectNames()) {
            assertFalse(resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject, "a picture on the charts' page");
        }
    }

    @Test
    void aWarningOnAWithheldValueKeepsItsNumbersBack() {
        assertFalse(text.contains(PublishedRelease.WITHHELD_REASON));
        assertTrue(text.contains("涉及少于3例的小数，详情不予公布。"));
        assertTrue(text.contains(PublishedRelease.PUBLISHED_REASON), text);
    }
}
