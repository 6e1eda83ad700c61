package org.wcstat.jobs.publish;

import org.wcstat.core.Bilingual;
import org.wcstat.core.assess.Warning;
import org.wcstat.core.assess.WarningKind;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.config.YearbookLayout;
import org.wcstat.core.dimension.Dimension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The yearbook's tables, built once from the year's data; the workbook, the printable yearbook and the web
 * report each lay them out for their medium ({@link YearbookRenderer}). A table has a title, column headings,
 * rows of figures by year and footnotes: per plan area its indicators with unit, target and status; per
 * dimension the breakdowns the catalog publishes; the year's early warnings; and the series the charts draw.
 */
final class YearbookTables {
    /** What a withheld figure shows instead. */
    static final String WITHHELD = "…";
    /** What a year without a figure shows, where a medium shows one. */
    static final String MISSING = "—";
    /** The order of the breakdowns: the people's (sex, age, residence), then the places'. */
    static final List<Dimension> BREAKDOWNS = List.of(Dimension.SEX, Dimension.AGE, Dimension.RESIDENCE, Dimension.TOWN);

    static final Heading INDICATOR = new Heading("指标", "indicator");
    static final Heading UNIT = new Heading("单位", "unit");
    static final Heading STATUS = new Heading("评估状态", "status");
    static final Heading GROUP = new Heading("分组", "group");
    static final Heading MONITORING_INDICATORS = new Heading("主要监测指标", "monitoring indicators");
    static final Heading TRENDS = new Heading("主要指标趋势图", "Trends of the key indicators");
    static final Heading WARNINGS = new Heading("监测预警", "Early warnings");
    /** What a chapter says when the county monitors none of its indicators. */
    static final Heading NONE_MONITORED = new Heading("本章指标本地均未监测：", "None of this chapter's indicators is monitored here:");

    /** A title or column heading in Chinese and English. */
    record Heading(String zh, String en) implements Bilingual {
    }

    /** An indicator's row in its plan area's table: its district totals by year and its status. */
    record IndicatorRow(Catalog.Entry entry, Map<Integer, PublishedValue> values, IndicatorStatus status) {
        Indicator indicator() {
            return entry.indicator();
        }
    }

    /** A plan area's indicators (rows) by year. */
    record ChapterTable(YearbookLayout.Chapter chapter, List<IndicatorRow> rows, Footnotes footnotes) {
        Heading title() {
            return new Heading(chapter.nameZh(), chapter.nameEn());
        }

        List<Catalog.Entry> entries() {
            return rows.stream().map(IndicatorRow::entry).toList();
        }
    }

    /** A category of a breakdown (a sex, an age band, a town …) by year, named as the yearbook names it. */
    record CategoryRow(String code, String name, Map<Integer, PublishedValue> values) {
    }

    /**
     * One indicator by one dimension, its categories in reading order; none when the warehouse has none.
     * {@code title} names the breakdown: by sex …, by town, or by city in a summary volume.
     */
    record IndicatorBreakdown(Indicator indicator, Dimension dimension, List<CategoryRow> rows, Heading title) {
    }

    /** Every indicator the catalog publishes by a dimension, by that dimension. */
    record BreakdownTable(Dimension dimension, List<IndicatorBreakdown> indicators, Footnotes footnotes, Heading title) {
    }

    /**
     * The places a volume breaks its figures down by: a county's or a city's towns, or, in the summary volume of a
     * yearbook split by city, the cities. {@code breakdown} heads the tables (分乡镇), {@code each} labels the chart (各乡镇).
     */
    record Places(Heading breakdown, Heading each) {
        static final Places TOWNS = new Places(new Heading(Dimension.TOWN.titleZh(), Dimension.TOWN.titleEn()), new Heading("各乡镇", "by town"));
        static final Places CITIES = new Places(new Heading("分市", "by city"), new Heading("各市", "by city"));
        static final Places COUNTIES = new Places(new Heading("分县（市、区）", "by county"), new Heading("各县（市、区）", "by county"));

        Heading title(Dimension d) {
            return d == Dimension.TOWN ? breakdown : new Heading(d.titleZh(), d.titleEn());
        }
    }

    /**
     * A table's notes: each indicator's definition and sources, and what the marks mean.
     *
     * @param anyWithheld whether a figure of the table is withheld
     */
    record Footnotes(List<String> definitions, String withheld, String missing, boolean anyWithheld) {
    }

    /** One early warning as the yearbook lists it; a warning on a withheld value keeps its kind but not its numbers. */
    record WarningRow(Warning.Severity severity, String indicatorName, String cell, WarningKind kind, String reason) {
    }

    /** A line of a trend chart: the total or a sex, by year. */
    record Line(String name, Map<Integer, PublishedValue> values) {
    }

    final YearbookLayout layout;
    final Catalog catalog;
    final Labels labels;
    final int year;
    final int firstYear;
    /** The outlines' target year, which heads the column of targets. */
    final int targetYear;
    final List<ChapterTable> chapters;
    final List<BreakdownTable> breakdowns;
    final List<WarningRow> warnings;
    /** What the places' breakdown is of: towns, or a summary volume's cities. */
    final Places places;
    private final YearbookData data;
    /** The outlines' latest evaluation up to the year, in an evaluation year and the years after it; else null. */
    private final EvaluationTables evaluation;
    /** What this revision changed from the one it supersedes; null in a year's first release. */
    private final RevisionNote revision;

    private YearbookTables(YearbookData data, Catalog catalog, YearbookLayout layout, Labels labels, int targetYear,
                           List<ChapterTable> chapters, List<BreakdownTable> breakdowns, List<WarningRow> warnings,
                           Places places, EvaluationTables evaluation, RevisionNote revision) {
        this.data = data;
        this.places = places;
        this.evaluation = evaluation;
        this.revision = revision;
        this.catalog = catalog;
        this.layout = layout;
        this.labels = labels;
        this.year = data.year();
        this.firstYear = data.firstYear();
        this.targetYear = targetYear;
        this.chapters = chapters;
        this.breakdowns = breakdowns;
        this.warnings = warnings;
    }

    /** @param departmentNames the departments' Chinese names by source code, for the footnotes */
    static YearbookTables of(YearbookData data, Catalog catalog, YearbookLayout layout, Labels labels,
                             Map<String, String> departmentNames, int targetYear) {
        return of(data, catalog, layout, labels, departmentNames, targetYear, BREAKDOWNS, Places.TOWNS);
    }

    /**
     * A volume's tables: its breakdowns (a city's volume has its towns alone, the summary no towns) and what its
     * places are (towns, or the summary's cities).
     */
    static YearbookTables of(YearbookData data, Catalog catalog, YearbookLayout layout, Labels labels,
                             Map<String, String> departmentNames, int targetYear, List<Dimension> dimensions, Places places) {
        Notes notes = new Notes(departmentNames, layout.disclosure().threshold(), data, layout.english());
        List<ChapterTable> chapters = new ArrayList<>();
        for (YearbookLayout.Chapter ch : layout.chapters()) {
            List<Catalog.Entry> entries = catalog.entries().stream()
                    .filter(e -> e.indicator().plan().equals(ch.plan()) && e.indicator().area().equals(ch.area())).toList();
            List<Catalog.Unmonitored> notMonitored = catalog.unmonitored(ch.plan(), ch.area());
            // a chapter none of whose indicators the county monitors stays, naming them, as the evaluation does
            if (entries.isEmpty() && notMonitored.isEmpty()) continue;
            List<IndicatorRow> rows = entries.stream()
                    .map(e -> new IndicatorRow(e, data.totals(e.code()), data.status(e.code()))).toList();
            chapters.add(new ChapterTable(ch, rows, notes.of(entries, rows.stream().map(IndicatorRow::values).toList(), notMonitored)));
        }
        List<BreakdownTable> breakdowns = new ArrayList<>();
        for (Dimension d : dimensions) {
            List<Catalog.Entry> entries = catalog.entries().stream()
                    .filter(e -> e.indicator().disaggregations().contains(d.catalogName())).toList();
            if (entries.isEmpty()) continue;
            List<IndicatorBreakdown> tables = entries.stream().map(e -> breakdown(data, labels, e.indicator(), d, places)).toList();
            List<Map<Integer, PublishedValue>> figures = new ArrayList<>();
            tables.forEach(t -> t.rows().forEach(r -> figures.add(r.values())));
            breakdowns.add(new BreakdownTable(d, tables, notes.of(entries, figures), places.title(d)));
        }
        // a city's volume has thousands of warnings: the names looked up once, the first entry of a code as before
        Map<String, String> names = new HashMap<>();
        for (Catalog.Entry e : catalog.entries()) names.putIfAbsent(e.code(), e.indicator().nameZh());
        List<WarningRow> warnings = new ArrayList<>();
        for (Warning w : data.warnings()) {
            String name = Objects.requireNonNullElse(names.get(w.indicator()), w.indicator());
            String reason = data.concernsWithheldValue(w) ? withheldReason(layout.disclosure().threshold()) : w.reason();
            warnings.add(new WarningRow(w.severity(), name, labels.cell(w.cell()), w.kind(), reason));
        }
        return new YearbookTables(data, catalog, layout, labels, targetYear, List.copyOf(chapters), List.copyOf(breakdowns),
                List.copyOf(warnings), places, null, null);
    }

    /** The same tables with the outlines' evaluation, which each rendering adds as a chapter of its own. */
    YearbookTables withEvaluation(EvaluationTables evaluation) {
        return new YearbookTables(data, catalog, layout, labels, targetYear, chapters, breakdowns, warnings, places, evaluation, revision);
    }

    /** The same tables with a revision's note (修订说明), which each rendering adds as a section of its own. */
    YearbookTables withRevision(RevisionNote revision) {
        return new YearbookTables(data, catalog, layout, labels, targetYear, chapters, breakdowns, warnings, places, evaluation, revision);
    }

    Optional<RevisionNote> revision() {
        return Optional.ofNullable(revision);
    }

    /** The indicator's Chinese name, or its code when the catalog no longer has it. */
    String indicatorName(String code) {
        return catalog.entries().stream().filter(e -> e.code().equals(code)).findFirst().map(e -> e.indicator().nameZh()).orElse(code);
    }

    Optional<EvaluationTables> evaluation() {
        return Optional.ofNullable(evaluation);
    }

    private static IndicatorBreakdown breakdown(YearbookData data, Labels labels, Indicator ind, Dimension d, Places places) {
        Map<String, Map<Integer, PublishedValue>> byCategory = data.breakdown(ind.code(), d);
        List<CategoryRow> rows = labels.ordered(d, byCategory).stream()
                .map(c -> new CategoryRow(c, labels.category(d, c), byCategory.get(c))).toList();
        return new IndicatorBreakdown(ind, d, rows, places.title(d));
    }

    /** Why an indicator has no value in a release: the county does not read the departments its data come from. */
    static String notMonitored(Catalog.Unmonitored u) {
        return "本地未读取" + String.join("、", u.departments()) + "部门的数据";
    }

    /** What a warning or note on a withheld series says instead of its numbers. */
    static String withheldReason(int threshold) {
        return "涉及少于" + threshold + "例的小数，详情不予公布。";
    }

    /** The years every table has a column for, first to last. */
    List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        for (int y = firstYear; y <= year; y++) years.add(y);
        return years;
    }

    /** The heading of the targets' column, e.g. 2030年目标. */
    Heading targetHeading() {
        return new Heading(targetYear + "年目标", targetYear + " target");
    }

    /** The years the tables cover, as titles end: （2020—2024年）. */
    String yearSpan() {
        return "（" + firstYear + "—" + year + "年）";
    }

    /** The indicator's breakdowns the catalog publishes, in the yearbook's order, with or without rows. */
    List<IndicatorBreakdown> breakdownsOf(Indicator ind) {
        List<IndicatorBreakdown> of = new ArrayList<>();
        for (BreakdownTable t : breakdowns) {
            t.indicators().stream().filter(b -> b.indicator().code().equals(ind.code())).forEach(of::add);
        }
        return of;
    }

    /** The indicator's one breakdown by a dimension; no rows when it has none. */
    IndicatorBreakdown breakdownOf(Indicator ind, Dimension d) {
        return breakdownsOf(ind).stream().filter(b -> b.dimension() == d).findFirst()
                .orElse(new IndicatorBreakdown(ind, d, List.of(), places.title(d)));
    }

    /** The lines of an indicator's trend chart: the total, and women and men where the catalog publishes it by sex. */
    List<Line> trend(Indicator ind) {
        List<Line> lines = new ArrayList<>(List.of(new Line(labels.total(), data.totals(ind.code()))));
        for (CategoryRow r : breakdownOf(ind, Dimension.SEX).rows()) lines.add(new Line(r.name(), r.values()));
        return lines;
    }

    /** A pooled indicator's district values of the year alone, by year; empty for one not pooled. */
    Map<Integer, PublishedValue> singleYear(Indicator ind) {
        return ind.poolYears() > 1 ? data.singleYearTotals(ind.code()) : Map.of();
    }

    IndicatorStatus status(String indicator) {
        return data.status(indicator);
    }

    /** The key indicators the catalog has, in conf/yearbook.yaml's order. */
    List<Indicator> keyIndicators() {
        return layout.keyIndicatorsIn(catalog).stream().map(c -> catalog.get(c).indicator()).toList();
    }

    /** The footnotes' texts, the same in every table. */
    private record Notes(Map<String, String> departmentNames, int threshold, YearbookData data, boolean english) {
        Footnotes of(List<Catalog.Entry> entries, List<Map<Integer, PublishedValue>> figures) {
            return of(entries, figures, List.of());
        }

        /** @param notMonitored the indicators of the table's area the county does not monitor, named so that none goes unsaid */
        Footnotes of(List<Catalog.Entry> entries, List<Map<Integer, PublishedValue>> figures, List<Catalog.Unmonitored> notMonitored) {
            List<String> definitions = new ArrayList<>();
            for (Catalog.Entry e : entries) {
                Indicator ind = e.indicator();
                String sources = String.join("、", ind.sources().stream().map(d -> departmentNames.getOrDefault(d, d)).toList());
                definitions.add(ind.nameZh() + "：" + (ind.definition() == null ? "" : ind.definition().strip()) + " 资料来源：" + sources + "。"
                        + singleYears(ind) + quarantined(ind) + unknown(ind));
            }
            for (Catalog.Unmonitored u : notMonitored) {
                definitions.add(u.nameZh() + "：未监测，" + notMonitored(u) + "，本表不列。");
            }
            boolean anyWithheld = figures.stream().anyMatch(f -> f.entrySet().stream()
                    .anyMatch(v -> v.getKey() >= data.firstYear() && v.getKey() <= data.year() && v.getValue().suppressed()));
            return new Footnotes(List.copyOf(definitions), WITHHELD + " 表示数值涉及少于" + threshold + "例的小数，为保护个人信息不予公布",
                    MISSING + " 表示无数据", anyWithheld);
        }

        /** A pooled indicator's district value of each year alone, beside the pooled values of the table. */
        private String singleYears(Indicator ind) {
            Map<Integer, PublishedValue> singles = data.singleYearTotals(ind.code());
            if (singles.isEmpty()) return "";
            List<String> years = new ArrayList<>();
            for (int y = data.firstYear(); y <= data.year(); y++) {
                PublishedValue v = singles.get(y);
                if (v == null) continue;
                years.add(y + "年 " + (v.suppressed() ? WITHHELD : v.value() == null ? MISSING : Labels.number(v.value(), ind)));
            }
            if (years.isEmpty()) return "";
            return " 表中为" + ind.poolYears() + "年合并值；单年值" + (english ? " / single year" : "") + "：" + String.join("，", years) + "。";
        }

        /** What the sources did not place in a breakdown, counted in the district total only, by dimension and year. */
        private String unknown(Indicator ind) {
            Map<String, List<String>> zh = new LinkedHashMap<>();
            Map<String, List<String>> en = new LinkedHashMap<>();
            for (var v : data.totals(ind.code()).entrySet()) {
                v.getValue().unknown().forEach((dim, n) -> {
                    zh.computeIfAbsent(dim, k -> new ArrayList<>()).add(v.getKey() + "年" + n);
                    en.computeIfAbsent(dim, k -> new ArrayList<>()).add(n + " for " + v.getKey());
                });
            }
            StringBuilder b = new StringBuilder();
            zh.forEach((dim, years) -> {
                var d = Dimension.ofCatalogName(dim);
                String title = d.map(x -> x.titleZh().replace("分", "")).orElse(dim);
                b.append(" ").append(title).append("不详、只计入合计的：").append(String.join("，", years)).append("。");
                if (english) b.append(" Of unknown ").append(dim).append(", counted in the total only: ").append(String.join(", ", en.get(dim))).append(".");
            });
            return b.toString();
        }

        /** The rows quarantine kept out of the data each district value of the table rests on, by year. */
        private String quarantined(Indicator ind) {
            List<String> years = new ArrayList<>();
            List<String> yearsEn = new ArrayList<>();
            for (var v : data.totals(ind.code()).entrySet()) {
                long n = v.getValue().quarantined();
                if (n == 0) continue;
                years.add(v.getKey() + "年" + n + "条");
                yearsEn.add(n + " for " + v.getKey());
            }
            if (years.isEmpty()) return "";
            return " 所用数据中未通过校验而隔离、未计入的原始记录：" + String.join("，", years) + "。"
                    + (english ? " Rows quarantined and not counted: " + String.join(", ", yearsEn) + "." : "");
        }
    }
}
