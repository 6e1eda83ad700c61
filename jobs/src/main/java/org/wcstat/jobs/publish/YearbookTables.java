package org.wcstat.jobs.publish;

import org.wcstat.core.assess.Warning;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.config.YearbookLayout;
import org.wcstat.core.dimension.Dimension;

import java.util.List;
import java.util.Map;

import static org.wcstat.jobs.publish.Html.esc;

/**
 * The yearbook's tables as well-formed (X)HTML, shared by the printable yearbook and the web report: indicators
 * by year with target and status, the breakdowns, the early warnings and the footnotes. A status is always
 * written out in words; the class on it only adds colour.
 */
final class YearbookTables {
    static final String SUPPRESSED = YearbookWorkbook.SUPPRESSED;
    static final String MISSING = "—";
    /** The order of the breakdowns: the people's (sex, age, residence), then the places'. */
    static final List<Dimension> BREAKDOWNS = List.of(Dimension.SEX, Dimension.AGE, Dimension.RESIDENCE, Dimension.TOWN);

    private final YearbookLayout layout;
    private final Labels labels;
    private final Map<String, String> departmentNames;

    YearbookTables(YearbookLayout layout, Labels labels, Map<String, String> departmentNames) {
        this.layout = layout;
        this.labels = labels;
        this.departmentNames = departmentNames;
    }

    List<Catalog.Entry> entries(Catalog catalog, YearbookLayout.Chapter ch) {
        return catalog.entries().stream()
                .filter(e -> e.indicator().plan().equals(ch.plan()) && e.indicator().area().equals(ch.area())).toList();
    }

    String chapterTitle(YearbookLayout.Chapter ch) {
        return labels.text(ch.nameZh(), ch.nameEn());
    }

    /** A plan area's indicators (rows) by year, with unit, target and status. */
    String chapterTable(YearbookLayout.Chapter ch, List<Catalog.Entry> entries, YearbookData data) {
        StringBuilder t = new StringBuilder("<table class=\"indicators\">\n<caption>")
                .append(esc(chapterTitle(ch) + "：" + labels.text("主要监测指标", "monitoring indicators")
                        + "（" + data.firstYear() + "—" + data.year() + "年）"))
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(esc(labels.text("指标", "indicator")))
                .append("</th><th scope=\"col\">").append(esc(labels.text("单位", "unit")))
                .append("</th><th scope=\"col\">").append(esc(labels.text("2030年目标", "2030 target"))).append("</th>");
        for (int y = data.firstYear(); y <= data.year(); y++) t.append("<th scope=\"col\">").append(y).append("</th>");
        t.append("<th scope=\"col\">").append(esc(labels.text("评估状态", "status"))).append("</th></tr></thead>\n<tbody>\n");
        for (Catalog.Entry e : entries) {
            Indicator ind = e.indicator();
            t.append("<tr id=\"row-").append(esc(ind.code())).append("\"><th scope=\"row\">")
                    .append(esc(labels.text(ind.nameZh(), ind.nameEn()))).append("</th><td>").append(esc(ind.unit()))
                    .append("</td><td>").append(esc(Labels.target(e.target()))).append("</td>");
            yearCells(t, data.totals(ind.code()), data);
            t.append("<td>").append(statusBadge(data.status(ind.code()))).append("</td></tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    String statusBadge(IndicatorStatus s) {
        return "<span class=\"status status-" + esc(s.status()) + "\">" + esc(labels.text(s)) + "</span>";
    }

    /** One breakdown of one indicator: categories (rows) by year; empty when the warehouse has none. */
    String breakdownTable(Indicator ind, Dimension b, YearbookData data) {
        Map<String, Map<Integer, PublishedValue>> byCategory = data.breakdown(ind.code(), b);
        if (byCategory.isEmpty()) return "";
        StringBuilder t = new StringBuilder("<table class=\"breakdown\">\n<caption>")
                .append(esc(labels.text(ind.nameZh(), ind.nameEn()) + "，" + labels.text(b.titleZh(), b.titleEn())
                        + "（" + ind.unit() + "）"))
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(esc(labels.text("分组", "group"))).append("</th>");
        for (int y = data.firstYear(); y <= data.year(); y++) t.append("<th scope=\"col\">").append(y).append("</th>");
        t.append("</tr></thead>\n<tbody>\n");
        for (String category : labels.ordered(b, byCategory)) {
            t.append("<tr><th scope=\"row\">").append(esc(labels.category(b, category))).append("</th>");
            yearCells(t, byCategory.get(category), data);
            t.append("</tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    private void yearCells(StringBuilder t, Map<Integer, PublishedValue> series, YearbookData data) {
        for (int y = data.firstYear(); y <= data.year(); y++) {
            PublishedValue v = series.get(y);
            t.append("<td class=\"num\">").append(v == null || (!v.suppressed() && v.value() == null) ? MISSING
                    : v.suppressed() ? SUPPRESSED : Labels.number(v.value())).append("</td>");
        }
    }

    /** The year's early warnings; a warning on a withheld value keeps its kind but not its numbers. */
    String warningsTable(Catalog catalog, YearbookData data) {
        if (data.warnings().isEmpty()) {
            return "<p class=\"none\">" + esc(labels.text("本年度无预警或尚未评估。", "No early warnings this year, or not assessed yet.")) + "</p>\n";
        }
        StringBuilder t = new StringBuilder("<table class=\"warnings\">\n<caption>")
                .append(esc(labels.text(data.year() + "年监测预警", "Early warnings " + data.year())))
                .append("</caption>\n<thead><tr>");
        for (String h : List.of(labels.text("程度", "severity"), labels.text("指标", "indicator"),
                labels.text("地区及分组", "breakdown"), labels.text("预警类型", "kind"), labels.text("说明", "reason"))) {
            t.append("<th scope=\"col\">").append(esc(h)).append("</th>");
        }
        t.append("</tr></thead>\n<tbody>\n");
        for (Warning w : data.warnings()) {
            String name = catalog.entries().stream().filter(e -> e.code().equals(w.indicator())).findFirst()
                    .map(e -> e.indicator().nameZh()).orElse(w.indicator());
            String reason = data.concernsWithheldValue(w)
                    ? "涉及少于" + layout.disclosure().threshold() + "例的小数，详情不予公布。" : w.reason();
            t.append("<tr class=\"severity-").append(esc(w.severity().code())).append("\"><td>")
                    .append(esc(labels.text(w.severity()))).append("</td><th scope=\"row\">")
                    .append(esc(name)).append("</th><td>").append(esc(labels.cell(w.cell()))).append("</td><td>")
                    .append(esc(w.kind().zh())).append("</td><td>").append(esc(reason)).append("</td></tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    /** Definitions and sources of a chapter's indicators, and what the withheld mark means. */
    String footnotes(List<Catalog.Entry> entries) {
        StringBuilder t = new StringBuilder("<div class=\"notes\"><p>注：</p>\n<ol>\n");
        for (Catalog.Entry e : entries) {
            Indicator ind = e.indicator();
            String sources = String.join("、", ind.sources().stream().map(d -> departmentNames.getOrDefault(d, d)).toList());
            t.append("<li>").append(esc(ind.nameZh() + "：" + (ind.definition() == null ? "" : ind.definition().strip())
                    + " 资料来源：" + sources + "。")).append("</li>\n");
        }
        t.append("</ol>\n<p>").append(esc(SUPPRESSED + " 表示数值涉及少于" + layout.disclosure().threshold()
                + "例的小数，为保护个人信息不予公布；" + MISSING + " 表示无数据。")).append("</p></div>\n");
        return t.toString();
    }
}
