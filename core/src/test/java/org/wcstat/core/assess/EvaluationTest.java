package org.wcstat.core.assess;

import org.junit.jupiter.api.Test;
import org.wcstat.core.catalog.Catalog;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluationTest {

    private static Evaluation.Judged judged(String code, String area, String target, ProgressStatus status, boolean anticipatedMet) {
        Catalog.Entry base = Fixtures.entry(code, "%", target, null);
        var ind = base.indicator();
        var moved = new org.wcstat.core.catalog.Indicator(ind.code(), ind.plan(), area, ind.nameZh(), ind.nameEn(), ind.unit(),
                ind.numerator(), ind.denominator(), ind.factor(), ind.minus(), ind.by(), ind.interval(), ind.pooledYears(), ind.target(),
                ind.baseline(), ind.sources(), ind.definition(), ind.planText(), ind.counts());
        boolean quantified = !target.equals("increase");
        var j = new BreakdownAssessment.Judgement(status, "cagr_ratio", 2020, 1.0, 1.0, null, null, null, null, null, null, "",
                quantified, anticipatedMet);
        return new Evaluation.Judged(new Catalog.Entry(moved, base.formula(), base.target(), base.file()), j);
    }

    private static final List<Evaluation.Judged> JUDGED = List.of(
            judged("C-1", "health", ">= 90", ProgressStatus.ACHIEVED, true),
            judged("C-2", "health", "<= 5", ProgressStatus.ON_TRACK, true),
            judged("C-3", "health", "<= 5", ProgressStatus.DETERIORATION, false),
            judged("C-4", "education", ">= 97", ProgressStatus.NEEDS_ACCELERATION, false),
            judged("C-5", "education", "increase", ProgressStatus.ON_TRACK, false),
            judged("C-6", "education", ">= 95", ProgressStatus.INSUFFICIENT_DATA, false));

    @Test
    void countsPerPlanAndArea() {
        // the plan: 6 indicators, 5 quantified (C-5 has no number); achieved or on track among the quantified:
        // C-1, C-2 = 2 (C-5 is on track but not quantified)
        List<Evaluation.Row> rows = Evaluation.of(2025, 2025, JUDGED);
        assertEquals(List.of("_T", "health", "education"), rows.stream().map(Evaluation.Row::area).toList());
        Evaluation.Row plan = rows.get(0);
        assertEquals("children", plan.plan());
        assertEquals(6, plan.indicators());
        assertEquals(5, plan.quantified());
        assertEquals(1, plan.count(ProgressStatus.ACHIEVED));
        assertEquals(2, plan.count(ProgressStatus.ON_TRACK));
        assertEquals(1, plan.count(ProgressStatus.NEEDS_ACCELERATION));
        assertEquals(0, plan.count(ProgressStatus.LIMITED_PROGRESS));
        assertEquals(1, plan.count(ProgressStatus.DETERIORATION));
        assertEquals(1, plan.count(ProgressStatus.INSUFFICIENT_DATA));
        assertEquals(Evaluation.OBSERVED, plan.basis());
        assertEquals("2 of 5 quantified indicators achieved or on track", plan.summaryEn());
        assertEquals("5项量化指标中2项已实现或进展顺利", plan.summaryZh());
        // health: 3 quantified, 2 achieved or on track
        assertEquals("2 of 3 quantified indicators achieved or on track", rows.get(1).summaryEn());
        assertEquals("0 of 2 quantified indicators achieved or on track", rows.get(2).summaryEn());
    }

    @Test
    void aLaterEvaluationYearIsProvisional() {
        // from the 2024 data for 2030: C-1 and C-2 anticipated to meet their targets
        Evaluation.Row plan = Evaluation.of(2030, 2024, JUDGED).get(0);
        assertEquals(Evaluation.PROVISIONAL, plan.basis());
        assertEquals(2, plan.anticipatedMet());
        assertEquals("provisional, from the data up to 2024: 2 of 5 quantified indicators achieved or on track; "
                + "2 anticipated to meet their target on time", plan.summaryEn());
        assertEquals("暂定（据2024年数据）：5项量化指标中2项已实现或进展顺利，2项按趋势预计可如期实现目标", plan.summaryZh());
    }
}
