package org.wcstat.jobs.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.stats.Printed;
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
final class WebReport implements YearbookRenderer {
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/%s/echarts.min.js";
    private static final String ECHARTS_VERSION = "META-INF/maven/org.webjars/echarts/pom.properties";
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    private static final YearbookTables.Heading SUMMARY = new YearbookTables.Heading("总体进展", "Progress at a glance");
    private static final YearbookTables.Heading KEY_TRENDS = new YearbookTables.Heading("主要指标趋势", "Key trends");

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public void write(Path file, YearbookTables tables) throws IOException {
        Page page = new Page(tables);
        Map<String, String> slots = new LinkedHashMap<>();
        YearbookLayout layout = tables.layout;
        String title = layout.titleZh() + "：" + tables.year + "年监测报告";
        slots.put("title", esc(title));
        slots.put("subtitle", tables.labels.english() ? "<p lang=\"en\">" + esc(layout.titleEn() + ": monitoring report " + tables.year) + "</p>" : "");
        // the evaluation's style and charts only where there is one, so the other years' reports stay as they were
        boolean evaluation = tables.evaluation().isPresent();
        slots.put("style", resource("report/report.css") + resource("report/indicator.css") + (evaluation ? resource("report/evaluation.css") : ""));
        slots.put("nav", page.nav());
        slots.put("main", page.summary() + page.evaluation() + page.keyCharts() + page.chapters() + page.warnings() + page.revision()
                + new IndicatorPages(tables).section());
        slots.put("footer", esc("数据截至" + tables.year + "年。" + YearbookTables.WITHHELD + " 表示涉及少于"
                + layout.disclosure().threshold() + "例的小数，不予公布；" + YearbookTables.MISSING + " 表示无数据。"));
        slots.put("echarts", echarts());
        slots.put("data", page.json());
        slots.put("script", resource("report/report.js") + resource("report/indicator.js") + (evaluation ? resource("report/evaluation.js") : ""));
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

    /** The page's parts, from one set of tables. */
    private static final class Page {
        private final YearbookTables tables;
        private final Labels labels;
        private final HtmlTables html;

        Page(YearbookTables tables) {
            this.tables = tables;
            this.labels = tables.labels;
            this.html = new HtmlTables(tables);
        }

        String nav() {
            StringBuilder n = new StringBuilder("<ol>\n<li><a href=\"#summary\">").append(esc(labels.text(SUMMARY)))
                    .append("</a></li>\n");
            tables.evaluation().ifPresent(e -> n.append("<li><a href=\"#evaluation\">").append(esc(labels.text(e.title())))
                    .append("</a></li>\n"));
            if (!tables.keyIndicators().isEmpty()) {
                n.append("<li><a href=\"#key\">").append(esc(labels.text(KEY_TRENDS))).append("</a></li>\n");
            }
            for (YearbookTables.ChapterTable ch : tables.chapters) {
                n.append("<li><a href=\"#").append(anchor(ch)).append("\">").append(esc(html.chapterTitle(ch))).append("</a></li>\n");
            }
            n.append("<li><a href=\"#warnings\">").append(esc(labels.text(YearbookTables.WARNINGS))).append("</a></li>\n");
            n.append("<li><a href=\"#indicators\">").append(esc(labels.text("指标页", "Indicator pages"))).append("</a></li>\n");
            if (tables.revision().isPresent()) {
                n.append("<li><a href=\"#revisions\">").append(esc(labels.text(RevisionNote.TITLE_ZH, RevisionNote.TITLE_EN))).append("</a></li>\n");
            }
            return n.append("</ol>").toString();
        }

        /** How many indicators reached each status, best first and what is not judged last: the year's picture in one line. */
        String summary() {
            Map<String, List<IndicatorStatus>> byStatus = new LinkedHashMap<>();
            for (ProgressStatus status : ProgressStatus.values()) byStatus.put(status.code(), new ArrayList<>());
            byStatus.put(IndicatorStatus.NOT_ASSESSED, new ArrayList<>());
            for (Catalog.Entry e : tables.catalog.entries()) {
                IndicatorStatus s = tables.status(e.code());
                byStatus.computeIfAbsent(s.status(), k -> new ArrayList<>()).add(s);
            }
            StringBuilder s = new StringBuilder("<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">")
                    .append(esc(labels.text(SUMMARY))).append("</h2>\n<ul class=\"summary\">\n");
            for (List<IndicatorStatus> group : byStatus.values()) {
                if (group.isEmpty()) continue;
                s.append("<li>").append(html.statusBadge(group.get(0))).append(" ")
                        .append(esc(labels.text(group.size() + "项", group.size() + (group.size() == 1 ? " indicator" : " indicators")))).append("</li>\n");
            }
            return s.append("</ul>\n</section>\n").toString();
        }

        /**
         * The outlines' evaluation, in an evaluation year and the years after it: per outline its summary, its
         * areas' statuses as a chart with their table, and the evaluation's tables.
         */
        String evaluation() {
            if (tables.evaluation().isEmpty()) return "";
            EvaluationTables e = tables.evaluation().get();
            EvaluationHtml html = new EvaluationHtml(e);
            StringBuilder s = new StringBuilder("<section id=\"evaluation\" aria-labelledby=\"evaluation-h\"><h2 id=\"evaluation-h\">")
                    .append(esc(labels.text(e.title()))).append("</h2>\n<p>").append(esc(labels.text(e.basis())))
                    .append(" ").append(esc(labels.text("可打印的评估报告：", "The printable report: "))).append("<a href=\"")
                    .append(EvaluationPdf.FILE).append("\">").append(EvaluationPdf.FILE).append("</a></p>\n");
            for (EvaluationTables.Outline o : e.outlines) {
                String chart = labels.text(o.name().zh() + "各领域指标评估状态", o.name().en() + ": indicators by status and area");
                s.append("<h3 id=\"evaluation-").append(esc(o.plan())).append("\">").append(esc(labels.text(o.name()))).append("</h3>\n")
                        .append(html.summary(o)).append("<figure><div class=\"chart evaluation\" data-kind=\"evaluation\" data-plan=\"")
                        .append(esc(o.plan())).append("\" role=\"img\" aria-label=\"").append(esc(chart + "（数据见表）")).append("\"></div>")
                        .append("<figcaption>").append(esc(chart)).append("</figcaption></figure>\n")
                        .append(html.summaryTable(o, true)).append(html.completionTable(o)).append(html.directionTable(o))
                        .append(html.unjudgedTable(o)).append(html.unmeasuredTable(o)).append("<h4>").append(esc(labels.text(o.name().zh() + EvaluationTables.ACTIONS.zh(),
                                o.name().en() + ": " + EvaluationTables.ACTIONS.en().toLowerCase(java.util.Locale.ROOT)))).append("</h4>\n")
                        .append(html.warnings(o));
            }
            return s.append("<h3>").append(esc(labels.text(EvaluationTables.METHODS))).append("</h3>\n").append(html.methods())
                    .append("</section>\n").toString();
        }

        String keyCharts() {
            if (tables.keyIndicators().isEmpty()) return "";
            StringBuilder s = new StringBuilder("<section id=\"key\" aria-labelledby=\"key-h\"><h2 id=\"key-h\">")
                    .append(esc(labels.text(KEY_TRENDS))).append("</h2>\n<div class=\"charts\">\n");
            for (Indicator ind : tables.keyIndicators()) {
                s.append("<figure>").append(chart(ind, "trend")).append("<figcaption>")
                        .append(esc(labels.text(ind.nameZh(), ind.nameEn()) + "（" + ind.unit() + "）"))
                        .append(" <a href=\"#row-").append(esc(ind.code())).append("\">").append(esc(labels.text("数据表", "table")))
                        .append("</a></figcaption></figure>\n");
            }
            return s.append("</div>\n</section>\n").toString();
        }

        private String chart(Indicator ind, String kind) {
            String what = kind.equals("towns") ? labels.text(tables.places.each()) : labels.text("趋势", "trend");
            return "<div class=\"chart\" data-series=\"" + esc(ind.code()) + "\" data-kind=\"" + kind + "\" role=\"img\" aria-label=\""
                    + esc(labels.text(ind.nameZh(), ind.nameEn()) + " " + what + "（数据见表）") + "\"></div>";
        }

        String chapters() {
            StringBuilder s = new StringBuilder();
            for (YearbookTables.ChapterTable ch : tables.chapters) {
                s.append("<section id=\"").append(anchor(ch)).append("\" aria-labelledby=\"").append(anchor(ch)).append("-h\"><h2 id=\"")
                        .append(anchor(ch)).append("-h\">").append(esc(html.chapterTitle(ch))).append("</h2>\n")
                        .append(html.chapterTable(ch));
                for (YearbookTables.IndicatorRow r : ch.rows()) s.append(drillDown(r.indicator()));
                s.append(html.chapterNotes(ch)).append("</section>\n");
            }
            return s.toString();
        }

        /** An indicator's trend and its breakdowns, behind a disclosure widget. */
        private String drillDown(Indicator ind) {
            StringBuilder d = new StringBuilder("<details id=\"detail-").append(esc(ind.code())).append("\"><summary>")
                    .append(esc(labels.text(ind.nameZh(), ind.nameEn()) + "：" + labels.text("趋势与分组", "trend and breakdowns")))
                    .append("</summary>\n").append(chart(ind, "trend")).append("\n");
            if (!tables.breakdownOf(ind, Dimension.TOWN).rows().isEmpty()) d.append(chart(ind, "towns")).append("\n");
            boolean any = false;
            for (YearbookTables.IndicatorBreakdown b : tables.breakdownsOf(ind)) {
                String table = html.breakdownTable(b);
                any |= !table.isEmpty();
                d.append(table);
            }
            if (!any) d.append("<p>").append(esc(labels.text("无分组数据。", "No breakdowns published."))).append("</p>\n");
            return d.append("</details>\n").toString();
        }

        String warnings() {
            return "<section id=\"warnings\" aria-labelledby=\"warnings-h\"><h2 id=\"warnings-h\">"
                    + esc(labels.text(YearbookTables.WARNINGS)) + "</h2>\n" + html.warningsTable() + "</section>\n";
        }

        /** 修订说明, in every revision after a year's first release. */
        String revision() {
            return tables.revision().map(note -> "<section id=\"revisions\" aria-labelledby=\"revisions-h\"><h2 id=\"revisions-h\">"
                    + esc(labels.text(RevisionNote.TITLE_ZH, RevisionNote.TITLE_EN)) + "</h2>\n" + html.revisionTable(note) + "</section>\n")
                    .orElse("");
        }

        /**
         * The numbers the charts draw, as JSON inside the page: per indicator the total and the sex lines by year,
         * and the towns in the year. A withheld value is null, drawn as a gap.
         */
        String json() {
            List<Integer> years = tables.years();
            Map<String, Object> series = new LinkedHashMap<>();
            for (Catalog.Entry e : tables.catalog.entries()) {
                Indicator ind = e.indicator();
                List<Map<String, Object>> lines = new ArrayList<>();
                for (YearbookTables.Line l : tables.trend(ind)) lines.add(IndicatorPages.line(l.name(), l.values(), years, ind.decimals()));
                List<Map<String, Object>> towns = new ArrayList<>();
                for (YearbookTables.CategoryRow town : tables.breakdownOf(ind, Dimension.TOWN).rows()) {
                    PublishedValue v = town.values().get(tables.year);
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("name", town.name());
                    t.put("value", v == null || v.value() == null ? null : Printed.round(v.value(), ind.decimals()));
                    towns.add(t);
                }
                // in a fixed order: Map.of iterates in an order that changes from one JVM to the next
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("unit", ind.unit());
                s.put("lines", lines);
                s.put("towns", towns);
                series.put(ind.code(), s);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("year", tables.year);
            root.put("noData", labels.text("暂无数据", "no data"));
            root.put("years", years);
            root.put("series", series);
            tables.evaluation().ifPresent(e -> root.put("evaluation", evaluationJson(e)));
            root.put("pages", new IndicatorPages(tables).json());
            Map<String, String> words = new LinkedHashMap<>();
            words.put("back", labels.text("返回报告", "back to the report"));
            words.put("csv", labels.text("下载CSV", "download CSV"));
            words.put("target", labels.text("目标", "target"));
            words.put("band", labels.text("95%置信区间", "95% interval"));
            words.put("total", labels.text("合计及性别", "total and by sex"));
            words.put("show", labels.text("显示", "show"));
            words.put("warnings", labels.text("预警", "warnings"));
            words.put("none", labels.text("无", "none"));
            words.put("year", labels.text("年份", "year"));
            root.put("words", words);
            try {
                // "<" escaped so that no string in the data can close the script element
                return new ObjectMapper().writeValueAsString(root).replace("<", "\\u003c");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Per outline the areas' names and, per status, its name, colour and count in each area: the stacked bars. */
    private static Map<String, Object> evaluationJson(EvaluationTables e) {
        Map<String, Object> plans = new LinkedHashMap<>();
        for (EvaluationTables.Outline o : e.outlines) {
            List<Map<String, Object>> statuses = new ArrayList<>();
            for (ProgressStatus s : e.statuses) {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("name", e.labels.text(s));
                status.put("color", StatusColours.of(s.code()));
                status.put("values", o.areas().stream().map(a -> a.area().count(s)).toList());
                statuses.add(status);
            }
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("areas", o.areas().stream().map(a -> e.labels.text(a.name())).toList());
            plan.put("statuses", statuses);
            plans.put(o.plan(), plan);
        }
        return plans;
    }

    private static String anchor(YearbookTables.ChapterTable ch) {
        return ch.chapter().plan() + "-" + ch.chapter().area();
    }

    /** Reads every resource the report is made from, so a broken build is found before a load, not after it. */
    static void checkTemplates() {
        for (String name : new String[]{"report/report.css", "report/report.js", "report/report.html", "report/evaluation.css",
                "report/evaluation.js", "report/indicator.css", "report/indicator.js"}) {
            resource(name);
        }
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
