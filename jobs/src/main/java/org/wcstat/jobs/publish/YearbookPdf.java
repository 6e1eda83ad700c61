package org.wcstat.jobs.publish;

import com.openhtmltopdf.util.XRLog;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.wcstat.jobs.publish.Html.esc;

/**
 * The printable yearbook: the yearbook's tables laid out as XHTML on A4 and printed to PDF by openhtmltopdf
 * (PDFBox), with a subset of a TrueType Chinese font embedded so it prints the same on every machine
 * ({@link PdfFonts}).
 */
final class YearbookPdf implements YearbookRenderer {
    static {
        // openhtmltopdf reports its timings at INFO; the job reports its own progress
        for (String logger : XRLog.listRegisteredLoggers()) XRLog.setLevel(logger, Level.WARNING);
    }

    private final PdfFonts fonts;

    YearbookPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    @Override
    public String fileName() {
        return "yearbook.pdf";
    }

    @Override
    public void write(Path file, YearbookTables tables) throws IOException {
        fonts.print(file, parts(tables, ROWS_PER_PART));
    }

    /**
     * The breakdown rows laid out at once, about: openhtmltopdf keeps a document's whole layout in memory until it has
     * printed its last page. A province's city volume of 360 towns is some 980 pages, and two were written at once:
     * 100 tables of 360 rows as one document did not fit an 800 MB heap, as ten parts they fitted 300 MB and took
     * 19 s instead of 25 s. A part of 1,500 rows is some 40 pages. A county's breakdowns fit in one part (the
     * demo district's 117 tables have 966 rows), so its yearbook is laid out as before.
     */
    static final int ROWS_PER_PART = 1_500;

    /**
     * The yearbook as XHTML documents printed one after another: the title, contents, trends and chapters; then the
     * breakdowns, a new part each time the tables so far reach {@code rowsPerPart} rows; the warnings and the revision
     * note with the last. Every part starts on a new page, as the chapters do in any case; only a long run of
     * breakdown tables gets a page break between two of its tables.
     */
    List<String> parts(YearbookTables tables, int rowsPerPart) {
        Labels labels = tables.labels;
        HtmlTables html = new HtmlTables(tables);
        String title = tables.layout.titleZh() + "（" + tables.year + "）";
        String head = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/>
                """ + "<title>" + esc(title) + "</title>\n<style>\n" + STYLE + "</style></head><body>\n";
        List<String> parts = new ArrayList<>();
        StringBuilder h = new StringBuilder(head);
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        if (labels.english()) h.append("<p class=\"subtitle\">").append(esc(tables.layout.titleEn() + " " + tables.year)).append("</p>\n");
        h.append("<h2>").append(esc(labels.text("目录", "Contents"))).append("</h2>\n<ol class=\"contents\">\n");
        if (!tables.keyIndicators().isEmpty()) h.append("<li>").append(esc(labels.text(YearbookTables.TRENDS))).append("</li>\n");
        for (YearbookTables.ChapterTable ch : tables.chapters) h.append("<li>").append(esc(html.chapterTitle(ch))).append("</li>\n");
        h.append("<li>").append(esc(labels.text("分组数据", "Breakdowns"))).append("</li>\n<li>")
                .append(esc(labels.text(YearbookTables.WARNINGS))).append("</li>\n");
        if (tables.revision().isPresent()) h.append("<li>").append(esc(labels.text(RevisionNote.TITLE_ZH, RevisionNote.TITLE_EN))).append("</li>\n");
        h.append("</ol>\n");
        if (!tables.keyIndicators().isEmpty()) {
            // the key indicators' trends as vector charts, two to a row, each under its name and unit
            TrendSvg trends = new TrendSvg(tables);
            h.append("<div class=\"chapter trends\"><h2>").append(esc(labels.text(YearbookTables.TRENDS))).append("</h2>\n<table class=\"charts\"><tbody>\n");
            List<Indicator> key = tables.keyIndicators();
            for (int i = 0; i < key.size(); i += 2) {
                h.append("<tr>");
                for (Indicator ind : key.subList(i, Math.min(i + 2, key.size()))) {
                    h.append("<td><p class=\"chart-title\">").append(esc(labels.text(ind.nameZh(), ind.nameEn()) + "（" + ind.unit() + "）"))
                            .append("</p>").append(trends.chart(ind)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table></div>\n");
        }
        for (YearbookTables.ChapterTable ch : tables.chapters) {
            // a chapter the county monitors none of is a heading and a list: it runs on after the one before
            h.append(ch.rows().isEmpty() ? "<div class=\"chapter unmonitored\"><h2>" : "<div class=\"chapter\"><h2>")
                    .append(esc(html.chapterTitle(ch))).append("</h2>\n")
                    .append(html.chapterTable(ch)).append(html.chapterNotes(ch)).append("</div>\n");
        }
        parts.add(h.append(TAIL).toString());
        h = new StringBuilder(head).append("<div class=\"breakdowns\"><h2>").append(esc(labels.text("分组数据", "Breakdowns"))).append("</h2>\n");
        int rows = 0;
        for (Catalog.Entry e : tables.catalog.entries()) {
            for (YearbookTables.IndicatorBreakdown b : tables.breakdownsOf(e.indicator())) {
                if (b.rows().isEmpty()) continue;
                if (rows >= rowsPerPart) {
                    parts.add(h.append("</div>\n").append(TAIL).toString());
                    h = new StringBuilder(head).append("<div class=\"breakdowns\">\n");
                    rows = 0;
                }
                h.append(html.breakdownTable(b));
                rows += b.rows().size();
            }
        }
        h.append("</div>\n<div class=\"chapter\"><h2>").append(esc(labels.text(YearbookTables.WARNINGS))).append("</h2>\n")
                .append(html.warningsTable()).append("</div>\n");
        if (tables.revision().isPresent()) {
            h.append("<div class=\"chapter\"><h2>").append(esc(labels.text(RevisionNote.TITLE_ZH, RevisionNote.TITLE_EN)))
                    .append("</h2>\n").append(html.revisionTable(tables.revision().get())).append("</div>\n");
        }
        parts.add(h.append(TAIL).toString());
        return parts;
    }

    private static final String TAIL = "</body></html>\n";

    /**
     * A4 landscape leaves room for every year to 2030; table headers repeat on each page a table runs over. The
     * pages are numbered by {@link PdfFonts#print}, through all the parts.
     * <p>Figures name the symbols' font first: the Chinese font has no digits, and openhtmltopdf
     * measures and draws a text with the first font, catching PDFBox's exception for a missing glyph before it
     * splits the text by font, so a figure cost an exception at each measuring and drawing: a province's 22 PDFs
     * threw 15.7 million, 7.4 million with this. A figure (digits, "." "-" "…" "—", no space) has no character of the
     * Chinese font, so it is set in the symbols' font either way: the PDF is the same. Text mixing both (a town's
     * name with its number) still goes by the exception.
     * <p>The tables' grid is each cell's right and bottom border, the first column's left and the header's top, not
     * collapsed borders: openhtmltopdf resolves a collapsed border on all four sides of every cell as it paints it, half
     * the painting of a city volume's town tables; the grid printed is the same.
     * <p>A breakdown table has fixed columns, the group's and the years' of equal width: sizing them to their
     * contents made openhtmltopdf measure every cell of a province volume's 360-town tables before laying it out.
     */
    private static final String STYLE = """
            @page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
            body { font-family: yearbook, yearbook-symbols; font-size: 8.5pt; }
            h1 { font-size: 20pt; margin-top: 60mm; text-align: center; }
            .subtitle { text-align: center; font-size: 12pt; }
            .chapter { page-break-before: always; }
            .chapter.unmonitored { page-break-before: auto; page-break-inside: avoid; margin-top: 8mm; }
            h2 { font-size: 13pt; }
            table { width: 100%; border-collapse: separate; border-spacing: 0; margin-bottom: 4mm; -fs-table-paginate: paginate; }
            table.breakdown { table-layout: fixed; }
            table.breakdown th.group { width: 28%; }
            caption { text-align: left; font-weight: bold; padding: 1mm 0; }
            th, td { border-right: 0.5pt solid #888; border-bottom: 0.5pt solid #888; padding: 0.8mm 1.2mm; vertical-align: top; }
            th:first-child, td:first-child { border-left: 0.5pt solid #888; }
            thead th { border-top: 0.5pt solid #888; background: #eeeeee; }
            tbody th { text-align: left; font-weight: normal; }
            td.num { text-align: right; font-family: yearbook-symbols, yearbook; }
            tr { page-break-inside: avoid; }
            .status { font-weight: bold; }
            .status-achieved, .status-on_track { color: #1b5e20; }
            .status-needs_acceleration, .status-limited_progress { color: #8a4b00; }
            .status-deterioration { color: #b71c1c; }
            .status-inconclusive { color: #455a64; font-style: italic; }
            .notes { font-size: 7.5pt; }
            table.charts td { border: none; padding: 2mm; }
            .chart-title { font-weight: bold; margin: 0 0 1mm 0; }
            """;
}
