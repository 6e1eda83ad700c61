package org.wcstat.jobs.publish;

import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.jobs.publish.EvaluationTables.AreaSummary;
import org.wcstat.jobs.publish.EvaluationTables.AreaWarnings;
import org.wcstat.jobs.publish.EvaluationTables.IndicatorRow;
import org.wcstat.jobs.publish.EvaluationTables.Outline;
import org.wcstat.jobs.publish.YearbookTables.Heading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.wcstat.jobs.publish.Html.esc;

/**
 * The evaluation's tables as well-formed (X)HTML, for evaluation.pdf and the chapter of report.html alike;
 * the PDF adds {@link #statusBars} as its chart, the web page draws its own with ECharts.
 */
final class EvaluationHtml {
    /** The width of a bar for the area with the most indicators, in CSS pixels. */
    private static final int BAR_WIDTH = 240;
    private static final int BAR_HEIGHT = 12;

    private final EvaluationTables t;
    private final Labels labels;

    EvaluationHtml(EvaluationTables tables) {
        this.t = tables;
        this.labels = tables.labels;
    }

    private String text(Heading h) {
        return labels.text(h);
    }

    /** The outline's summary in one sentence, e.g. 41项量化指标中34项已实现或进展顺利. */
    String summary(Outline o) {
        return "<p class=\"evaluation-summary\">" + esc(labels.text(o.name().zh() + "：" + o.whole().area().summaryZh(),
                o.name().en() + ": " + o.whole().area().summaryEn())) + "</p>\n";
    }

    /**
     * Every area's indicators by status, the outline's total last: the numbers the chart draws.
     *
     * @param sentences whether each row ends with its summary sentence (the PDF has them beside its bars)
     */
    String summaryTable(Outline o, boolean sentences) {
        StringBuilder h = new StringBuilder("<table class=\"evaluation-areas\">\n<caption>")
                .append(esc(labels.text(o.name().zh() + EvaluationTables.BY_AREA.zh(), o.name().en() + ": " + EvaluationTables.BY_AREA.en())))
                .append("</caption>\n<thead><tr>");
        List<String> heads = new ArrayList<>(List.of(text(EvaluationTables.AREA), labels.text("评估指标", "indicators"),
                labels.text("量化指标", "quantified")));
        for (ProgressStatus s : t.statuses) heads.add(labels.text(s));
        if (sentences) heads.add(labels.text("小结", "summary"));
        for (String head : heads) h.append("<th scope=\"col\">").append(esc(head)).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        List<AreaSummary> rows = new ArrayList<>(o.areas());
        rows.add(o.whole());
        for (AreaSummary a : rows) {
            h.append(a == o.whole() ? "<tr class=\"total\">" : "<tr>").append("<th scope=\"row\">").append(esc(text(a.name())))
                    .append("</th><td class=\"num\">").append(a.area().indicators()).append("</td><td class=\"num\">")
                    .append(a.area().quantified()).append("</td>");
            for (ProgressStatus s : t.statuses) h.append("<td class=\"num\">").append(a.area().count(s)).append("</td>");
            if (sentences) h.append("<td>").append(esc(labels.text(a.area().summaryZh(), a.area().summaryEn()))).append("</td>");
            h.append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    /**
     * The PDF's status chart: per area a bar of its indicators, one segment per status, drawn as inline SVG (vector
     * graphics); the names stay in the table's text, set in the embedded font.
     */
    String statusBars(Outline o) {
        int most = o.areas().stream().mapToInt(a -> a.area().indicators()).max().orElse(0);
        StringBuilder h = new StringBuilder("<table class=\"evaluation-chart\">\n<caption>")
                .append(esc(labels.text(o.name().zh() + "各领域指标评估状态", o.name().en() + ": indicators by status and area")))
                .append("</caption>\n<tbody>\n");
        for (AreaSummary a : o.areas()) {
            h.append("<tr><th scope=\"row\">").append(esc(text(a.name()))).append("</th><td class=\"bar\">")
                    .append(bar(a, most)).append("</td><td>").append(esc(labels.text(a.area().summaryZh(), a.area().summaryEn())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<table class=\"legend\"><tbody><tr>");
        for (ProgressStatus s : t.statuses) {
            h.append("<td><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\">")
                    .append("<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" fill=\"").append(StatusColours.of(s.code()))
                    .append("\"/></svg></td><td>").append(esc(labels.text(s))).append("</td>");
        }
        return h.append("</tr></tbody></table>\n").toString();
    }

    private String bar(AreaSummary a, int most) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(BAR_WIDTH)
                .append("\" height=\"").append(BAR_HEIGHT).append("\" viewBox=\"0 0 ").append(BAR_WIDTH).append(' ')
                .append(BAR_HEIGHT).append("\">");
        double x = 0;
        for (ProgressStatus s : t.statuses) {
            int n = a.area().count(s);
            if (n == 0 || most == 0) continue;
            double w = (double) BAR_WIDTH * n / most;
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"0\" width=\"").append(fmt(w)).append("\" height=\"")
                    .append(BAR_HEIGHT).append("\" fill=\"").append(StatusColours.of(s.code()))
                    .append("\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>");
            x += w;
        }
        return svg.append("</svg>").toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** 指标完成情况表: the quantified indicators, area by area. */
    String completionTable(Outline o) {
        if (o.quantified().isEmpty()) return "";
        List<Heading> heads = List.of(YearbookTables.INDICATOR, YearbookTables.UNIT, EvaluationTables.BASELINE, t.valueHeading(),
                EvaluationTables.TARGET, EvaluationTables.TARGET_YEAR, YearbookTables.STATUS, EvaluationTables.ANTICIPATED,
                EvaluationTables.MEETS, EvaluationTables.REASON);
        StringBuilder h = open("evaluation-completion", labels.text(o.name().zh() + EvaluationTables.COMPLETION.zh(),
                o.name().en() + ": " + EvaluationTables.COMPLETION.en().toLowerCase(Locale.ROOT)), heads);
        Heading area = null;
        for (IndicatorRow r : o.quantified()) {
            if (!r.area().equals(area)) {
                area = r.area();
                h.append("<tr class=\"area\"><th scope=\"rowgroup\" colspan=\"").append(heads.size()).append("\">")
                        .append(esc(text(area))).append("</th></tr>\n");
            }
            EvaluationData.Judged j = r.judged();
            h.append("<tr>").append(name(r.indicator())).append(cell(r.indicator().unit()))
                    .append(num(t.baseline(r))).append(num(t.figure(r, j == null ? null : j.currentValue())))
                    .append(cell(Labels.target(r.entry().target()))).append(cell(t.targetYear(r)))
                    .append("<td>").append(HtmlTables.statusBadge(labels, r.status())).append("</td>")
                    .append(num(t.figure(r, j == null ? null : j.anticipated2030()))).append(cell(t.meets(r)))
                    .append(reason(r)).append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    /** The goals that set a direction only (提高, 降低), with their trend. */
    String directionTable(Outline o) {
        if (o.directions().isEmpty()) return "";
        List<Heading> heads = List.of(YearbookTables.INDICATOR, YearbookTables.UNIT, EvaluationTables.DIRECTION,
                EvaluationTables.BASELINE, t.valueHeading(), EvaluationTables.TREND, YearbookTables.STATUS, EvaluationTables.REASON);
        StringBuilder h = open("evaluation-directions", labels.text(o.name().zh() + EvaluationTables.DIRECTIONS.zh(),
                o.name().en() + ": " + EvaluationTables.DIRECTIONS.en().toLowerCase(Locale.ROOT)), heads);
        for (IndicatorRow r : o.directions()) {
            EvaluationData.Judged j = r.judged();
            h.append("<tr>").append(name(r.indicator())).append(cell(r.indicator().unit()))
                    .append(cell(Labels.target(r.entry().target()))).append(num(t.baseline(r)))
                    .append(num(t.figure(r, j == null ? null : j.currentValue()))).append(cell(t.trend(r.trend())))
                    .append("<td>").append(HtmlTables.statusBadge(labels, r.status())).append("</td>").append(reason(r))
                    .append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    /** Every indicator with a target that could not be judged, and why: none is left out. */
    String unjudgedTable(Outline o) {
        if (o.unjudged().isEmpty()) {
            return "<p class=\"none\">" + esc(labels.text("所有指标均已评估。", "Every indicator could be judged.")) + "</p>\n";
        }
        List<Heading> heads = List.of(EvaluationTables.AREA, YearbookTables.INDICATOR, YearbookTables.STATUS, EvaluationTables.REASON);
        StringBuilder h = open("evaluation-unjudged", labels.text(o.name().zh() + EvaluationTables.UNJUDGED.zh()
                + "（" + o.unjudged().size() + "项）", o.name().en() + ": " + EvaluationTables.UNJUDGED.en().toLowerCase(Locale.ROOT)
                + " (" + o.unjudged().size() + ")"), heads);
        for (IndicatorRow r : o.unjudged()) {
            h.append("<tr>").append(cell(text(r.area()))).append(name(r.indicator())).append("<td>")
                    .append(HtmlTables.statusBadge(labels, r.status())).append("</td>").append(reason(r)).append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    /** The outline's goals no indicator measures, each with why; nothing when every goal is measured. */
    String unmeasuredTable(Outline o) {
        if (o.unmeasured().isEmpty()) return "";
        List<Heading> heads = List.of(EvaluationTables.AREA, YearbookTables.INDICATOR, EvaluationTables.GOAL, EvaluationTables.REASON);
        StringBuilder h = open("evaluation-unmeasured", labels.text(o.name().zh() + EvaluationTables.UNMEASURED.zh()
                + "（" + o.unmeasured().size() + "项）", o.name().en() + ": " + EvaluationTables.UNMEASURED.en().toLowerCase(Locale.ROOT)
                + " (" + o.unmeasured().size() + ")"), heads);
        for (EvaluationTables.Unmeasured u : o.unmeasured()) {
            h.append("<tr>").append(cell(text(u.area()))).append("<th scope=\"row\">").append(esc(u.goal().quantity())).append("</th>")
                    .append(cell(u.goal().text())).append(cell(u.goal().omitted())).append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    /** The evaluation year's warnings of high and medium severity, area by area; the low ones counted. */
    String warnings(Outline o) {
        StringBuilder h = new StringBuilder();
        if (o.warnings().isEmpty()) {
            h.append("<p class=\"none\">").append(esc(labels.text("无需采取措施的预警。", "No warning calls for action."))).append("</p>\n");
        }
        for (AreaWarnings w : o.warnings()) {
            h.append(HtmlTables.warningsTable(labels, text(w.area()) + "（" + w.warnings().size() + "）", w.warnings()));
        }
        if (o.lowWarnings() > 0) {
            h.append("<p class=\"notes\">").append(esc(labels.text("另有" + o.lowWarnings() + "条低级别预警（如往年数据缺失）未列出，见"
                    + t.year + "年发布的 data/warnings。", o.lowWarnings() + " low-severity warnings (such as earlier years without data)"
                    + " are not listed; see data/warnings of the " + t.year + " release."))).append("</p>\n");
        }
        return h.toString();
    }

    String methods() {
        return "<p class=\"methods\">" + esc(labels.text(t.methods())) + "</p>\n";
    }

    private StringBuilder open(String cls, String caption, List<Heading> heads) {
        StringBuilder h = new StringBuilder("<table class=\"").append(cls).append("\">\n<caption>").append(esc(caption))
                .append("</caption>\n<thead><tr>");
        for (Heading head : heads) h.append("<th scope=\"col\">").append(esc(text(head))).append("</th>");
        return h.append("</tr></thead>\n<tbody>\n");
    }

    private String name(Indicator ind) {
        return "<th scope=\"row\">" + esc(labels.text(ind.nameZh(), ind.nameEn())) + "</th>";
    }

    private static String cell(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    private static String num(String text) {
        return "<td class=\"num\">" + esc(text) + "</td>";
    }

    private String reason(IndicatorRow r) {
        String why = r.reason(t.threshold);
        return "<td class=\"reason\">" + esc(why == null ? "" : why) + "</td>";
    }
}
