package org.wcstat.jobs.publish;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import com.openhtmltopdf.util.XRLog;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.config.YearbookLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.wcstat.jobs.publish.Html.esc;

/**
 * The printable yearbook: the workbook's tables laid out as XHTML on A4 and printed to PDF by openhtmltopdf
 * (PDFBox), with a subset of a TrueType Chinese font embedded so it prints the same on every machine
 * ({@link PdfFonts}).
 */
final class YearbookPdf {
    static {
        // openhtmltopdf reports its timings at INFO; the job reports its own progress
        for (String logger : XRLog.listRegisteredLoggers()) XRLog.setLevel(logger, Level.WARNING);
    }

    private final YearbookLayout layout;
    private final Catalog catalog;
    private final Labels labels;
    private final YearbookTables tables;

    private final PdfFonts fonts;

    YearbookPdf(YearbookLayout layout, PdfFonts fonts, Catalog catalog, Labels labels, Map<String, String> departmentNames) {
        this.layout = layout;
        this.fonts = fonts;
        this.catalog = catalog;
        this.labels = labels;
        this.tables = new YearbookTables(layout, labels, departmentNames);
    }

    void write(Path file, YearbookData data) throws IOException {
        String xhtml = xhtml(data);
        synchronized (PdfFonts.LOCK) {
            try (OutputStream out = Files.newOutputStream(file); PDDocument doc = new PDDocument()) {
                PdfRendererBuilder pdf = new PdfRendererBuilder();
                pdf.useFastMode();
                pdf.usePDDocument(doc);
                fonts.register(pdf, doc);
                pdf.withHtmlContent(xhtml, null);
                pdf.toStream(out);
                pdf.run();
            }
        }
    }

    String xhtml(YearbookData data) {
        String title = layout.titleZh() + "（" + data.year() + "）";
        StringBuilder h = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/>
                """);
        h.append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        if (labels.english()) h.append("<p class=\"subtitle\">").append(esc(layout.titleEn() + " " + data.year())).append("</p>\n");
        h.append("<h2>").append(esc(labels.text("目录", "Contents"))).append("</h2>\n<ol class=\"contents\">\n");
        List<YearbookLayout.Chapter> chapters = layout.chapters().stream().filter(c -> !tables.entries(catalog, c).isEmpty()).toList();
        for (YearbookLayout.Chapter ch : chapters) h.append("<li>").append(esc(tables.chapterTitle(ch))).append("</li>\n");
        h.append("<li>").append(esc(labels.text("分组数据", "Breakdowns"))).append("</li>\n<li>")
                .append(esc(labels.text("监测预警", "Early warnings"))).append("</li>\n</ol>\n");
        for (YearbookLayout.Chapter ch : chapters) {
            List<Catalog.Entry> entries = tables.entries(catalog, ch);
            h.append("<div class=\"chapter\"><h2>").append(esc(tables.chapterTitle(ch))).append("</h2>\n")
                    .append(tables.chapterTable(ch, entries, data)).append(tables.footnotes(entries)).append("</div>\n");
        }
        h.append("<div class=\"chapter\"><h2>").append(esc(labels.text("分组数据", "Breakdowns"))).append("</h2>\n");
        for (Catalog.Entry e : catalog.entries()) {
            Indicator ind = e.indicator();
            for (Breakdown b : Breakdown.values()) {
                if (ind.disaggregations().contains(b.catalogName)) h.append(tables.breakdownTable(ind, b, data));
            }
        }
        h.append("</div>\n<div class=\"chapter\"><h2>").append(esc(labels.text("监测预警", "Early warnings"))).append("</h2>\n")
                .append(tables.warningsTable(catalog, data)).append("</div>\n</body></html>\n");
        return h.toString();
    }

    /** A4 landscape leaves room for every year to 2030; table headers repeat on each page a table runs over. */
    private static final String STYLE = """
            @page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm;
                    @bottom-center { content: counter(page); font-family: yearbook, yearbook-symbols; font-size: 8pt; } }
            body { font-family: yearbook, yearbook-symbols; font-size: 8.5pt; }
            h1 { font-size: 20pt; margin-top: 60mm; text-align: center; }
            .subtitle { text-align: center; font-size: 12pt; }
            .chapter { page-break-before: always; }
            h2 { font-size: 13pt; }
            table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; -fs-table-paginate: paginate; }
            caption { text-align: left; font-weight: bold; padding: 1mm 0; }
            th, td { border: 0.5pt solid #888; padding: 0.8mm 1.2mm; vertical-align: top; }
            thead th { background: #eeeeee; }
            tbody th { text-align: left; font-weight: normal; }
            td.num { text-align: right; }
            tr { page-break-inside: avoid; }
            .status { font-weight: bold; }
            .status-achieved, .status-on_track { color: #1b5e20; }
            .status-needs_acceleration, .status-limited_progress { color: #8a4b00; }
            .status-deterioration { color: #b71c1c; }
            .notes { font-size: 7.5pt; }
            """;
}
