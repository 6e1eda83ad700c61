package org.wcstat.jobs.publish;

import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.jobs.publish.YearbookTables.ChapterTable;
import org.wcstat.jobs.publish.YearbookTables.Footnotes;
import org.wcstat.jobs.publish.YearbookTables.IndicatorBreakdown;
import org.wcstat.jobs.publish.YearbookTables.IndicatorRow;
import org.wcstat.jobs.publish.YearbookTables.WarningRow;

import java.util.List;
import java.util.Map;

import static org.wcstat.jobs.publish.Html.esc;

/**
 * The yearbook's tables as well-formed (X)HTML, for the printable yearbook and the web report alike. Headings
 * carry the English after the Chinese when the yearbook is bilingual. A status is always written out in words;
 * the class on it only adds colour.
 */
final class HtmlTables {
    private final YearbookTables tables;
    private final Labels labels;

    HtmlTables(YearbookTables tables) {
        this.tables = tables;
        this.labels = tables.labels;
    }

    String chapterTitle(ChapterTable ch) {
        return labels.text(ch.title());
    }

    /** A plan area's indicators (rows) by year, with unit, target and status; nothing when the county monitors none. */
    String chapterTable(ChapterTable ch) {
        if (ch.rows().isEmpty()) return "";
        StringBuilder t = new StringBuilder("<table class=\"indicators\">\n<caption>")
                .append(esc(chapterTitle(ch) + "：" + labels.text(YearbookTables.MONITORING_INDICATORS) + tables.yearSpan()))
                .append("</caption>\n<thead><tr>");
        for (YearbookTables.Heading h : List.of(YearbookTables.INDICATOR, YearbookTables.UNIT, tables.targetHeading())) {
            t.append("<th scope=\"col\">").append(esc(labels.text(h))).append("</th>");
        }
        for (int y : tables.years()) t.append("<th scope=\"col\">").append(y).append("</th>");
        t.append("<th scope=\"col\">").append(esc(labels.text(YearbookTables.STATUS))).append("</th></tr></thead>\n<tbody>\n");
        for (IndicatorRow r : ch.rows()) {
            Indicator ind = r.indicator();
            t.append("<tr id=\"row-").append(esc(ind.code())).append("\"><th scope=\"row\">")
                    .append(esc(labels.text(ind.nameZh(), ind.nameEn()))).append("</th><td>").append(esc(ind.unit()))
                    .append("</td><td>").append(esc(Labels.target(r.entry().target()))).append("</td>");
            yearCells(t, r.values(), ind);
            t.append("<td>").append(statusBadge(r.status())).append("</td></tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    String statusBadge(IndicatorStatus s) {
        return statusBadge(labels, s);
    }

    static String statusBadge(Labels labels, IndicatorStatus s) {
        return "<span class=\"status status-" + esc(s.status()) + "\">" + esc(labels.text(s)) + "</span>";
    }

    /** One breakdown of one indicator: categories (rows) by year; empty when the warehouse has none. */
    String breakdownTable(IndicatorBreakdown b) {
        if (b.rows().isEmpty()) return "";
        Indicator ind = b.indicator();
        StringBuilder t = new StringBuilder("<table class=\"breakdown\">\n<caption>")
                .append(esc(labels.text(ind.nameZh(), ind.nameEn()) + "，" + labels.text(b.title())
                        + "（" + ind.unit() + "）"))
                .append("</caption>\n<thead><tr><th scope=\"col\" class=\"group\">").append(esc(labels.text(YearbookTables.GROUP))).append("</th>");
        for (int y : tables.years()) t.append("<th scope=\"col\">").append(y).append("</th>");
        t.append("</tr></thead>\n<tbody>\n");
        for (YearbookTables.CategoryRow r : b.rows()) {
            t.append("<tr><th scope=\"row\">").append(esc(r.name())).append("</th>");
            yearCells(t, r.values(), ind);
            t.append("</tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    private void yearCells(StringBuilder t, Map<Integer, PublishedValue> series, Indicator ind) {
        for (int y : tables.years()) {
            PublishedValue v = series.get(y);
            t.append("<td class=\"num\">").append(v == null || (!v.suppressed() && v.value() == null) ? YearbookTables.MISSING
                    : v.suppressed() ? YearbookTables.WITHHELD : Labels.number(v.value(), ind)).append("</td>");
        }
    }

    /** The year's early warnings. */
    String warningsTable() {
        if (tables.warnings.isEmpty()) {
            return "<p class=\"none\">" + esc(labels.text("本年度无预警或尚未评估。", "No early warnings this year, or not assessed yet.")) + "</p>\n";
        }
        return warningsTable(labels, labels.text(tables.year + "年监测预警", "Early warnings " + tables.year), tables.warnings);
    }

    /** A list of early warnings under a caption, the most severe first as they come. */
    static String warningsTable(Labels labels, String caption, List<WarningRow> warnings) {
        StringBuilder t = new StringBuilder("<table class=\"warnings\">\n<caption>")
                .append(esc(caption))
                .append("</caption>\n<thead><tr>");
        for (String h : List.of(labels.text("程度", "severity"), labels.text(YearbookTables.INDICATOR),
                labels.text("地区及分组", "breakdown"), labels.text("预警类型", "kind"), labels.text("说明", "reason"))) {
            t.append("<th scope=\"col\">").append(esc(h)).append("</th>");
        }
        t.append("</tr></thead>\n<tbody>\n");
        for (WarningRow w : warnings) {
            t.append("<tr class=\"severity-").append(esc(w.severity().code())).append("\"><td>")
                    .append(esc(labels.text(w.severity()))).append("</td><th scope=\"row\">")
                    .append(esc(w.indicatorName())).append("</th><td>").append(esc(w.cell())).append("</td><td>")
                    .append(esc(w.kind().zh())).append("</td><td>").append(esc(w.reason())).append("</td></tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    /** 修订说明: what the revision changed from the one it supersedes, one row per published value. */
    String revisionTable(RevisionNote note) {
        String zh = "第" + note.toRevision + "版与第" + note.fromRevision + "版相比的变化";
        String en = "Changes in revision " + note.toRevision + " from revision " + note.fromRevision;
        if (note.entries.isEmpty()) {
            return "<p class=\"none\">" + esc(labels.text(zh + "：公布的数值没有变化。", en + ": no published value changed.")) + "</p>\n";
        }
        String caption = labels.text(zh, en);
        StringBuilder t = new StringBuilder("<table class=\"revisions\">\n<caption>").append(esc(caption)).append("</caption>\n<thead><tr>");
        for (String h : List.of(labels.text(YearbookTables.INDICATOR), labels.text("年份", "year"), labels.text("地区及分组", "breakdown"),
                labels.text("变化", "change"), labels.text("原值", "before"), labels.text("现值", "after"), labels.text("差值", "difference"),
                labels.text("依据的新数据", "new loads behind it"))) {
            t.append("<th scope=\"col\">").append(esc(h)).append("</th>");
        }
        t.append("</tr></thead>\n<tbody>\n");
        for (RevisionNote.Entry e : note.entries) {
            RevisionNote.Printed c = e.cell();
            String cell = labels.cell(new CellKey(c.region(), c.sex(), c.ageBand(), c.residence()))
                    + (c.pooledYears() > 1 ? labels.text("（" + c.pooledYears() + "年合并）", " (" + c.pooledYears() + "-year)") : "");
            t.append("<tr class=\"change-").append(esc(e.change().code())).append("\"><th scope=\"row\">")
                    .append(esc(tables.indicatorName(c.indicator()))).append("</th><td>").append(c.year()).append("</td><td>")
                    .append(esc(cell)).append("</td><td>").append(esc(labels.text(e.change()))).append("</td><td class=\"num\">")
                    .append(esc(e.beforeShown())).append("</td><td class=\"num\">").append(esc(e.afterShown()))
                    .append("</td><td class=\"num\">").append(e.difference() == null ? "" : esc(CsvFiles.text(e.difference())))
                    .append("</td><td>").append(esc(String.join("；", e.loads()))).append("</td></tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    /** A chapter's notes; of a chapter whose indicators the county does not monitor, what they are and why, with no table's legend. */
    String chapterNotes(ChapterTable ch) {
        if (!ch.rows().isEmpty()) return footnotes(ch.footnotes());
        StringBuilder t = new StringBuilder("<div class=\"notes\"><p>").append(esc(labels.text(YearbookTables.NONE_MONITORED))).append("</p>\n<ol>\n");
        for (String d : ch.footnotes().definitions()) t.append("<li>").append(esc(d)).append("</li>\n");
        return t.append("</ol></div>\n").toString();
    }

    /** Definitions and sources of a table's indicators, and what the marks mean. */
    String footnotes(Footnotes notes) {
        StringBuilder t = new StringBuilder("<div class=\"notes\"><p>注：</p>\n<ol>\n");
        for (String d : notes.definitions()) t.append("<li>").append(esc(d)).append("</li>\n");
        t.append("</ol>\n<p>").append(esc(notes.withheld() + "；" + notes.missing() + "。")).append("</p></div>\n");
        return t.toString();
    }
}
