package org.wcstat.jobs.assess;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.wcstat.core.assess.BreakdownAssessment;
import org.wcstat.core.assess.Evaluation;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.assess.Warning;
import org.wcstat.core.dimension.CellKey;

import java.util.ArrayList;
import java.util.List;

/** The rows of the four assessment tables, in the column order of schemas/warehouse/indicators.*.sql. */
final class AssessmentTables {

    private AssessmentTables() {
    }

    static Row series(String indicator, CellKey b, BreakdownAssessment.Point p) {
        return RowFactory.create(indicator, b.region(), b.sex(), b.ageBand(), b.residence(), p.year(), p.value(),
                p.smoothed(), p.yoyChange(), p.yoyPct(), p.trendSlope(), p.trend(), p.flags());
    }

    static Row assessment(String indicator, int year, CellKey b, BreakdownAssessment.Judgement j) {
        ProgressStatus s = j.status();
        return RowFactory.create(indicator, year, b.region(), b.sex(), b.ageBand(), b.residence(),
                s.code(), s.zh(), s.en(), j.method(), j.baselineYear(), j.baselineValue(), j.currentValue(),
                j.targetValue(), j.targetYear(), j.ratio(), j.anticipated2025(), j.anticipated2030(), j.gap2030(), j.note());
    }

    static Row warning(int year, Warning w) {
        CellKey b = w.cell();
        return RowFactory.create(year, w.indicator(), b.region(), b.sex(), b.ageBand(), b.residence(), w.kind().code(),
                w.severity().code(), w.reason());
    }

    /** A count per status, in the statuses' order, which is the order of the table's columns named after them. */
    static Row evaluation(Evaluation.Row e) {
        List<Object> cells = new ArrayList<>(List.of(e.evaluationYear(), e.assessedYear(), e.plan(), e.area(), e.indicators(),
                e.quantified()));
        for (ProgressStatus s : ProgressStatus.values()) cells.add(e.count(s));
        cells.addAll(List.of(e.summaryZh(), e.summaryEn(), e.basis(), e.anticipatedMet()));
        return RowFactory.create(cells.toArray());
    }
}
