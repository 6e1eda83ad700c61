package org.wcstat.jobs.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.Coded;
import org.wcstat.core.assess.Evaluation;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.assess.Warning;
import org.wcstat.core.assess.WarningKind;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.config.AssessmentSettings;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * The outlines' evaluation a release shows (四、监测评估): the latest of {@code evaluation_years} up to the
 * release's year, as assess wrote it from the data up to that evaluation year — per plan and area from
 * indicators.evaluation, per indicator the district's judgement in indicators.assessment, the trend of
 * indicators.series, and that year's warnings. The release of 2026 thus keeps showing the 2025 mid-term
 * evaluation, until 2030 brings the final one. Figures of a series with a withheld value are taken out as in
 * data/assessment ({@link ReleaseTables}).
 *
 * @param year         the evaluation year
 * @param isFinal      whether it is the final evaluation (the outlines' target year), else the mid-term one
 * @param statuses     the statuses indicators.evaluation counts, in their order
 * @param areas        per plan its own row (area {@link Evaluation#WHOLE_PLAN}) and its areas', as stored
 * @param judged       the district's judgement by indicator; an indicator assess did not judge is absent
 * @param trends       the district's trend in the evaluation year by indicator (up, down, flat, none)
 * @param warnings     the evaluation year's early warnings, most severe first
 */
record EvaluationData(int year, boolean isFinal, List<ProgressStatus> statuses, List<Area> areas,
                      Map<String, Judged> judged, Map<String, String> trends, List<Caution> warnings) {

    /** One row of indicators.evaluation: a plan's or an area's indicators by status. */
    record Area(String plan, String area, int assessedYear, int indicators, int quantified,
                Map<ProgressStatus, Integer> byStatus, int anticipatedMet, String summaryZh, String summaryEn, String basis) {
        int count(ProgressStatus s) {
            return byStatus.getOrDefault(s, 0);
        }

        boolean wholePlan() {
            return area.equals(Evaluation.WHOLE_PLAN);
        }

        /** The counts without one indicator of a direction-only goal (not among the quantified), counted under {@code status}. */
        Area without(ProgressStatus status) {
            Map<ProgressStatus, Integer> counts = new LinkedHashMap<>(byStatus);
            counts.merge(status, -1, Integer::sum);
            return new Area(plan, area, assessedYear, indicators - 1, quantified, counts, anticipatedMet, summaryZh, summaryEn, basis);
        }
    }

    /**
     * The district's judgement of one indicator in the evaluation year (indicators.assessment).
     *
     * @param withheld whether its series has a withheld value: its figures and note are then taken out
     */
    record Judged(String indicator, IndicatorStatus status, String method, Integer baselineYear, Double baselineValue,
                  Double currentValue, Double targetValue, Integer targetYear, Double ratio, Double anticipated2030,
                  Double gap2030, String note, boolean withheld) {
        /** Whether the value anticipated for 2030 meets the target (the gap is signed so that short of it is negative). */
        Boolean meetsTarget() {
            return gap2030 == null ? null : gap2030 >= 0;
        }
    }

    /** An early warning, and whether its breakdown's series has a withheld value (its reason quotes the numbers). */
    record Caution(Warning warning, boolean withheld) {
    }

    /** The evaluation year a release of {@code year} shows: the latest of evaluation_years up to it, if any. */
    static Optional<Integer> yearFor(AssessmentSettings settings, int year) {
        return settings.evaluationYears().stream().filter(y -> y <= year).max(Integer::compare);
    }

    /**
     * The evaluation for a release of {@code year}; empty before the first evaluation year, or when assess has
     * not evaluated it from its own data yet ({@link #missing}).
     */
    static Optional<EvaluationData> read(ReleaseSnapshot snapshot, AssessmentSettings settings, Catalog catalog, String district,
                                         int year, ReleaseTables disclosure) {
        Optional<Integer> evaluationYear = yearFor(settings, year);
        if (evaluationYear.isEmpty()) return Optional.empty();
        int e = evaluationYear.get();
        Dataset<Row> table = snapshot.read(Warehouse.EVALUATION);
        List<ProgressStatus> statuses = counted(table.schema());
        List<Area> areas = new ArrayList<>();
        for (Row r : table.where(col("evaluation_year").equalTo(e).and(col("basis").equalTo(Evaluation.OBSERVED)))
                .orderBy("plan", "area").collectAsList()) {
            areas.add(area(r, statuses));
        }
        if (areas.isEmpty()) return Optional.empty();

        CellKey total = CellKey.total(district);
        Dataset<Row> assessment = onlyTotal(snapshot.read(Warehouse.ASSESSMENT), total).where(col("assessed_year").equalTo(e));
        // the rows disclosure control rewrote carry no schema of their own: their columns are read by the table's
        Columns a = new Columns(assessment.schema());
        Map<String, Judged> judged = new LinkedHashMap<>();
        List<Row> stored = assessment.orderBy("indicator").collectAsList();
        List<Row> disclosed = disclosure.assessment(stored);
        for (int i = 0; i < stored.size(); i++) {
            Row r = disclosed.get(i);
            String indicator = a.get(r, "indicator");
            judged.put(indicator, judged(a, r, disclosure.withholds(indicator, total)));
            if (ReleaseTables.WITHHELD_STATUS.equals(a.get(r, "status"))) {
                // a status withheld is not counted either: the counts less the statuses listed would give it
                ProgressStatus counted = Coded.ofCode(ProgressStatus.class, a.get(stored.get(i), "status"), "status");
                catalog.entries().stream().filter(entry -> entry.code().equals(indicator)).findFirst().map(Catalog.Entry::indicator)
                        .ifPresent(ind -> areas.replaceAll(area -> area.plan().equals(ind.plan())
                                && (area.wholePlan() || area.area().equals(ind.area())) ? area.without(counted) : area));
            }
        }

        Map<String, String> trends = new LinkedHashMap<>();
        for (Row r : onlyTotal(snapshot.read(Warehouse.SERIES), total).where(col("year").equalTo(e))
                .orderBy("indicator").select("indicator", "trend").collectAsList()) {
            trends.put(r.getString(0), r.getString(1));
        }

        // the most severe first, as the yearbook lists them
        List<Caution> warnings = new ArrayList<>();
        Dataset<Row> warningTable = snapshot.read(Warehouse.WARNINGS).where(col("assessed_year").equalTo(e));
        Columns w = new Columns(warningTable.schema());
        for (Row r : disclosure.warnings(warningTable.orderBy("indicator", "region", "sex", "age_band", "residence", "kind", "reason")
                .collectAsList())) {
            CellKey cell = new CellKey(w.get(r, "region"), w.get(r, "sex"), w.get(r, "age_band"), w.get(r, "residence"));
            warnings.add(new Caution(warning(w, r, cell, e), disclosure.withholds(w.get(r, "indicator"), cell)));
        }
        warnings.sort((x, y) -> Integer.compare(x.warning().severity().ordinal(), y.warning().severity().ordinal()));
        return Optional.of(new EvaluationData(e, e == settings.targetYear(), statuses, areas, judged, trends, warnings));
    }

    /**
     * Why a release of an evaluation year has no evaluation, when it has none: the job says so rather than
     * leave it out silently. Empty when there is one, or the year is before the first evaluation year.
     */
    static Optional<String> missing(AssessmentSettings settings, int year, Optional<EvaluationData> read) {
        Optional<Integer> e = yearFor(settings, year);
        if (e.isEmpty() || read.isPresent()) return Optional.empty();
        return Optional.of(Warehouse.EVALUATION + " holds no evaluation of " + e.get() + " from the data up to " + e.get()
                + ", so the release of " + year + " has no evaluation report: run assess --year " + e.get()
                + " (and for every later year), then publish --year " + year + " --republish");
    }

    /** The statuses the table has a column for: those of this wcstat that the snapshot's schema carries. */
    private static List<ProgressStatus> counted(StructType schema) {
        List<String> columns = Arrays.asList(schema.fieldNames());
        return Arrays.stream(ProgressStatus.values()).filter(s -> columns.contains(s.code())).toList();
    }

    private static Dataset<Row> onlyTotal(Dataset<Row> rows, CellKey total) {
        for (Dimension d : Dimension.values()) rows = rows.where(col(d.column()).equalTo(total.code(d)));
        return rows;
    }

    private static Area area(Row r, List<ProgressStatus> statuses) {
        Map<ProgressStatus, Integer> byStatus = new LinkedHashMap<>();
        for (ProgressStatus s : statuses) byStatus.put(s, r.<Integer>getAs(s.code()));
        return new Area(r.getAs("plan"), r.getAs("area"), r.<Integer>getAs("assessed_year"), r.<Integer>getAs("indicators"),
                r.<Integer>getAs("quantified"), byStatus, r.<Integer>getAs("anticipated_met"), r.getAs("summary_zh"),
                r.getAs("summary_en"), r.getAs("basis"));
    }

    /** A table's columns by name, for rows with or without a schema of their own. */
    private record Columns(StructType schema) {
        @SuppressWarnings("unchecked")
        <T> T get(Row r, String column) {
            return (T) r.get(schema.fieldIndex(column));
        }
    }

    private static Judged judged(Columns c, Row r, boolean withheld) {
        String indicator = c.get(r, "indicator");
        String note = c.get(r, "note");
        return new Judged(indicator, new IndicatorStatus(indicator, c.get(r, "status"), c.get(r, "status_zh"), c.get(r, "status_en"), note),
                c.get(r, "method"), c.get(r, "baseline_year"), c.get(r, "baseline_value"), c.get(r, "current_value"),
                c.get(r, "target_value"), c.get(r, "target_year"), c.get(r, "ratio"), c.get(r, "anticipated_2030"),
                c.get(r, "gap_2030"), note, withheld);
    }

    private static Warning warning(Columns c, Row r, CellKey cell, int year) {
        try {
            return new Warning(c.get(r, "indicator"), cell, WarningKind.ofCode(c.get(r, "kind")),
                    Warning.Severity.ofCode(c.get(r, "severity")), c.get(r, "reason"));
        } catch (IllegalArgumentException e) {
            throw new PublishException(Warehouse.WARNINGS + " of " + year + " holds a warning this wcstat does not know: "
                    + e.getMessage() + ". Run assess --year " + year + " again to rewrite the year's warnings, then publish");
        }
    }
}
