package org.wcstat.jobs.assess;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.assess.BreakdownAssessment;
import org.wcstat.core.assess.Evaluation;
import org.wcstat.core.assess.IndicatorAssessment;
import org.wcstat.core.assess.Observation;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.assess.Warning;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.config.AssessmentSettings;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Vocabulary;
import org.wcstat.jobs.DriverRows;
import org.wcstat.jobs.GroupCommit;
import org.wcstat.jobs.Job;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Judges every indicator of the catalog from indicators.value up to a year Y and writes what that year's
 * assessment owns: indicators.series up to Y (later years, from a later run, stay), Y's rows of
 * indicators.assessment and indicators.warning, and the rows of indicators.evaluation Y is the latest data
 * for (an evaluation year already reached from its own data, later ones provisionally; a re-run of an
 * earlier year leaves the evaluations a later year made). The four tables change together
 * ({@link GroupCommit}), and the same values give the same tables.
 */
public final class AssessJob implements Job {

    /** What one run found, for the command's summary. */
    public record Outcome(int year, int indicators, int series, Map<String, Map<ProgressStatus, Integer>> statusByPlan,
                          Map<Warning.Severity, Integer> warnings) {

        public int warningCount() {
            return warnings.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** One line per plan: its district totals by status. */
        public List<String> planLines() {
            List<String> lines = new ArrayList<>();
            statusByPlan.forEach((plan, counts) -> lines.add(plan + ": " + counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().en()).collect(Collectors.joining(", "))));
            return lines;
        }

        public String summary() {
            String bySeverity = warnings.isEmpty() ? "" : warnings.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().code()).collect(Collectors.joining(", ", " (", ")"));
            return String.format("assessed %d indicator(s) with a target for %d, %d breakdown series; %d warning(s)%s",
                    indicators, year, series, warningCount(), bySeverity);
        }
    }

    @Override
    public String run(JobContext ctx, int year, Optional<String> source) {
        return assess(ctx, year).summary();
    }

    public Outcome assess(JobContext ctx, int year) {
        ctx.warehouse().ensureTables();
        GroupCommit.complete(ctx.warehouse(), ctx.home(), ctx.progress());
        SparkSession spark = ctx.warehouse().spark();
        Configuration config = ctx.config();
        AssessmentSettings settings = config.assessment();
        checkOverrides(ctx);
        Map<String, Map<CellKey, List<Observation>>> values = IndicatorValues.upTo(spark, year, config.catalog());
        ctx.progress().step("judging " + config.catalog().entries().size() + " indicator(s) on their values up to " + year);

        List<Row> series = new ArrayList<>();
        List<Row> assessments = new ArrayList<>();
        List<Row> warnings = new ArrayList<>();
        List<Evaluation.Judged> judgedNow = new ArrayList<>();
        Map<String, Map<ProgressStatus, Integer>> byPlan = new LinkedHashMap<>();
        Map<Warning.Severity, Integer> bySeverity = new EnumMap<>(Warning.Severity.class);
        Vocabulary vocabulary = config.vocabulary();
        CellKey district = vocabulary.total();
        int seriesCount = 0;

        for (Catalog.Entry e : config.catalog().entries()) {
            Map<CellKey, List<Observation>> obs = values.getOrDefault(e.code(), Map.of());
            IndicatorAssessment.Result r = IndicatorAssessment.assess(e, obs, year, settings, vocabulary);
            for (BreakdownAssessment.Result b : r.breakdowns()) {
                seriesCount++;
                b.points().forEach(p -> series.add(AssessmentTables.series(e.code(), b.cell(), p)));
                if (b.judgement() != null) assessments.add(AssessmentTables.assessment(e.code(), year, b.cell(), b.judgement()));
            }
            for (Warning w : r.warnings()) {
                warnings.add(AssessmentTables.warning(year, w));
                bySeverity.merge(w.severity(), 1, Integer::sum);
            }
            if (e.target() == null) continue;
            BreakdownAssessment.Judgement total = r.total().map(BreakdownAssessment.Result::judgement).orElse(null);
            if (total == null) {
                total = noData(e, year);
                assessments.add(AssessmentTables.assessment(e.code(), year, district, total));
            }
            judgedNow.add(new Evaluation.Judged(e, total));
            byPlan.computeIfAbsent(e.indicator().plan(), p -> new EnumMap<>(ProgressStatus.class)).merge(total.status(), 1, Integer::sum);
        }

        List<Row> evaluations = new ArrayList<>();
        List<Integer> evaluated = new ArrayList<>();
        Map<Integer, Integer> madeFrom = evaluatedFrom(spark);
        for (int evaluationYear : settings.evaluationYears()) {
            int assessedYear = Math.min(evaluationYear, year);
            // an evaluation made from later data than this run's (a re-run of an earlier year) stands
            if (madeFrom.getOrDefault(evaluationYear, Integer.MIN_VALUE) > assessedYear) continue;
            List<Evaluation.Judged> judged = evaluationYear >= year ? judgedNow : judgedAsOf(ctx, vocabulary, values, evaluationYear);
            Evaluation.of(evaluationYear, assessedYear, judged).forEach(row -> evaluations.add(AssessmentTables.evaluation(row)));
            evaluated.add(evaluationYear);
        }

        GroupCommit commit = new GroupCommit(ctx.warehouse(), ctx.home(), "assess");
        stage(commit, spark, series, Warehouse.SERIES, col("year").leq(year));
        stage(commit, spark, assessments, Warehouse.ASSESSMENT, col("assessed_year").equalTo(year));
        stage(commit, spark, warnings, Warehouse.WARNINGS, col("assessed_year").equalTo(year));
        stage(commit, spark, evaluations, Warehouse.EVALUATION,
                evaluated.isEmpty() ? lit(false) : col("evaluation_year").isin(evaluated.toArray()));
        commit.commit();
        return new Outcome(year, judgedNow.size(), seriesCount, byPlan, bySeverity);
    }

    /** The latest year of data each evaluation year's rows were made from, as the table holds them. */
    private static Map<Integer, Integer> evaluatedFrom(SparkSession spark) {
        Map<Integer, Integer> from = new java.util.HashMap<>();
        for (Row r : spark.sql("SELECT evaluation_year, max(assessed_year) FROM " + Warehouse.EVALUATION + " GROUP BY evaluation_year")
                .collectAsList()) {
            from.put(r.getInt(0), r.getInt(1));
        }
        return from;
    }

    /** The district totals judged from the data up to an evaluation year already passed. */
    private static List<Evaluation.Judged> judgedAsOf(JobContext ctx, Vocabulary vocabulary,
                                                      Map<String, Map<CellKey, List<Observation>>> values, int year) {
        Configuration config = ctx.config();
        List<Evaluation.Judged> judged = new ArrayList<>();
        for (Catalog.Entry e : config.catalog().entries()) {
            if (e.target() == null) continue;
            // the whole indicator, not the district alone: a target in every town is judged on its towns
            BreakdownAssessment.Judgement j = IndicatorAssessment.assess(e, values.getOrDefault(e.code(), Map.of()), year,
                    config.assessment(), vocabulary).total().map(BreakdownAssessment.Result::judgement).orElse(null);
            judged.add(new Evaluation.Judged(e, j == null ? noData(e, year) : j));
        }
        return judged;
    }

    private static BreakdownAssessment.Judgement noData(Catalog.Entry e, int year) {
        boolean quantified = !e.target().comparator().equals("increase") && !e.target().comparator().equals("decrease");
        return new BreakdownAssessment.Judgement(ProgressStatus.INSUFFICIENT_DATA, "no_data", null, null, null,
                quantified && !e.target().comparator().equals("relative") ? e.target().value() : null,
                quantified ? e.target().year() : null, null, null, null, null,
                "No district value up to " + year + ": nothing to judge.", quantified, false);
    }

    /** Stages rows made on the driver, broadcast rather than carried in every task (DriverRows). */
    private static void stage(GroupCommit commit, SparkSession spark, List<Row> rows, String table, org.apache.spark.sql.Column which) {
        try (DriverRows d = DriverRows.of(spark, rows, spark.table(table).schema())) {
            commit.stage(d.dataset(), table, which);
        }
    }

    /** A per-indicator range for a code the catalog lacks would never apply: say so rather than ignore it. */
    private static void checkOverrides(JobContext ctx) {
        for (String code : ctx.config().assessment().plausibleRanges().byIndicator().keySet()) {
            boolean known = ctx.config().catalog().entries().stream().anyMatch(e -> e.code().equals(code));
            if (!known) {
                ctx.progress().warn(ctx.config().folder().file(AssessmentSettings.FILE) + ": plausible range for " + code
                        + ", which is no indicator of the catalog; correct the code or remove the line");
            }
        }
    }
}
