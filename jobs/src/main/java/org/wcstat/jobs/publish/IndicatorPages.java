package org.wcstat.jobs.publish;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.catalog.Target;
import org.wcstat.core.stats.Printed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.wcstat.jobs.publish.Html.esc;

/**
 * Each indicator's own page in the web report, reached by its code as the page's hash ({@code report.html#C-H-03b}),
 * as Open SDG's indicator pages are: its series with the target line and the 95% interval, the year alone beside a
 * pooled value, every breakdown it is published by, its status and warnings, and its metadata. The pages are drawn
 * by report/indicator.js from the data here, inside the one offline file.
 */
final class IndicatorPages {
    private final YearbookTables tables;
    private final Labels labels;

    IndicatorPages(YearbookTables tables) {
        this.tables = tables;
        this.labels = tables.labels;
    }

    /** The search box over every indicator, and the empty page the script fills. */
    String section() {
        StringBuilder h = new StringBuilder("<section id=\"indicators\" aria-labelledby=\"indicators-h\"><h2 id=\"indicators-h\">")
                .append(esc(labels.text("指标页", "Indicator pages"))).append("</h2>\n<label for=\"indicator-search\">")
                .append(esc(labels.text("按代码或名称查找指标", "Find an indicator by code or name"))).append("</label>\n")
                .append("<input id=\"indicator-search\" type=\"search\" autocomplete=\"off\">\n<ul id=\"indicator-list\">\n");
        for (Catalog.Entry e : tables.catalog.entries()) {
            Indicator ind = e.indicator();
            h.append("<li data-search=\"").append(esc((ind.code() + " " + ind.nameZh() + " " + ind.nameEn()).toLowerCase(java.util.Locale.ROOT)))
                    .append("\"><a href=\"#").append(esc(ind.code())).append("\">").append(esc(ind.code())).append(" ")
                    .append(esc(labels.text(ind.nameZh(), ind.nameEn()))).append("</a></li>\n");
        }
        return h.append("</ul>\n</section>\n<section id=\"indicator-page\" aria-live=\"polite\"></section>\n").toString();
    }

    /** Per indicator code, what its page shows. */
    Map<String, Object> json() {
        List<Integer> years = tables.years();
        Map<String, Object> pages = new LinkedHashMap<>();
        for (Catalog.Entry e : tables.catalog.entries()) {
            Indicator ind = e.indicator();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", labels.text(ind.nameZh(), ind.nameEn()));
            p.put("unit", ind.unit());
            p.put("target", target(e.target()));
            List<YearbookTables.Line> trend = tables.trend(ind);
            Map<Integer, PublishedValue> total = trend.get(0).values();
            IndicatorStatus status = tables.status(ind.code());
            p.put("status", labels.text(status));
            p.put("statusCode", status.status());
            // the assessment's note quotes the series' figures: not where a value of it is withheld (as data/assessment)
            Map<Integer, PublishedValue> single = tables.singleYear(ind);
            boolean withheld = total.values().stream().anyMatch(PublishedValue::suppressed)
                    || single.values().stream().anyMatch(PublishedValue::suppressed);
            p.put("note", withheld && status.note() != null ? YearbookTables.withheldReason(tables.layout.disclosure().threshold()) : status.note());
            List<Map<String, Object>> lines = new ArrayList<>();
            for (YearbookTables.Line l : trend) lines.add(line(l.name(), l.values(), years, ind.decimals()));
            // the total's interval, where computed, drawn as a band around it
            lines.get(0).put("low", interval(total, years, ind.decimals(), true));
            lines.get(0).put("high", interval(total, years, ind.decimals(), false));
            p.put("lines", lines);
            p.put("pooled", ind.poolYears() > 1 ? labels.text(ind.poolYears() + "年合并值", ind.poolYears() + "-year pooled value") : null);
            p.put("single", single.isEmpty() ? null : line(labels.text("单年值", "single year"), single, years, ind.decimals()));
            List<Map<String, Object>> breakdowns = new ArrayList<>();
            for (YearbookTables.IndicatorBreakdown b : tables.breakdownsOf(ind)) {
                Map<String, Object> bd = new LinkedHashMap<>();
                bd.put("title", labels.text(b.title()));
                List<Map<String, Object>> rows = new ArrayList<>();
                for (YearbookTables.CategoryRow r : b.rows()) rows.add(line(r.name(), r.values(), years, ind.decimals()));
                bd.put("rows", rows);
                breakdowns.add(bd);
            }
            p.put("breakdowns", breakdowns);
            List<String> warnings = new ArrayList<>();
            for (YearbookTables.WarningRow w : tables.warnings) {
                if (w.indicatorName().equals(ind.nameZh())) {
                    warnings.add(labels.text(w.severity()) + "｜" + w.cell() + "｜" + w.kind().zh() + "：" + w.reason());
                }
            }
            p.put("warnings", warnings);
            p.put("meta", meta(e));
            pages.put(ind.code(), p);
        }
        return pages;
    }

    private Map<String, Object> target(Target t) {
        if (t == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", Labels.target(t));
        m.put("value", t.value());
        m.put("year", t.year());
        return m;
    }

    private List<List<String>> meta(Catalog.Entry e) {
        Indicator ind = e.indicator();
        List<List<String>> m = new ArrayList<>();
        add(m, labels.text("指标代码", "code"), ind.code());
        add(m, labels.text("定义", "definition"), ind.definition());
        add(m, labels.text("分子", "numerator"), ind.numerator());
        add(m, labels.text("分母", "denominator"), ind.denominator() == null ? null
                : ind.denominator() + (ind.factor() == null ? "" : " × " + Printed.text(ind.factor(), 0)));
        add(m, labels.text("单位", "unit"), ind.unit());
        add(m, labels.text("数据来源", "sources"), String.join("、", ind.sources()));
        add(m, labels.text("纲要原文", "the outline's words"), ind.planText());
        add(m, labels.text("评估方法", "how progress is judged"), labels.text(
                "按加拿大统计局及 Open SDG 的进展测度评估（docs/methods.md）", "the Statistics Canada / Open SDG progress measure (docs/methods.md)"));
        return m;
    }

    private static void add(List<List<String>> m, String label, String text) {
        if (text != null && !text.isBlank()) m.add(List.of(label, text));
    }

    static Map<String, Object> line(String name, Map<Integer, PublishedValue> byYear, List<Integer> years, int decimals) {
        List<Double> values = new ArrayList<>();
        for (int y : years) {
            PublishedValue v = byYear.get(y);
            values.add(v == null || v.value() == null ? null : Printed.round(v.value(), decimals));
        }
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("name", name);
        l.put("values", values);
        return l;
    }

    private static List<Double> interval(Map<Integer, PublishedValue> byYear, List<Integer> years, int decimals, boolean low) {
        List<Double> out = new ArrayList<>();
        boolean any = false;
        for (int y : years) {
            PublishedValue v = byYear.get(y);
            Double bound = v == null ? null : low ? v.ciLow() : v.ciHigh();
            any |= bound != null;
            out.add(bound == null ? null : Printed.round(bound, decimals));
        }
        return any ? out : null;
    }
}
