package org.wcstat.jobs.publish;

import com.openhtmltopdf.util.XRLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;

import static org.wcstat.jobs.publish.Html.esc;

/**
 * evaluation.pdf: the outlines' mid-term or final evaluation as a printable report of its own, A4 landscape (room for
 * the completion table's ten columns), laid out as
 * XHTML and printed by openhtmltopdf as the yearbook is, with the same embedded fonts; the status charts are
 * inline SVG, which Batik draws into the PDF as vector graphics.
 */
final class EvaluationPdf implements YearbookRenderer {
    static final String FILE = "evaluation.pdf";

    static {
        for (String logger : XRLog.listRegisteredLoggers()) XRLog.setLevel(logger, Level.WARNING);
    }

    private final PdfFonts fonts;

    EvaluationPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    @Override
    public String fileName() {
        return FILE;
    }

    /** Writes nothing for a release without an evaluation. */
    @Override
    public void write(Path file, YearbookTables tables) throws IOException {
        if (tables.evaluation().isEmpty()) return;
        fonts.print(file, xhtml(tables.evaluation().get()));
    }

    static String xhtml(EvaluationTables t) {
        Labels labels = t.labels;
        EvaluationHtml html = new EvaluationHtml(t);
        String title = t.reportTitle().zh();
        StringBuilder h = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/>
                """);
        h.append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        if (labels.english()) h.append("<p class=\"subtitle\">").append(esc(t.reportTitle().en())).append("</p>\n");
        h.append("<p class=\"basis\">").append(esc(labels.text(t.basis()))).append("</p>\n");
        for (EvaluationTables.Outline o : t.outlines) {
            h.append("<h2>").append(esc(labels.text(o.name()))).append("</h2>\n<p>").append(esc(labels.text(o.whole().area().summaryZh(),
                    o.whole().area().summaryEn()))).append("</p>\n");
            h.append(html.statusBars(o)).append(html.summaryTable(o, false));
        }
        for (EvaluationTables.Outline o : t.outlines) {
            h.append("<div class=\"chapter\"><h2>").append(esc(labels.text(o.name()) + "：" + labels.text(EvaluationTables.COMPLETION)))
                    .append("</h2>\n").append(html.completionTable(o)).append(html.directionTable(o)).append("</div>\n");
        }
        h.append("<div class=\"chapter\"><h2>").append(esc(labels.text(EvaluationTables.UNJUDGED))).append("</h2>\n");
        for (EvaluationTables.Outline o : t.outlines) h.append(html.unjudgedTable(o)).append(html.unmeasuredTable(o));
        h.append("</div>\n<div class=\"chapter\"><h2>").append(esc(labels.text(EvaluationTables.ACTIONS))).append("</h2>\n");
        for (EvaluationTables.Outline o : t.outlines) {
            h.append("<h3>").append(esc(labels.text(o.name()))).append("</h3>\n").append(html.warnings(o));
        }
        h.append("</div>\n<h2>").append(esc(labels.text(EvaluationTables.METHODS))).append("</h2>\n").append(html.methods())
                .append("<p class=\"notes\">").append(esc(YearbookTables.WITHHELD + " 表示涉及少于" + t.threshold
                        + "例的小数，不予公布；" + YearbookTables.MISSING + " 表示无数据。")).append("</p>\n</body></html>\n");
        return h.toString();
    }

    private static final String STYLE = """
            @page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
            body { font-family: yearbook, yearbook-symbols; font-size: 8.5pt; }
            h1 { font-size: 18pt; margin-top: 6mm; text-align: center; }
            .subtitle { text-align: center; font-size: 11pt; }
            .basis { text-align: center; }
            .chapter { page-break-before: always; }
            h2 { font-size: 13pt; }
            h3 { font-size: 10.5pt; }
            table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; -fs-table-paginate: paginate; }
            caption { text-align: left; font-weight: bold; padding: 1mm 0; }
            th, td { border: 0.5pt solid #888; padding: 0.8mm 1.2mm; vertical-align: top; }
            thead th { background: #eeeeee; }
            tbody th { text-align: left; font-weight: normal; }
            tr.area th { font-weight: bold; background: #f5f5f5; }
            tr.total th, tr.total td { font-weight: bold; }
            td.num { text-align: right; }
            td.reason { font-size: 7pt; width: 30%; }
            table.evaluation-completion tbody th, table.evaluation-directions tbody th { width: 18%; }
            tr { page-break-inside: avoid; }
            table.evaluation-chart th, table.evaluation-chart td { border: none; vertical-align: middle; }
            table.evaluation-chart td.bar { width: 66mm; }
            table.legend { width: auto; }
            table.legend td { border: none; padding: 0 1mm; vertical-align: middle; }
            .status { font-weight: bold; }
            .status-achieved, .status-on_track { color: #1b5e20; }
            .status-needs_acceleration, .status-limited_progress { color: #8a4b00; }
            .status-deterioration { color: #b71c1c; }
            .notes, .methods { font-size: 7.5pt; }
            """;
}
