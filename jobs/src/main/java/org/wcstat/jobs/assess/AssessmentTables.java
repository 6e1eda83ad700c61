package org.wcstat.jobs.assess;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.wcstat.core.assess.Breakdown;
import org.wcstat.core.assess.BreakdownAssessment;
import org.wcstat.core.assess.Evaluation;
import org.wcstat.core.assess.ProgressStatus;
import org.wcstat.core.assess.Warning;

/** The rows of the four assessment tables, in the column order of schemas/warehouse/indicators.*.sql. */
final class AssessmentTables {

    private AssessmentTables() {
    }

    static Row series(String indicator, Breakdown b, BreakdownAssessment.Point p) {
        return RowFactory.create(indicator, b.region(), b.sex(), b.ageBand(), b.residence(), p.year(), p.value(),
                p.smoothed(), p.yoyChange(), p.yoyPct(), p.trendSlope(), p.trend(), p.flags());
    }

    static Row assessment(String indicator, int year, Breakdown b, BreakdownAssessment.Judgement j) {
        ProgressStatus s = j.status();
        return RowFactory.create(indicator, year, b.region(), b.sex(), b.ageBand(), b.residence(),
                s.name().toLowerCase(), s.zh(), s.en(), j.method(), j.baselineYear(), j.baselineValue(), j.currentValue(),
                j.targetValue(), j.targetYear(), j.ratio(), j.anticipated2025(), j.anticipated2030(), j.gap2030(), j.note());
    }

    static Row warning(int year, Warning w) {
        Breakdown b = w.breakdown();
        return RowFactory.create(year, w.indicator(), b.region(), b.sex(), b.ageBand(), b.residence(), w.kind().code(),
                w.severity().code(), w.reason());
    }

    static Row evaluation(Evaluation.Row e) {
        return RowFactory.create(e.evaluationYear(), e.assessedYear(), e.plan(), e.area(), e.indicators(), e.quantified(),
                e.count(ProgressStatus.ACHIEVED), e.count(ProgressStatus.ON_TRACK), e.count(ProgressStatus.NEEDS_ACCELERATION),
                e.count(ProgressStatus.LIMITED_PROGRESS), e.count(ProgressStatus.DETERIORATION),
                e.count(ProgressStatus.INSUFFICIENT_DATA), e.summaryZh(), e.summaryEn(), e.basis(), e.anticipatedMet());
    }
}
