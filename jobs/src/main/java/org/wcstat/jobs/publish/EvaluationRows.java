package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.jobs.publish.EvaluationTables.AreaSummary;
import org.wcstat.jobs.publish.EvaluationTables.IndicatorRow;
import org.wcstat.jobs.publish.EvaluationTables.Outline;

import java.util.ArrayList;
import java.util.List;

/**
 * data/evaluation: the evaluation the release shows, for analysts, in one table — a row per outline (area
 * {@code _T}) and per plan area with the counts of indicators.evaluation, then a row per indicator with a
 * target with its district judgement (the columns of indicators.assessment, figures taken out where the
 * series has a withheld value), whether the value anticipated for 2030 meets the target, and the trend.
 * Columns that do not apply to a row are empty.
 */
final class EvaluationRows {
    static final String NAME = "evaluation";

    private EvaluationRows() {
    }

    /** The table's columns; one count column per status the evaluation counts. */
    static StructType schema(EvaluationTables t) {
        List<StructField> f = new ArrayList<>();
        f.add(field("evaluation_year", DataTypes.IntegerType, false));
        f.add(field("evaluation", DataTypes.StringType, false));
        f.add(field("assessed_year", DataTypes.IntegerType, false));
        f.add(field("plan", DataTypes.StringType, false));
        f.add(field("area", DataTypes.StringType, false));
        f.add(field("indicator", DataTypes.StringType, true));
        f.add(field("indicators", DataTypes.IntegerType, true));
        f.add(field("quantified", DataTypes.IntegerType, true));
        for (ProgressStatus s : t.statuses) f.add(field(s.code(), DataTypes.IntegerType, true));
        f.add(field("anticipated_met", DataTypes.IntegerType, true));
        f.add(field("summary_zh", DataTypes.StringType, true));
        f.add(field("summary_en", DataTypes.StringType, true));
        f.add(field("basis", DataTypes.StringType, true));
        f.add(field("unit", DataTypes.StringType, true));
        f.add(field("status", DataTypes.StringType, true));
        f.add(field("status_zh", DataTypes.StringType, true));
        f.add(field("status_en", DataTypes.StringType, true));
        f.add(field("method", DataTypes.StringType, true));
        f.add(field("baseline_year", DataTypes.IntegerType, true));
        f.add(field("baseline_value", DataTypes.DoubleType, true));
        f.add(field("current_value", DataTypes.DoubleType, true));
        f.add(field("target_value", DataTypes.DoubleType, true));
        f.add(field("target_year", DataTypes.IntegerType, true));
        f.add(field("ratio", DataTypes.DoubleType, true));
        f.add(field("anticipated_2030", DataTypes.DoubleType, true));
        f.add(field("gap_2030", DataTypes.DoubleType, true));
        f.add(field("meets_target", DataTypes.BooleanType, true));
        f.add(field("trend", DataTypes.StringType, true));
        f.add(field("note", DataTypes.StringType, true));
        return new StructType(f.toArray(StructField[]::new));
    }

    /** The rows: per outline its own row, its areas', then its indicators area by area. */
    static List<Row> rows(EvaluationTables t) {
        String evaluation = t.isFinal ? "final" : "mid_term";
        List<Row> rows = new ArrayList<>();
        for (Outline o : t.outlines) {
            rows.add(area(t, evaluation, o.whole()));
            for (AreaSummary a : o.areas()) rows.add(area(t, evaluation, a));
            List<IndicatorRow> indicators = new ArrayList<>(o.quantified());
            indicators.addAll(o.directions());
            for (IndicatorRow r : indicators) rows.add(indicator(t, evaluation, r));
        }
        return rows;
    }

    private static Row area(EvaluationTables t, String evaluation, AreaSummary s) {
        EvaluationData.Area a = s.area();
        List<Object> c = new ArrayList<>(List.of(t.year, evaluation, a.assessedYear(), a.plan(), a.area()));
        c.add(null);
        c.add(a.indicators());
        c.add(a.quantified());
        for (ProgressStatus st : t.statuses) c.add(a.count(st));
        c.add(a.anticipatedMet());
        c.add(a.summaryZh());
        c.add(a.summaryEn());
        c.add(a.basis());
        for (int i = 0; i < 16; i++) c.add(null);
        return RowFactory.create(c.toArray());
    }

    private static Row indicator(EvaluationTables t, String evaluation, IndicatorRow r) {
        List<Object> c = new ArrayList<>(List.of(t.year, evaluation, t.year, r.indicator().plan(), r.indicator().area(),
                r.entry().code()));
        for (int i = 0; i < 2 + t.statuses.size() + 4; i++) c.add(null);
        EvaluationData.Judged j = r.judged();
        IndicatorStatus s = r.status();
        c.add(r.indicator().unit());
        c.add(s.status());
        c.add(s.zh());
        c.add(s.en());
        if (j == null) {
            for (int i = 0; i < 10; i++) c.add(null);
            c.add(r.trend());
            c.add(null);
        } else {
            c.add(j.method());
            c.add(j.baselineYear());
            c.add(j.baselineValue());
            c.add(j.currentValue());
            c.add(j.targetValue());
            c.add(j.targetYear());
            c.add(j.ratio());
            c.add(j.anticipated2030());
            c.add(j.gap2030());
            c.add(j.meetsTarget());
            c.add(r.trend());
            c.add(j.note());
        }
        return RowFactory.create(c.toArray());
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
