package org.wcstat.jobs.publish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * evaluation.pdf of the 2025 release read back with PDFBox: A4, the bundled fonts embedded, every plan's and
 * area's summary as indicators.evaluation has it, the completion table's rows, and status charts drawn as vector
 * shapes in the statuses' colours rather than as pictures.
 */
class EvaluationPdfTest {
    static PDDocument pdf;
    static String text;

    @BeforeAll
    static void open() throws Exception {
        pdf = Loader.loadPDF(EvaluationRelease.get().dir.resolve(EvaluationPdf.FILE).toFile());
        text = new PDFTextStripper().getText(pdf);
    }

    @AfterAll
    static void close() throws Exception {
        if (pdf != null) pdf.close();
    }

    @Test
    void anA4LandscapeDocumentWithItsFontsEmbedded() throws Exception {
        assertTrue(pdf.getNumberOfPages() > 1, "pages: " + pdf.getNumberOfPages());
        PDRectangle a4 = PDRectangle.A4;
        PDRectangle page = pdf.getPage(0).getMediaBox();
        // landscape, as the yearbook
        assertEquals(a4.getHeight(), page.getWidth(), 1);
        assertEquals(a4.getWidth(), page.getHeight(), 1);
        List<String> fonts = new ArrayList<>();
        for (PDPage p : pdf.getPages()) {
            for (COSName name : p.getResources().getFontNames()) {
                PDFont font = p.getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                fonts.add(font.getName());
            }
        }
        assertTrue(fonts.stream().anyMatch(f -> f.contains("DroidSansFallback")), fonts.toString());
        assertFalse(text.contains("#"), "a glyph missing from the embedded fonts prints as '#'");
    }

    @Test
    void everyPlansAndAreasSummaryIsTheWarehouses() {
        assertTrue(text.contains("昭化区妇女儿童发展纲要2025年中期评估报告"), text);
        List<String> summaries = EvaluationRelease.get().spark().sql("SELECT summary_zh FROM " + Warehouse.EVALUATION
                + " WHERE evaluation_year = 2025").collectAsList().stream().map(r -> r.getString(0)).toList();
        assertFalse(summaries.isEmpty());
        // PDFBox breaks lines where the table cell wraps: compare without line breaks
        String flat = text.replaceAll("\\s+", "");
        for (String s : summaries) assertTrue(flat.contains(s), s);
        assertTrue(flat.contains(EvaluationRelease.CHILDREN_EDUCATION_SUMMARY));
    }

    @Test
    void theCompletionTableHasTheHandWorkedRows() {
        String flat = text.replaceAll("\\s+", " ");
        // C-E-04: baseline 90, 2025 92, target ≥ 98 by 2030, limited progress, 94 anticipated, not met
        assertTrue(flat.contains("高中阶段毛入学率 / Gross enrolment ratio"), flat);
        assertTrue(flat.matches("(?s).*≥ 98 2030 进展有限 / limited progress 94 否 / no.*"), flat);
        // the indicators that could not be judged are listed, and W-H-02's numbers are not printed
        assertTrue(flat.contains("未能评估的指标"));
        assertTrue(flat.contains("涉及少于3例的小数，详情不予公布。"));
        assertTrue(flat.contains("docs/methods.md"));
    }

    @Test
    void theStatusChartsAreVectorShapesInTheStatusColours() throws Exception {
        // the charts are filled paths (Batik draws each SVG as a form XObject), in the colours of 已实现 (#1b5e20,
        // C-E-02) and 进展有限 (#fb8c00, C-E-04); no raster image anywhere
        List<float[]> fills = new ArrayList<>();
        int images = 0;
        for (PDPage page : pdf.getPages()) {
            images += images(page.getResources());
            collectFills(new PDFStreamParser(page).parse(), fills);
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDFormXObject form) collectFills(new PDFStreamParser(form).parse(), fills);
            }
        }
        assertEquals(0, images, "the charts are not pictures");
        float[] achieved = {0x1b / 255f, 0x5e / 255f, 0x20 / 255f};
        float[] limited = {0xfb / 255f, 0x8c / 255f, 0x00 / 255f};
        assertTrue(fills.stream().anyMatch(f -> close(f, achieved)), "a bar segment of 已实现");
        assertTrue(fills.stream().anyMatch(f -> close(f, limited)), "a bar segment of 进展有限");
    }

    private static int images(PDResources resources) throws Exception {
        int n = 0;
        for (COSName name : resources.getXObjectNames()) {
            var x = resources.getXObject(name);
            if (x instanceof PDImageXObject) n++;
            if (x instanceof PDFormXObject form && form.getResources() != null) n += images(form.getResources());
        }
        return n;
    }

    /** Every non-stroking colour of three components ("r g b rg", or "r g b sc" in an RGB colour space) followed by a fill. */
    private static void collectFills(List<Object> tokens, List<float[]> fills) {
        boolean filled = tokens.stream().anyMatch(t -> t instanceof Operator op && List.of("f", "f*", "B", "b").contains(op.getName()));
        if (!filled) return;
        for (int i = 3; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Operator op && List.of("rg", "sc", "scn").contains(op.getName())
                    && tokens.get(i - 3) instanceof COSNumber r && tokens.get(i - 2) instanceof COSNumber g
                    && tokens.get(i - 1) instanceof COSNumber b) {
                fills.add(new float[]{r.floatValue(), g.floatValue(), b.floatValue()});
            }
        }
    }

    private static boolean close(float[] a, float[] b) {
        for (int i = 0; i < 3; i++) if (Math.abs(a[i] - b[i]) > 0.01) return false;
        return true;
    }
}
