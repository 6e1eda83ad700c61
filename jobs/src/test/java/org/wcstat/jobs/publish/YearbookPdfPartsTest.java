package org.wcstat.jobs.publish;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.dimension.Regions;
import org.wcstat.jobs.TestRepo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A yearbook printed in parts (a province's city volume is, every {@link YearbookPdf#ROWS_PER_PART} breakdown rows) is
 * one PDF whose pages are numbered through all the parts and which holds every table once, in the order of the yearbook
 * printed as one document. No Spark: the tables are made from values written here.
 */
class YearbookPdfPartsTest {
    static final Configuration CONFIG = Configuration.load(TestRepo.demoConf());

    @TempDir
    Path dir;

    /**
     * Five indicators for 2023 and 2024, the district and each of the demo's 12 towns, and girls and boys for the
     * children's. The catalog publishes C-E-02, C-H-03b and C-H-07a by sex and town, W-H-03a and W-L-09 by town: in its
     * order, C-E-02 sex 2 rows, town 12; C-H-03b sex 2, town 12; C-H-07a sex 2, town 12; W-H-03a town 12; W-L-09 town
     * 12, eight tables. In parts of 20 rows a part closes before a table once its rows have reached 20, the running
     * count being [2, 14, 16, 28] [2, 14, 26] [12]: three parts of breakdowns after the front part.
     */
    private static YearbookTables tables() {
        List<PublishedValue> values = new ArrayList<>();
        List<String> towns = CONFIG.regions().towns().stream().map(Regions.Region::code).toList();
        for (String ind : List.of("C-E-02", "C-H-03b", "C-H-07a", "W-H-03a", "W-L-09")) {
            for (int year : List.of(2023, 2024)) {
                values.add(new PublishedValue(ind, year, "510811", "_T", "_T", "_T", 10.0 + year % 10, false, "", null, null));
                for (int i = 0; i < towns.size(); i++) {
                    values.add(new PublishedValue(ind, year, towns.get(i), "_T", "_T", "_T", 5.0 + i, false, "", null, null));
                }
            }
            if (!ind.startsWith("W")) {
                values.add(new PublishedValue(ind, 2024, "510811", "F", "_T", "_T", 4.0, false, "", null, null));
                values.add(new PublishedValue(ind, 2024, "510811", "M", "_T", "_T", 6.0, false, "", null, null));
            }
        }
        YearbookData data = new YearbookData(2024, 2020, "510811", values, Map.of(), List.of());
        return YearbookTables.of(data, CONFIG.catalog(), CONFIG.yearbook(), new Labels(CONFIG.vocabulary(), true), Map.of(),
                CONFIG.assessment().targetYear());
    }

    @Test
    void partsMakeOnePdfNumberedThroughWithEveryTableOnceInOrder() throws Exception {
        YearbookTables tables = tables();
        YearbookPdf pdf = new YearbookPdf(PdfFonts.of(CONFIG));
        List<String> parts = pdf.parts(tables, 20);
        assertEquals(4, parts.size(), "the front part and three of breakdowns");
        assertEquals(2, pdf.parts(tables, Integer.MAX_VALUE).size(), "the front part and one of breakdowns");

        Path inParts = dir.resolve("parts.pdf");
        Path whole = dir.resolve("whole.pdf");
        PdfFonts fonts = PdfFonts.of(CONFIG);
        fonts.print(inParts, parts);
        fonts.print(whole, pdf.parts(tables, Integer.MAX_VALUE));

        List<String> captions = captions(whole);
        assertEquals(8, captions.size(), "the breakdown tables' captions: " + captions);
        assertEquals(captions, captions(inParts), "every table once, in the same order");
        try (PDDocument doc = Loader.loadPDF(inParts.toFile())) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                List<String> lines = pageText(doc, page).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                assertTrue(lines.size() > 1, "page " + page + " has more than its number: " + lines);
                assertEquals(String.valueOf(page), lines.get(lines.size() - 1), "the number at the foot of page " + page);
            }
        }
    }

    /** The captions of the breakdown tables (…，分乡镇 / by town（‰）), in the order the PDF prints them. */
    private static List<String> captions(Path file) throws Exception {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc).lines().map(String::strip).filter(l -> l.contains("，分")).toList();
        }
    }

    private static String pageText(PDDocument doc, int page) throws Exception {
        PDFTextStripper one = new PDFTextStripper();
        one.setStartPage(page);
        one.setEndPage(page);
        return one.getText(doc);
    }
}
