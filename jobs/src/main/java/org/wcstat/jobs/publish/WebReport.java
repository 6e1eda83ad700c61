package org.wcstat.jobs.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.config.YearbookLayout;
import org.wcstat.core.dimension.Dimension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.wcstat.jobs.publish.Html.esc;

/**
 * report.html: the monitoring report for the web, one self-contained file that works offline. Apache ECharts
 * is inlined from its WebJar. Every status is written in words on a coloured badge; every chart has a table
 * with its numbers; each indicator opens to its breakdowns by sex, age, residence and town.
 */
final class WebReport {
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/%s/echarts.min.js";
    private static final String ECHARTS_VERSION = "META-INF/maven/org.webjars/echarts/pom.properties";
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    /** The summary's order: best first, and what is not judged last. */
    private static final List<String> STATUS_ORDER = List.of("achieved", "on_track", "needs_acceleration",
            "limited_progress", "deterioration", "insufficient_data", IndicatorStatus.NOT_ASSESSED);

    private final YearbookLayout layout;
    private final Catalog catalog;
    private final Labels labels;
    private final YearbookTables tables;

    WebReport(YearbookLayout layout, Catalog catalog, Labels labels, Map<String, String> departmentNames) {
        this.layout = layout;
        this.catalog = catalog;
        this.labels = labels;
        this.tables = new YearbookTables(layout, labels, departmentNames);
    }

    void write(Path file, YearbookData data) throws IOException {
        Map<String, String> slots = new LinkedHashMap<>();
        String title = layout.titleZh() + "：" + data.year() + "年监测报告";
        slots.put("title", esc(title));
        slots.put("subtitle", labels.english() ? "<p lang=\"en\">" + esc(layout.titleEn() + ": monitoring report " + data.year()) + "</p>" : "");
        slots.put("style", resource("report/report.css"));
        slots.put("nav", nav());
        slots.put("main", summary(data) + keyCharts() + chapters(data) + warnings(data));
        slots.put("footer", esc("数据截至" + data.year() + "年。" + YearbookTables.SUPPRESSED + " 表示涉及少于"
                + layout.disclosure().threshold() + "例的小数，不予公布；" + YearbookTables.MISSING + " 表示无数据。"));
        slots.put("echarts", echarts());
        slots.put("data", json(data));
        slots.put("script", resource("report/report.js"));
        Files.writeString(file, fill(resource("report/report.html"), slots), StandardCharsets.UTF_8);
    }

    /** Fills the template's {{slots}} in one pass, so text put into one slot is never read as another. */
    static String fill(String template, Map<String, String> slots) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = slots.get(m.group(1));
            if (value == null) throw new IllegalStateException("report template slot {{" + m.group(1) + "}} has no content");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private List<YearbookLayout.Chapter> chapters() {
        return layout.chapters().stream().filter(c -> !tables.entries(catalog, c).isEmpty()).toList();
    }

    private String nav() {
        StringBuilder n = new StringBuilder("<ol>\n<li><a href=\"#summary\">").append(esc(labels.text("总体进展", "Progress at a glance")))
                .append("</a></li>\n");
        if (!layout.keyIndicatorsIn(catalog).isEmpty()) {
            n.append("<li><a href=\"#key\">").append(esc(labels.text("主要指标趋势", "Key trends"))).append("</a></li>\n");
        }
        for (YearbookLayout.Chapter ch : chapters()) {
            n.append("<li><a href=\"#").append(anchor(ch)).append("\">").append(esc(tables.chapterTitle(ch))).append("</a></li>\n");
        }
        return n.append("<li><a href=\"#warnings\">").append(esc(labels.text("监测预警", "Early warnings"))).append("</a></li>\n</ol>").toString();
    }

    private static String anchor(YearbookLayout.Chapter ch) {
        return ch.plan() + "-" + ch.area();
    }

    /** How many indicators reached each status: the year's picture in one line. */
    private String summary(YearbookData data) {
        Map<String, List<IndicatorStatus>> byStatus = new LinkedHashMap<>();
        for (String status : STATUS_ORDER) byStatus.put(status, new ArrayList<>());
        for (Catalog.Entry e : catalog.entries()) {
            IndicatorStatus s = data.status(e.code());
            byStatus.computeIfAbsent(s.status(), k -> new ArrayList<>()).add(s);
        }
        StringBuilder s = new StringBuilder("<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">")
                .append(esc(labels.text("总体进展", "Progress at a glance"))).append("</h2>\n<ul class=\"summary\">\n");
        for (List<IndicatorStatus> group : byStatus.values()) {
            if (group.isEmpty()) continue;
            s.append("<li>").append(tables.statusBadge(group.get(0))).append(" ")
                    .append(esc(labels.text(group.size() + "项", group.size() + (group.size() == 1 ? " indicator" : " indicators")))).append("</li>\n");
        }
        return s.append("</ul>\n</section>\n").toString();
    }

    private String keyCharts() {
        if (layout.keyIndicatorsIn(catalog).isEmpty()) return "";
        StringBuilder s = new StringBuilder("<section id=\"key\" aria-labelledby=\"key-h\"><h2 id=\"key-h\">")
                .append(esc(labels.text("主要指标趋势", "Key trends"))).append("</h2>\n<div class=\"charts\">\n");
        for (String code : layout.keyIndicatorsIn(catalog)) {
            Indicator ind = catalog.get(code).indicator();
            s.append("<figure>").append(chart(ind, "trend")).append("<figcaption>")
                    .append(esc(labels.text(ind.nameZh(), ind.nameEn()) + "（" + ind.unit() + "）"))
                    .append(" <a href=\"#row-").append(esc(code)).append("\">").append(esc(labels.text("数据表", "table")))
                    .append("</a></figcaption></figure>\n");
        }
        return s.append("</div>\n</section>\n").toString();
    }

    private String chart(Indicator ind, String kind) {
        String what = kind.equals("towns") ? labels.text("各乡镇", "by town") : labels.text("趋势", "trend");
        return "<div class=\"chart\" data-series=\"" + esc(ind.code()) + "\" data-kind=\"" + kind + "\" role=\"img\" aria-label=\""
                + esc(labels.text(ind.nameZh(), ind.nameEn()) + " " + what + "（数据见表）") + "\"></div>";
    }

    private String chapters(YearbookData data) {
        StringBuilder s = new StringBuilder();
        for (YearbookLayout.Chapter ch : chapters()) {
            List<Catalog.Entry> entries = tables.entries(catalog, ch);
            s.append("<section id=\"").append(anchor(ch)).append("\" aria-labelledby=\"").append(anchor(ch)).append("-h\"><h2 id=\"")
                    .append(anchor(ch)).append("-h\">").append(esc(tables.chapterTitle(ch))).append("</h2>\n")
                    .append(tables.chapterTable(ch, entries, data));
            for (Catalog.Entry e : entries) s.append(drillDown(e.indicator(), data));
            s.append(tables.footnotes(entries)).append("</section>\n");
        }
        return s.toString();
    }

    /** An indicator's trend and its breakdowns, behind a disclosure widget. */
    private String drillDown(Indicator ind, YearbookData data) {
        StringBuilder d = new StringBuilder("<details id=\"detail-").append(esc(ind.code())).append("\"><summary>")
                .append(esc(labels.text(ind.nameZh(), ind.nameEn()) + "：" + labels.text("趋势与分组", "trend and breakdowns")))
                .append("</summary>\n").append(chart(ind, "trend")).append("\n");
        if (ind.disaggregations().contains(Dimension.TOWN.catalogName()) && !data.breakdown(ind.code(), Dimension.TOWN).isEmpty()) {
            d.append(chart(ind, "towns")).append("\n");
        }
        boolean any = false;
        for (Dimension b : YearbookTables.BREAKDOWNS) {
            if (!ind.disaggregations().contains(b.catalogName())) continue;
            String table = tables.breakdownTable(ind, b, data);
            any |= !table.isEmpty();
            d.append(table);
        }
        if (!any) d.append("<p>").append(esc(labels.text("无分组数据。", "No breakdowns published."))).append("</p>\n");
        return d.append("</details>\n").toString();
    }

    private String warnings(YearbookData data) {
        return "<section id=\"warnings\" aria-labelledby=\"warnings-h\"><h2 id=\"warnings-h\">"
                + esc(labels.text("监测预警", "Early warnings")) + "</h2>\n" + tables.warningsTable(catalog, data) + "</section>\n";
    }

    /**
     * The numbers the charts draw, as JSON inside the page: per indicator the total and the sex lines by year,
     * and the towns in the year. A withheld value is null, drawn as a gap.
     */
    private String json(YearbookData data) {
        List<Integer> years = new ArrayList<>();
        for (int y = data.firstYear(); y <= data.year(); y++) years.add(y);
        Map<String, Object> series = new LinkedHashMap<>();
        for (Catalog.Entry e : catalog.entries()) {
            Indicator ind = e.indicator();
            List<Map<String, Object>> lines = new ArrayList<>();
            lines.add(line(labels.text("合计", "total"), data.totals(ind.code()), years));
            Map<String, Map<Integer, PublishedValue>> bySex = data.breakdown(ind.code(), Dimension.SEX);
            for (String sex : labels.ordered(Dimension.SEX, bySex)) {
                lines.add(line(labels.category(Dimension.SEX, sex), bySex.get(sex), years));
            }
            List<Map<String, Object>> towns = new ArrayList<>();
            Map<String, Map<Integer, PublishedValue>> byTown = data.breakdown(ind.code(), Dimension.TOWN);
            for (String town : labels.ordered(Dimension.TOWN, byTown)) {
                PublishedValue v = byTown.get(town).get(data.year());
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", labels.category(Dimension.TOWN, town));
                t.put("value", v == null ? null : v.value());
                towns.add(t);
            }
            series.put(ind.code(), Map.of("unit", ind.unit(), "lines", lines, "towns", towns));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("year", data.year());
        root.put("noData", labels.text("暂无数据", "no data"));
        root.put("years", years);
        root.put("series", series);
        try {
            // "<" escaped so that no string in the data can close the script element
            return new ObjectMapper().writeValueAsString(root).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> line(String name, Map<Integer, PublishedValue> byYear, List<Integer> years) {
        List<Double> values = new ArrayList<>();
        for (int y : years) {
            PublishedValue v = byYear.get(y);
            values.add(v == null ? null : v.value());
        }
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("name", name);
        l.put("values", values);
        return l;
    }

    /** Reads every resource the report is made from, so a broken build is found before a load, not after it. */
    static void checkTemplates() {
        for (String name : new String[]{"report/report.css", "report/report.js", "report/report.html"}) resource(name);
        echarts();
    }

    private static String echarts() {
        Properties version = new Properties();
        try (InputStream in = WebReport.class.getClassLoader().getResourceAsStream(ECHARTS_VERSION)) {
            if (in == null) throw new IllegalStateException("the ECharts WebJar is not on the class path (" + ECHARTS_VERSION + ")");
            version.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource(String.format(ECHARTS, version.getProperty("version")));
    }

    private static String resource(String name) {
        try (InputStream in = WebReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jobs jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
