package org.wcstat.jobs.publish;

import org.wcstat.core.assess.Evaluation;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.assess.Warning;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.catalog.PlanGoals;
import org.wcstat.core.stats.Printed;
import org.wcstat.core.config.YearbookLayout;
import org.wcstat.jobs.publish.YearbookTables.Heading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation report's tables (四、监测评估), built once and laid out by evaluation.pdf, the chapter of
 * report.html and the sheet of yearbook.xlsx: per outline the summary of every plan area with its
 * indicators by status (the chart), the completion table of the quantified indicators, the direction-only
 * goals with their trend, the indicators that could not be judged, the warnings that call for action, and a
 * note on the methods. Every indicator of the catalog with a target appears, judged or not, monitored or not.
 */
final class EvaluationTables {
    /** The statuses that are a judgement of progress; any other (insufficient data, not assessed …) is none. */
    static final Set<String> JUDGED = Set.of(ProgressStatus.ACHIEVED.code(), ProgressStatus.ON_TRACK.code(),
            ProgressStatus.NEEDS_ACCELERATION.code(), ProgressStatus.LIMITED_PROGRESS.code(), ProgressStatus.DETERIORATION.code());
    private static final Set<String> GOOD = Set.of(ProgressStatus.ACHIEVED.code(), ProgressStatus.ON_TRACK.code());
    /** The outlines by their plan code, as the plans call themselves. */
    private static final Map<String, Heading> OUTLINES = Map.of(
            "women", new Heading("妇女发展纲要（2021—2030年）", "Women's development outline 2021–2030"),
            "children", new Heading("儿童发展纲要（2021—2030年）", "Children's development outline 2021–2030"));
    private static final Map<String, Heading> TRENDS = Map.of(
            "up", new Heading("上升", "rising"),
            "down", new Heading("下降", "falling"),
            "flat", new Heading("平稳", "flat"),
            "none", new Heading("不足三年数据", "fewer than three years"));
    /** Warnings of these severities call for action; the low ones are counted, not listed. */
    static final Set<Warning.Severity> ACTION = Set.of(Warning.Severity.HIGH, Warning.Severity.MEDIUM);

    static final Heading COMPLETION = new Heading("指标完成情况表", "Completion of the quantified indicators");
    static final Heading DIRECTIONS = new Heading("定性（方向性）目标进展", "Goals that set a direction only");
    static final Heading UNJUDGED = new Heading("未能评估的指标", "Indicators that could not be judged");
    static final Heading UNMEASURED = new Heading("未纳入监测的规划目标", "Goals of the outlines no indicator measures");
    static final Heading GOAL = new Heading("规划目标", "goal");
    static final Heading ACTIONS = new Heading("需采取措施的预警", "Warnings that call for action");
    static final Heading BY_AREA = new Heading("各领域评估结果", "Results by area");
    static final Heading METHODS = new Heading("评估方法说明", "Methods");
    static final Heading AREA = new Heading("领域", "area");
    static final Heading ALL_AREAS = new Heading("合计", "all areas");

    /** A plan area's (or the whole plan's) indicators by status, with the summary sentence. */
    record AreaSummary(Heading name, EvaluationData.Area area) {
    }

    /**
     * An indicator of the evaluation with its catalog entry and area; {@code judged} is null when assess did not
     * judge it for the evaluation year. One the county does not monitor ({@link Catalog.Unmonitored}: the configuration
     * reads none of its departments) has an entry of its indicator alone, and {@code notMonitored} says which.
     */
    record IndicatorRow(Catalog.Entry entry, Heading area, EvaluationData.Judged judged, String trend, Catalog.Unmonitored notMonitored) {
        static final String NOT_MONITORED = "not_monitored";

        IndicatorRow(Catalog.Entry entry, Heading area, EvaluationData.Judged judged, String trend) {
            this(entry, area, judged, trend, null);
        }

        static IndicatorRow of(Catalog.Unmonitored u, Heading area) {
            return new IndicatorRow(new Catalog.Entry(u.indicator(), null, null, u.file()), area, null, null, u);
        }

        Indicator indicator() {
            return entry.indicator();
        }

        IndicatorStatus status() {
            if (notMonitored != null) return new IndicatorStatus(entry.code(), NOT_MONITORED, "未监测", "not monitored", null);
            return judged == null ? IndicatorStatus.notAssessed(entry.code()) : judged.status();
        }

        boolean isJudged() {
            return JUDGED.contains(status().status());
        }

        boolean withheld() {
            return judged != null && judged.withheld();
        }

        /** Why it is not on track, or why it could not be judged: the assessment's note; null when on track. */
        String reason(int threshold) {
            if (GOOD.contains(status().status())) return null;
            if (notMonitored != null) return "未监测：" + YearbookTables.notMonitored(notMonitored) + "。";
            if (withheld()) return YearbookTables.withheldReason(threshold);
            if (judged == null) return "未评估：评估年度的评估结果中没有该指标。";
            return judged.note();
        }
    }

    /** An area's warnings that call for action, most severe first. */
    record AreaWarnings(Heading area, List<YearbookTables.WarningRow> warnings) {
    }

    /**
     * One outline's evaluation; {@code unmeasured} are its goals no indicator measures (conf/plan-goals.yaml's
     * {@code omitted}: no department keeps the data), with the reason, in its areas' order.
     */
    record Outline(String plan, Heading name, AreaSummary whole, List<AreaSummary> areas, List<IndicatorRow> quantified,
                   List<IndicatorRow> directions, List<IndicatorRow> unjudged, List<AreaWarnings> warnings, int lowWarnings,
                   List<Unmeasured> unmeasured) {
    }

    /** A goal of the outlines no indicator measures, under its area's heading. */
    record Unmeasured(Heading area, PlanGoals.Goal goal) {
    }

    final Labels labels;
    final int releaseYear;
    final int year;
    final boolean isFinal;
    final int threshold;
    final String regionZh;
    final List<ProgressStatus> statuses;
    final List<Outline> outlines;

    private EvaluationTables(Labels labels, int releaseYear, EvaluationData data, int threshold, String regionZh, List<Outline> outlines) {
        this.labels = labels;
        this.releaseYear = releaseYear;
        this.year = data.year();
        this.isFinal = data.isFinal();
        this.threshold = threshold;
        this.regionZh = regionZh;
        this.statuses = data.statuses();
        this.outlines = outlines;
    }

    /** @param goals the outlines' goals (conf/plan-goals.yaml), whose goals no indicator measures are listed with why */
    static EvaluationTables of(EvaluationData data, Catalog catalog, Optional<PlanGoals> goals, YearbookLayout layout, Labels labels,
                               int releaseYear, String district) {
        Map<String, EvaluationData.Area> stored = new LinkedHashMap<>();
        for (EvaluationData.Area a : data.areas()) stored.put(a.plan() + "|" + a.area(), a);
        // the outlines in the order the layout lists their chapters
        List<String> plans = layout.chapters().stream().map(YearbookLayout.Chapter::plan).distinct().toList();
        List<Outline> outlines = new ArrayList<>();
        for (String plan : plans) {
            EvaluationData.Area whole = stored.get(plan + "|" + Evaluation.WHOLE_PLAN);
            if (whole == null) continue;
            List<AreaSummary> areas = new ArrayList<>();
            List<IndicatorRow> quantified = new ArrayList<>(), directions = new ArrayList<>(), unjudged = new ArrayList<>();
            List<AreaWarnings> warnings = new ArrayList<>();
            List<Unmeasured> unmeasured = new ArrayList<>();
            int low = 0;
            for (YearbookLayout.Chapter ch : layout.chapters()) {
                if (!ch.plan().equals(plan)) continue;
                Heading area = new Heading(ch.nameZh(), ch.nameEn());
                goals.ifPresent(g -> g.goals().stream().filter(x -> x.omitted() != null && x.plan().equals(plan) && x.area().equals(ch.area()))
                        .forEach(x -> unmeasured.add(new Unmeasured(area, x))));
                EvaluationData.Area counted = stored.get(plan + "|" + ch.area());
                if (counted != null) areas.add(new AreaSummary(area, counted));
                List<String> codes = new ArrayList<>();
                for (Catalog.Entry e : catalog.entries()) {
                    if (!e.indicator().plan().equals(plan) || !e.indicator().area().equals(ch.area()) || e.target() == null) continue;
                    codes.add(e.code());
                    IndicatorRow row = new IndicatorRow(e, area, data.judged().get(e.code()), data.trends().get(e.code()));
                    (isDirection(e) ? directions : quantified).add(row);
                    if (!row.isJudged()) unjudged.add(row);
                }
                // an outline's goal is not left out of its evaluation because no department read measures it
                for (Catalog.Unmonitored u : catalog.unmonitored(plan, ch.area())) {
                    if (u.indicator().target() != null) unjudged.add(IndicatorRow.of(u, area));
                }
                List<YearbookTables.WarningRow> listed = new ArrayList<>();
                for (EvaluationData.Caution c : data.warnings()) {
                    Warning w = c.warning();
                    if (!codes.contains(w.indicator())) continue;
                    if (!ACTION.contains(w.severity())) {
                        low++;
                        continue;
                    }
                    listed.add(new YearbookTables.WarningRow(w.severity(), catalog.get(w.indicator()).indicator().nameZh(),
                            labels.cell(w.cell()), w.kind(), c.withheld() ? YearbookTables.withheldReason(layout.disclosure().threshold())
                            : w.reason()));
                }
                if (!listed.isEmpty()) warnings.add(new AreaWarnings(area, listed));
            }
            outlines.add(new Outline(plan, OUTLINES.getOrDefault(plan, new Heading(plan, plan)),
                    new AreaSummary(ALL_AREAS, whole), areas, quantified, directions, unjudged, warnings, low, List.copyOf(unmeasured)));
        }
        String regionZh = labels.vocabulary().region(district).map(r -> r.zh()).orElse(district);
        return new EvaluationTables(labels, releaseYear, data, layout.disclosure().threshold(), regionZh, List.copyOf(outlines));
    }

    private static boolean isDirection(Catalog.Entry e) {
        String c = e.target().comparator();
        return c.equals("increase") || c.equals("decrease");
    }

    /** The evaluation's name, e.g. 2025年中期评估 / Mid-term evaluation 2025. */
    Heading title() {
        return isFinal ? new Heading(year + "年终期评估", "Final evaluation " + year)
                : new Heading(year + "年中期评估", "Mid-term evaluation " + year);
    }

    /** The printable report's title, e.g. 昭化区妇女儿童发展纲要2025年中期评估报告. */
    Heading reportTitle() {
        return new Heading(regionZh + "妇女儿童发展纲要" + title().zh() + "报告",
                "Women's and children's development outlines: " + title().en().toLowerCase(java.util.Locale.ROOT));
    }

    /** What the evaluation rests on, and, in a later year's release, that it is the latest one. */
    Heading basis() {
        String zh = "本评估依据截至" + year + "年的数据（以2020年为基期）。";
        String en = "This evaluation rests on the data up to " + year + " (baseline 2020).";
        if (releaseYear > year) {
            zh += "这是截至" + releaseYear + "年的最近一次评估，" + releaseYear + "年的进展见年度监测指标表。";
            en += " It is the latest evaluation as of " + releaseYear + "; the progress of " + releaseYear
                    + " is in the yearly monitoring tables.";
        }
        return new Heading(zh, en);
    }

    /** The heading of the targets' year column and its value, and of the anticipated value: 2030 unless the plans say otherwise. */
    static final Heading BASELINE = new Heading("2020年基期值", "2020 baseline");
    static final Heading TARGET = new Heading("目标", "target");
    static final Heading TARGET_YEAR = new Heading("目标年份", "target year");
    static final Heading ANTICIPATED = new Heading("2030年预计值", "anticipated 2030");
    static final Heading MEETS = new Heading("预计能否实现目标", "anticipated to meet the target");
    static final Heading REASON = new Heading("说明", "reason");
    static final Heading TREND = new Heading("趋势", "trend");
    static final Heading DIRECTION = new Heading("目标方向", "direction");

    Heading valueHeading() {
        return new Heading(year + "年值", year + " value");
    }

    /** The trend's name, e.g. 上升 / rising; a trend this wcstat does not know as it is stored. */
    String trend(String code) {
        if (code == null) return YearbookTables.MISSING;
        Heading h = TRENDS.get(code);
        return h == null ? code : labels.text(h);
    }

    /** A figure of an indicator's row: the withheld mark, the missing mark, or the number. */
    String figure(IndicatorRow r, Double v) {
        if (r.withheld()) return YearbookTables.WITHHELD;
        return v == null ? YearbookTables.MISSING : Labels.number(v, r.indicator());
    }

    /** The baseline, with its year when the series starts after 2020. */
    String baseline(IndicatorRow r) {
        EvaluationData.Judged j = r.judged();
        String v = figure(r, j == null ? null : j.baselineValue());
        if (j != null && !r.withheld() && j.baselineValue() != null && j.baselineYear() != null && j.baselineYear() != 2020) {
            v += "（" + j.baselineYear() + "年）";
        }
        return v;
    }

    String targetYear(IndicatorRow r) {
        EvaluationData.Judged j = r.judged();
        Integer y = j != null && j.targetYear() != null ? j.targetYear() : r.entry().target().year();
        return String.valueOf(y);
    }

    /** Whether the value anticipated for 2030 meets the target: 是 / 否, or a mark when it cannot be said. */
    String meets(IndicatorRow r) {
        if (r.withheld()) return YearbookTables.WITHHELD;
        Boolean met = r.judged() == null ? null : r.judged().meetsTarget();
        if (met == null) return YearbookTables.MISSING;
        return met ? labels.text("是", "yes") : labels.text("否", "no");
    }

    /** The short methods note, which points to docs/methods.md for the formulas. */
    Heading methods() {
        String zh = "进展状态以" + 2020 + "年为基期：有量化目标的指标，比较实际年均复合增长率与按期实现目标所需的年均增长率，"
                + "比值不低于" + ProgressStatus.RATIO_ON_TRACK + "为进展顺利，不低于" + ProgressStatus.RATIO_ACCELERATION
                + "为需加快，不低于0为进展有限，低于0为退步，已达到目标为已实现；仅定方向的目标按目标方向的年均增长率判断（不低于"
                + pct(ProgressStatus.GROWTH_ON_TRACK) + "为进展顺利，不低于" + pct(ProgressStatus.GROWTH_ACCELERATION)
                + "为需加快）。2030年预计值由时间加权的线性趋势外推，近年数据权重较大。事件数较少、逐年数值不稳定的指标按三年合并值评估；"
                + "基期后不足两个年度数值的指标列为数据不足。涉及少于" + threshold + "例小数的指标只公布评估状态，不公布具体数值。"
                + "计算公式和特殊情况的处理见 docs/methods.md（第1、2、4、8节）。";
        String en = "Progress is measured from the 2020 baseline: for a quantified target, the compound annual growth observed"
                + " against the growth required to reach the target on time (ratio ≥ " + ProgressStatus.RATIO_ON_TRACK
                + " on track, ≥ " + ProgressStatus.RATIO_ACCELERATION + " acceleration needed, ≥ 0 limited progress, < 0"
                + " deterioration); for a goal that sets a direction only, the annual growth in that direction (≥ "
                + pct(ProgressStatus.GROWTH_ON_TRACK) + " on track, ≥ " + pct(ProgressStatus.GROWTH_ACCELERATION)
                + " acceleration needed). The value anticipated for 2030 extends a time-weighted linear trend. Indicators"
                + " resting on few events are judged on three-year pooled values; fewer than two values from the baseline on"
                + " is insufficient data. Indicators resting on counts below " + threshold + " show their status only."
                + " The formulas and corner cases are in docs/methods.md (sections 1, 2, 4 and 8).";
        return new Heading(zh, en);
    }

    private static String pct(double share) {
        return Printed.text(100 * share, 2) + "%";
    }
}
