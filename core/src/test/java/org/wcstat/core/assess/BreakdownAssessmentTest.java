package org.wcstat.core.assess;

import org.junit.jupiter.api.Test;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.dimension.CellKey;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wcstat.core.assess.Fixtures.TOTAL;
import static org.wcstat.core.assess.Fixtures.assess;
import static org.wcstat.core.assess.Fixtures.of;

/** One series judged end to end: the series table, the assessment row and the warnings it raises. */
class BreakdownAssessmentTest {

    private static final double EPS = 1e-6;

    @Test
    void needsAccelerationWithItsSeriesRowAndWarnings() {
        // target >= 90; 80, 80.6, 81.2, 81.8, 82.4 in 2020-2024 (+0.6 a year)
        // CAGR_a = (82.4/80)^(1/4) − 1 = 1.03^0.25 − 1 = e^(0.0295588/4) − 1 = 0.0074171
        // CAGR_r = (90/80)^(1/10) − 1 = 0.0118479; R = 0.0074171 / 0.0118479 = 0.6260: needs acceleration (0.60-0.95)
        // the weighted fit of an exact line is that line: slope 0.6, 2025 → 83.0, 2030 → 86.0
        // gap_2030 = +1 × (86 − 90) = −4; share of the required progress missing = (90 − 86)/(90 − 80) = 0.4: medium
        BreakdownAssessment.Result r = assess(">= 90", 2024, 2020, 80, 2021, 80.6, 2022, 81.2, 2023, 81.8, 2024, 82.4);
        BreakdownAssessment.Judgement j = r.judgement();
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, j.status());
        assertEquals("cagr_ratio", j.method());
        assertEquals(0.6260, j.ratio(), 1e-4);
        assertEquals(2020, j.baselineYear());
        assertEquals(80, j.baselineValue(), EPS);
        assertEquals(82.4, j.currentValue(), EPS);
        assertEquals(90, j.targetValue(), EPS);
        assertEquals(2030, j.targetYear());
        assertEquals(83.0, j.anticipated2025(), EPS);
        assertEquals(86.0, j.anticipated2030(), EPS);
        assertEquals(-4.0, j.gap2030(), EPS);
        assertTrue(j.quantified());
        assertFalse(j.anticipatedMet());

        // series: 2021 changes by 0.6 = 0.75% of 80; three points from 2022 give the trend 0.6 a year, well above
        // the flat band of 0.5% × mean level 80.6 = 0.403
        BreakdownAssessment.Point p2020 = r.points().get(0);
        BreakdownAssessment.Point p2021 = r.points().get(1);
        BreakdownAssessment.Point p2022 = r.points().get(2);
        assertNull(p2020.yoyChange());
        assertEquals("none", p2020.trend());
        assertEquals(0.6, p2021.yoyChange(), EPS);
        assertEquals(0.75, p2021.yoyPct(), EPS);
        assertNull(p2021.trendSlope());
        assertEquals(0.6, p2022.trendSlope(), EPS);
        assertEquals("up", p2022.trend());
        assertEquals(81.2, p2022.smoothed(), EPS);

        Warning miss = of(r, WarningKind.PROJECTED_MISS).get(0);
        assertEquals(Warning.Severity.MEDIUM, miss.severity());
        assertEquals("C-T-01 测试率 (昭化区): projected to miss the target >= 90: weighted trend 0.6 a year from 5 values "
                + "2020–2024 anticipates 83 in 2025 and 86 in 2030, missing the target >= 90 in 2030 by 4, 40.00% of the "
                + "progress required from 2020.", miss.reason());
        Warning slow = of(r, WarningKind.NEEDS_ACCELERATION).get(0);
        assertEquals(Warning.Severity.MEDIUM, slow.severity());
        assertTrue(slow.reason().startsWith("C-T-01 测试率 (昭化区): progress made but acceleration needed (需加快) towards >= 90, "
                + "80 in 2020 to 82.4 in 2024: growth 0.74% a year against 1.18% a year"), slow.reason());
        // equal changes of +0.6 (M = 0) and +0.73% a year: no fluctuation; no gap, no implausible value
        assertEquals(2, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void everyStatusAndTheWarningsItRaises() {
        // on track: 80 (2020), 83 (2022), 86 (2024), >= 90: R = 1.54 (CagrAssessmentTest); the fit, slope 1.5,
        // anticipates 86 + 6 × 1.5 = 95 ≥ 90 in 2030, so no projected miss; 2021 and 2023 are missing (low)
        BreakdownAssessment.Result onTrack = assess(">= 90", 2024, 2020, 80, 2022, 83, 2024, 86);
        assertEquals(ProgressStatus.ON_TRACK, onTrack.judgement().status());
        assertTrue(onTrack.judgement().anticipatedMet());
        assertEquals(5.0, onTrack.judgement().gap2030(), EPS);
        assertTrue(of(onTrack, WarningKind.PROJECTED_MISS).isEmpty());
        assertTrue(of(onTrack, WarningKind.NEEDS_ACCELERATION).isEmpty());
        Warning gaps = of(onTrack, WarningKind.MISSING_YEAR).get(0);
        assertEquals(Warning.Severity.LOW, gaps.severity());
        assertEquals("C-T-01 测试率 (昭化区): no value for 2021, 2023 in the series since 2020, the last value is 86 in 2024.", gaps.reason());

        // limited progress: 80, 80.4, 80.8: CAGR_a = 1.01^0.5 − 1 = 0.0049876, R = 0.4210; fit slope 0.4 anticipates
        // 80.8 + 8 × 0.4 = 84 in 2030: (90 − 84)/(90 − 80) = 0.6 of the required progress missing: high
        BreakdownAssessment.Result limited = assess(">= 90", 2022, 2020, 80, 2021, 80.4, 2022, 80.8);
        assertEquals(ProgressStatus.LIMITED_PROGRESS, limited.judgement().status());
        assertEquals(Warning.Severity.HIGH, of(limited, WarningKind.NEEDS_ACCELERATION).get(0).severity());
        assertEquals(Warning.Severity.HIGH, of(limited, WarningKind.PROJECTED_MISS).get(0).severity());
        assertEquals(84.0, limited.judgement().anticipated2030(), EPS);

        // deterioration: <= 5.0 with 6.0, 6.2, 6.5 rising: R = −1.1187 (CagrAssessmentTest)
        BreakdownAssessment.Result worse = assess("<= 5.0", 2024, 2020, 6.0, 2022, 6.2, 2024, 6.5);
        assertEquals(ProgressStatus.DETERIORATION, worse.judgement().status());
        assertEquals(Warning.Severity.HIGH, of(worse, WarningKind.NEEDS_ACCELERATION).get(0).severity());
        assertTrue(of(worse, WarningKind.NEEDS_ACCELERATION).get(0).reason().contains("deterioration (退步)"));

        // achieved: 85, 88, 91 ≥ 90: no progress warning
        BreakdownAssessment.Result achieved = assess(">= 90", 2023, 2020, 85, 2021, 88, 2022, 89.5, 2023, 91);
        assertEquals(ProgressStatus.ACHIEVED, achieved.judgement().status());
        assertEquals("已实现", achieved.judgement().status().zh());
        assertTrue(achieved.warnings().isEmpty(), achieved.warnings().toString());
    }

    @Test
    void projectedToLoseATargetTheBaselineMet() {
        // <= 5.0 with 3.0, 4.0, 4.8 in 2020-2022: met now (achieved, moving away); weights 1, 2, 3:
        // t̄ = 2021.3333, x̄ = 25.4/6 = 4.23333, Sxy = 1.644444 + 0.155556 + 1.133333 = 2.933333,
        // Sxx = 1.777778 + 0.222222 + 1.333333 = 3.333333, b = 0.88; x̂(2030) = 4.23333 + 0.88 × 8.66667 = 11.86,
        // 6.86 above the target that 2020 met: no share of required progress exists, so high
        BreakdownAssessment.Result r = assess("<= 5.0", 2022, 2020, 3.0, 2021, 4.0, 2022, 4.8);
        assertEquals(ProgressStatus.ACHIEVED, r.judgement().status());
        assertEquals(11.86, r.judgement().anticipated2030(), 1e-9);
        assertEquals(-6.86, r.judgement().gap2030(), 1e-9);
        Warning miss = of(r, WarningKind.PROJECTED_MISS).get(0);
        assertEquals(Warning.Severity.HIGH, miss.severity());
        assertTrue(miss.reason().endsWith("missing the target <= 5 in 2030 by 6.86, although the 2020 value met it."), miss.reason());
    }

    @Test
    void aProjectionBeyondThePlausibleRangeIsHeldAtItsBound() {
        // >= 97 with 97.66, 98.0, 98.44 in 2023-2025 (+0.39 a year): a coverage cannot pass 100%
        // the line: weights 1, 2, 3, t̄ = 2024.3333, x̄ = (97.66 + 196 + 295.32)/6 = 98.16333,
        // b = [1 × (−1.3333)(−0.50333) + 2 × (−0.3333)(−0.16333) + 3 × (0.6667)(0.27667)] / 3.3333
        //   = (0.671111 + 0.108889 + 0.553333) / 3.333333 = 0.4; x̂(2030) = 98.16333 + 0.4 × 5.6667 = 100.43 → 100
        BreakdownAssessment.Result r = assess(">= 97", 2025, 2023, 97.66, 2024, 98.0, 2025, 98.44);
        BreakdownAssessment.Judgement j = r.judgement();
        assertEquals(100.0, j.anticipated2030(), 1e-9);
        assertEquals(3.0, j.gap2030(), 1e-9);
        assertTrue(j.method().endsWith("projection_capped"), j.method());
        assertTrue(j.note().endsWith("Anticipated values are held within the plausible range [0, 100]."), j.note());
    }

    @Test
    void directionOnlyGoalHasARateButNoTarget() {
        // increase: 50, 51, 52: CAGR = 1.04^0.5 − 1 = 0.0198039 ≥ 1.5% a year: on track; a share has the natural
        // limit 100, so the thresholds are scaled by C = 1 − 0.5^4.44 = 1 − e^(4.44 × −0.693147) = 1 − e^(−3.077574) = 1 − 0.046071 = 0.953929
        // (1.43% and 0.48%), which changes nothing here
        BreakdownAssessment.Result r = assess("increase", 2022, 2020, 50, 2021, 51, 2022, 52);
        BreakdownAssessment.Judgement j = r.judgement();
        assertEquals(ProgressStatus.ON_TRACK, j.status());
        assertEquals("growth_rate+limit_scaled", j.method());
        assertTrue(j.note().contains("(thresholds 1.43% and 0.48% a year, 1.50% and 0.50% scaled by 0.954 for a baseline near the"
                + " natural limit 100)"), j.note());
        assertEquals(0.0198039, j.ratio(), EPS);
        assertNull(j.targetValue());
        assertNull(j.targetYear());
        assertNull(j.gap2030());
        assertFalse(j.quantified());
        // a decrease desired: the same rate is the wrong way, so its directed rate is negative
        assertEquals(-0.0198039, assess("decrease", 2022, 2020, 50, 2021, 51, 2022, 52).judgement().ratio(), EPS);
    }

    @Test
    void noTargetMeansASeriesButNoJudgement() {
        BreakdownAssessment.Result r = BreakdownAssessment.assess(Fixtures.entry("C-T-09", "%", null, null), TOTAL,
                Fixtures.values(2023, 50, 2024, 55), 2024, Fixtures.SETTINGS, Fixtures.vocabulary(), true);
        assertNull(r.judgement());
        assertEquals(2, r.points().size());
        assertEquals(10.0, r.points().get(1).yoyPct(), EPS);
    }

    @Test
    void cornerCasesAreNamedInMethodAndNote() {
        // zero baseline: >= 10 from 0, 1, 2: linear 1 a year against (10 − 0)/10 = 1 required: R = 1, on track
        BreakdownAssessment.Judgement zero = assess(">= 10", 2022, 2020, 0, 2021, 1, 2022, 2).judgement();
        assertEquals("cagr_ratio+zero_baseline", zero.method());
        assertEquals(ProgressStatus.ON_TRACK, zero.status());
        assertEquals(1.0, zero.ratio(), EPS);
        assertTrue(zero.note().contains("growth rates undefined at zero"), zero.note());

        // target zero: <= 0 from 4, 3, 2: −1 a year against (0 − 4)/10 = −0.4: R = 2.5, on track; the line
        // anticipates 2 − 8 = −6 in 2030, floored at 0 because the rate cannot go below it
        BreakdownAssessment.Judgement toZero = assess("<= 0", 2022, 2020, 4, 2021, 3, 2022, 2).judgement();
        assertEquals("cagr_ratio+zero_target+projection_floored", toZero.method());
        assertEquals(2.5, toZero.ratio(), EPS);
        assertEquals(0.0, toZero.anticipated2030(), EPS);
        assertTrue(toZero.note().contains("(floored at 0)"), toZero.note());

        // "≈ 105 ± 2" from 112, 111, 110: measured to the upper edge 107, a decrease desired
        // CAGR_a = (110/112)^(1/2) − 1 = −0.0089688, CAGR_r = (107/112)^(1/10) − 1 = −0.0045566, R = 1.9683
        // the fit (slope −1) anticipates 110 − 8 = 102 in 2030, below the band 103-107 by 1
        BreakdownAssessment.Judgement band = BreakdownAssessment.assess(Fixtures.entry("C-T-04", "女=100", "≈ 105 ± 2", null), TOTAL,
                Fixtures.values(2020, 112, 2021, 111, 2022, 110), 2022, Fixtures.SETTINGS, Fixtures.vocabulary(), true).judgement();
        assertEquals("cagr_ratio+band_target", band.method());
        assertEquals(1.9683, band.ratio(), 1e-4);
        assertEquals(105, band.targetValue(), EPS);
        assertEquals(-1.0, band.gap2030(), EPS);

        // already past the target and moving away: <= 5.0 with 3.0, 3.2, 3.5
        BreakdownAssessment.Judgement away = assess("<= 5.0", 2024, 2020, 3.0, 2022, 3.2, 2024, 3.5).judgement();
        assertEquals(ProgressStatus.ACHIEVED, away.status());
        assertEquals("cagr_ratio+achieved_moving_away", away.method());
        assertTrue(away.note().contains("moved away from it since 2020"), away.note());

        // fewer than three points: a rate from two, no projection
        BreakdownAssessment.Result two = assess(">= 90", 2024, 2020, 80, 2024, 86);
        assertEquals("cagr_ratio+few_points", two.judgement().method());
        assertNull(two.judgement().anticipated2030());
        assertTrue(two.judgement().note().contains("two values only"), two.judgement().note());
        assertTrue(two.judgement().note().contains("a trend needs at least 3"), two.judgement().note());
        assertTrue(of(two, WarningKind.PROJECTED_MISS).isEmpty());
        assertEquals("none", two.points().get(1).trend());

        // one point only: insufficient data
        assertEquals(ProgressStatus.INSUFFICIENT_DATA, assess(">= 90", 2024, 2024, 86).judgement().status());
    }

    @Test
    void smallNumbersArePooledAndSaidSo() {
        // ‰ rate a/b × 1000 with values flagged unstable: pooled over three years, Σa / Σb × 1000
        // 2020: 2/400 → 5; 2021: (2+0)/(400+500) → 2.2222; 2022: (2+0+3)/1400 → 3.5714; 2023: (0+3+1)/1400 → 2.8571
        Catalog.Entry e = Fixtures.entry("C-T-02", "‰", "<= 3.0", null);
        List<Observation> obs = List.of(
                new Observation(2020, 5.0, 2, 400.0, 0.6, 18.1, "unstable"),
                new Observation(2021, 0.0, 0, 500.0, 0.0, 7.4, "unstable"),
                new Observation(2022, 6.0, 3, 500.0, 1.2, 17.5, "unstable"),
                new Observation(2023, 2.5, 1, 400.0, 0.1, 13.9, "unstable"));
        BreakdownAssessment.Result r = BreakdownAssessment.assess(e, TOTAL, obs, 2023, Fixtures.SETTINGS, Fixtures.vocabulary(), true);
        assertTrue(r.smoothed().pooled());
        assertEquals(5.0, r.points().get(0).smoothed(), EPS);
        assertEquals(2.2222222, r.points().get(1).smoothed(), EPS);
        assertEquals(3.5714286, r.points().get(2).smoothed(), EPS);
        assertEquals(2.8571429, r.points().get(3).smoothed(), EPS);
        // the published value stays in the series table beside the pooled one
        assertEquals(6.0, r.points().get(2).value(), EPS);
        assertEquals("unstable", r.points().get(2).flags());
        // 2.857 ≤ 3.0: achieved on the pooled value, while the yearly 2022 value (6‰) would not even have been close;
        // judged as printed, to the rate's two decimals: 2.86
        BreakdownAssessment.Judgement j = r.judgement();
        assertEquals(ProgressStatus.ACHIEVED, j.status());
        assertEquals(2.86, j.currentValue(), EPS);
        assertTrue(j.method().contains("small_numbers"), j.method());
        assertTrue(j.note().contains("pooled values because of small numbers"), j.note());
        assertTrue(j.note().contains("Judged on 3-year pooled rates because some yearly values rest on small numbers."), j.note());

        // an indicator the catalog pools is already pooled by compute: judged as published, and said so
        Catalog.Entry pooled = Fixtures.entry("C-T-03", "‰", "<= 3.0", 3);
        BreakdownAssessment.Result p = BreakdownAssessment.assess(pooled, TOTAL, Fixtures.values(2022, 3.5, 2023, 3.2, 2024, 2.9),
                2024, Fixtures.SETTINGS, Fixtures.vocabulary(), true);
        assertEquals(2.9, p.judgement().currentValue(), EPS);
        assertTrue(p.judgement().note().contains("Judged on 3-year pooled rates as computed."), p.judgement().note());
    }

    @Test
    void strongFluctuation() {
        // 90, 91, 90, 91, 90, 70 in 2019-2024: changes +1 −1 +1 −1 −20, median −1, deviations 2 0 2 0 19,
        // MAD 2, M = 0.6745 × (−20 + 1)/2 = −6.41 beyond ±3.5, and (70 − 90)/90 = −22.22% beyond ±20%: both, high
        BreakdownAssessment.Result r = assess(">= 80", 2024, 2019, 90, 2020, 91, 2021, 90, 2022, 91, 2023, 90, 2024, 70);
        Warning w = of(r, WarningKind.FLUCTUATION).get(0);
        assertEquals(Warning.Severity.HIGH, w.severity());
        assertEquals("C-T-01 测试率 (昭化区): strong fluctuation, the 2024 change -20 has a modified z-score of -6.41 among the 5 "
                + "year-on-year changes (beyond ±3.5); 90 to 70 is a year-on-year change of -22.22% beyond the ±20.00% bound.", w.reason());
        // only the year-on-year bound: 70, 100, 90, 70: changes +30 −10 −20, median −10, deviations 40 0 10,
        // MAD 10, M = 0.6745 × (−20 + 10)/10 = −0.67; but 90 → 70 is −22.22%: medium
        BreakdownAssessment.Result yoy = assess(">= 80", 2023, 2020, 70, 2021, 100, 2022, 90, 2023, 70);
        assertEquals(Warning.Severity.MEDIUM, of(yoy, WarningKind.FLUCTUATION).get(0).severity());
    }

    @Test
    void missingYearsAndZeroDenominators() {
        // the district's 2024 is missing: high, naming the last value
        BreakdownAssessment.Result r = assess(">= 80", 2024, 2021, 90, 2022, 91, 2023, 92);
        Warning w = of(r, WarningKind.MISSING_YEAR).get(0);
        assertEquals(Warning.Severity.HIGH, w.severity());
        assertEquals("C-T-01 测试率 (昭化区): no value for 2024 in the series since 2021, the last value is 92 in 2023.", w.reason());

        // a town's 2024 missing is medium; a year whose denominator was zero is named as such
        CellKey yuanba = new CellKey(Fixtures.YUANBA, "_T", "_T", "_T");
        List<Observation> obs = List.of(new Observation(2022, 90.0, 90, 100.0, null, null, ""),
                new Observation(2023, null, 0, 0.0, null, null, "zero_denominator"));
        BreakdownAssessment.Result town = BreakdownAssessment.assess(Fixtures.entry(">= 80"), yuanba, obs, 2024,
                Fixtures.SETTINGS, Fixtures.vocabulary(), true);
        Warning t = of(town, WarningKind.MISSING_YEAR).get(0);
        assertEquals(Warning.Severity.MEDIUM, t.severity());
        assertEquals("C-T-01 测试率 (元坝镇): no value for 2023 (denominator zero), 2024 in the series since 2022, the last value is 90 in 2022.", t.reason());
        // unless the whole indicator lacks 2024, which the district's warning says once
        BreakdownAssessment.Result quiet = BreakdownAssessment.assess(Fixtures.entry(">= 80"), yuanba,
                Fixtures.values(2022, 90, 2023, 91), 2024, Fixtures.SETTINGS, Fixtures.vocabulary(), false);
        assertTrue(of(quiet, WarningKind.MISSING_YEAR).isEmpty());

        // gaps before the baseline window are not reported: the window is 2020 on (or the last five years)
        assertTrue(of(assess(">= 80", 2024, 2015, 90, 2017, 91, 2020, 91, 2021, 92, 2022, 92, 2023, 93, 2024, 93),
                WarningKind.MISSING_YEAR).isEmpty());
    }

    @Test
    void implausibleValues() {
        // 104.3% is above the 100 of the unit "%"
        BreakdownAssessment.Result r = assess(">= 80", 2024, 2023, 95, 2024, 104.3);
        Warning w = of(r, WarningKind.IMPLAUSIBLE).get(0);
        assertEquals(Warning.Severity.HIGH, w.severity());
        assertEquals("C-T-01 测试率 (昭化区): 104.3 % in 2024 is outside the plausible range [0, 100] (numerator 104.3, "
                + "denominator 100); check the source data.", w.reason());
        // an indicator with its own range (a gross enrolment ratio) may pass 100
        var settings = new org.wcstat.core.config.AssessmentSettings(List.of(2025, 2030), 0.2, 0.1,
                new org.wcstat.core.config.AssessmentSettings.PlausibleRanges(java.util.Map.of("%",
                        new org.wcstat.core.config.AssessmentSettings.Range(0.0, 100.0)),
                        java.util.Map.of("C-T-01", new org.wcstat.core.config.AssessmentSettings.Range(0.0, 150.0)), null));
        BreakdownAssessment.Result gross = BreakdownAssessment.assess(Fixtures.entry(">= 80"), TOTAL,
                Fixtures.values(2023, 95, 2024, 104.3), 2024, settings, Fixtures.vocabulary(), true);
        assertTrue(of(gross, WarningKind.IMPLAUSIBLE).isEmpty());
    }

    private static BreakdownAssessment.Result assessObs(Catalog.Entry e, CellKey cell, int year, List<Observation> obs) {
        return BreakdownAssessment.assess(e, cell, obs, year, Fixtures.SETTINGS, Fixtures.vocabulary(), true);
    }

    @Test
    void onlyTheWindowsOwnNoiseMakesASeriesPooled() {
        // <= 5.0‰, per 10,000 births: 60, 58, 60, 55, 45 deaths in 2018-2022 = 6.0, 5.8, 6.0, 5.5, 4.5‰, and one
        // unstable 2015 (8 in 1,000). 2015 is history before the 2020 baseline: judged on the values, 4.5 ≤ 5 achieved.
        // Pooled, 2022 would be (60 + 55 + 45)/30,000 = 5.33‰ against 2020's (60 + 58 + 60)/30,000 = 5.93‰, R ≈ 3.1: on track
        Catalog.Entry e = Fixtures.entry("C-T-07", "‰", "<= 5.0", null);
        List<Observation> history = List.of(
                new Observation(2015, 8.0, 8, 1000.0, 3.45, 15.76, "unstable"),
                new Observation(2018, 6.0, 60, 10000.0, null, null, ""),
                new Observation(2019, 5.8, 58, 10000.0, null, null, ""),
                new Observation(2020, 6.0, 60, 10000.0, null, null, ""),
                new Observation(2021, 5.5, 55, 10000.0, null, null, ""),
                new Observation(2022, 4.5, 45, 10000.0, null, null, ""));
        BreakdownAssessment.Result r = assessObs(e, TOTAL, 2022, history);
        assertFalse(r.smoothed().pooled());
        assertEquals(ProgressStatus.ACHIEVED, r.judgement().status());
        assertFalse(r.judgement().method().contains("small_numbers"), r.judgement().method());
        // the same flag in 2021, inside the window, pools the series
        List<Observation> noisy = new java.util.ArrayList<>(history);
        noisy.set(4, new Observation(2021, 5.5, 55, 10000.0, null, null, "unstable"));
        BreakdownAssessment.Result pooled = assessObs(e, TOTAL, 2022, noisy);
        assertTrue(pooled.smoothed().pooled());
        assertEquals(ProgressStatus.ON_TRACK, pooled.judgement().status());
        assertEquals(5.33, pooled.judgement().currentValue(), EPS);
    }

    @Test
    void theValueJudgedIsTheValuePrinted() {
        // <= 5.0‰: 5.6, 5.3, 5.004, printed 5.6, 5.3, 5 (two decimals): 5 meets the target. Judged on 5.004 it missed
        // it: "growth −2.74% a year against −1.13% required", on track while the yearbook printed a met target
        BreakdownAssessment.Result r = assess("<= 5.0", 2024, 2020, 5.6, 2022, 5.3, 2024, 5.004);
        assertEquals(ProgressStatus.ACHIEVED, r.judgement().status());
        assertEquals(5.0, r.judgement().currentValue(), 0);
        assertTrue(r.judgement().note().startsWith("5.6 in 2020 to 5 in 2024: meets the target <= 5."), r.judgement().note());
        // the series table keeps the value as published
        assertEquals(5.004, r.points().get(2).value(), 0);
    }

    @Test
    void tooFewEventsToJudgeThePooledRate() {
        // pooled by compute, <= 5.0‰: 4 deaths in 1,000 births (2020, Poisson [1.09, 10.24]) to 6 in 1,000 (2025):
        // exact interval [χ²(0.025; 12)/2, χ²(0.975; 14)/2] = [4.4038/2, 26.1189/2] = [2.20, 13.06] per 1,000 holds 5
        Catalog.Entry e = Fixtures.entry("C-T-06", "‰", "<= 5.0", 3);
        List<Observation> obs = List.of(new Observation(2020, 4.0, 4, 1000.0, 1.09, 10.24, "pooled_3y,unstable"),
                new Observation(2025, 6.0, 6, 1000.0, 2.20, 13.06, "pooled_3y,unstable"));
        BreakdownAssessment.Result r = assessObs(e, TOTAL, 2025, obs);
        BreakdownAssessment.Judgement j = r.judgement();
        assertEquals(ProgressStatus.INCONCLUSIVE, j.status());
        assertEquals("无法判定（事件过少）", j.status().zh());
        assertEquals("cagr_ratio+few_points+small_numbers+too_few_events", j.method());
        assertTrue(j.note().contains("the 95% interval [2.2, 13.06] of the 2025 value holds the target <= 5"), j.note());
        // no warning that the pace needs to pick up: there is no telling what the pace is
        assertTrue(of(r, WarningKind.NEEDS_ACCELERATION).isEmpty(), r.warnings().toString());
        // the interval as published: without it, 4 met the target and 6 does not, a lost target
        List<Observation> bare = List.of(new Observation(2020, 4.0, 4, 1000.0, null, null, "pooled_3y"),
                new Observation(2025, 6.0, 6, 1000.0, null, null, "pooled_3y"));
        assertEquals(ProgressStatus.DETERIORATION, assessObs(e, TOTAL, 2025, bare).judgement().status());
    }

    @Test
    void aRateAtItsNaturalLimitIsAchieved() {
        // mother-to-child transmission of syphilis (%, decrease), pooled, 0 of 40, 0 of 38, 0 of 35: the unit's range
        // [0, 100] (conf/assessment.yaml) gives it the limit 0, which it is at; the overlapping Wilson intervals do not
        // make it inconclusive, since nothing is below 0
        Catalog.Entry e = Fixtures.entry("C-T-08", "%", "decrease", 3);
        List<Observation> obs = List.of(new Observation(2020, 0.0, 0, 40.0, 0.0, 8.76, "pooled_3y,unstable"),
                new Observation(2023, 0.0, 0, 38.0, 0.0, 9.18, "pooled_3y,unstable"),
                new Observation(2025, 0.0, 0, 35.0, 0.0, 9.89, "pooled_3y,unstable"));
        BreakdownAssessment.Result r = assessObs(e, TOTAL, 2025, obs);
        assertEquals(ProgressStatus.ACHIEVED, r.judgement().status());
        assertEquals("growth_rate+at_limit+small_numbers", r.judgement().method());
        assertTrue(of(r, WarningKind.NEEDS_ACCELERATION).isEmpty(), r.warnings().toString());
        // 97.6% → 100% under increase reaches the upper limit: achieved (Open SDG without its limit: 0.49% a year, limited)
        BreakdownAssessment.Result full = assess("increase", 2025, 2020, 97.6, 2023, 99.1, 2025, 100);
        assertEquals(ProgressStatus.ACHIEVED, full.judgement().status());
        assertEquals("growth_rate+at_limit+projection_capped", full.judgement().method());
    }

    @Test
    void theDistrictUsesThePlansBaselineWhenThe2020ValueIsMissing() {
        // >= 90 with the plan's 80 for 2020 and 83 (2022), 86 (2024): R = 1.5399 from 2020 (CagrAssessmentTest), flagged;
        // the baseline value is the plan's
        Catalog.Entry e = Fixtures.withBaseline(Fixtures.entry(">= 90"), 80);
        BreakdownAssessment.Judgement j = assessObs(e, TOTAL, 2024, Fixtures.values(2022, 83, 2024, 86)).judgement();
        assertEquals("cagr_ratio+plan_baseline", j.method());
        assertEquals(2020, j.baselineYear());
        assertEquals(80, j.baselineValue(), EPS);
        assertEquals(1.5399, j.ratio(), 1e-4);
        assertTrue(j.note().startsWith("80 in 2020 (plan baseline) to 86 in 2024"), j.note());
        // a town has no plan baseline of its own: its baseline moves to its first year
        CellKey yuanba = new CellKey(Fixtures.YUANBA, "_T", "_T", "_T");
        BreakdownAssessment.Judgement town = assessObs(e, yuanba, 2024, Fixtures.values(2022, 83, 2024, 86)).judgement();
        assertEquals("cagr_ratio+baseline_shifted+few_points", town.method());
    }

    @Test
    void aDifferenceInPointsHasNoPercentageChangeAndMayBeNegative() {
        // 百分点: −4.34, 0.3, −0.2; no yoy_pct, changes of +4.64 and −0.5; −0.2 is plausible ([−100, 100]), and −0.5 is
        // within ±0.2 × 4.34 = 0.868: no fluctuation
        BreakdownAssessment.Result r = BreakdownAssessment.assess(Fixtures.entry("C-T-10", "百分点", "decrease", null), TOTAL,
                Fixtures.values(2023, -4.34, 2024, 0.3, 2025, -0.2), 2025, Fixtures.SETTINGS, Fixtures.vocabulary(), true);
        assertEquals(-0.5, r.points().get(2).yoyChange(), EPS);
        assertNull(r.points().get(1).yoyPct());
        assertNull(r.points().get(2).yoyPct());
        assertTrue(of(r, WarningKind.IMPLAUSIBLE).isEmpty(), r.warnings().toString());
        assertTrue(of(r, WarningKind.FLUCTUATION).isEmpty(), r.warnings().toString());
        // a rate's yoy_pct from a value near zero is left out too: 4.0, 0.3, 0.5‰ (0.3 < 0.2 × 4.0)
        BreakdownAssessment.Result near = assess("<= 5", 2025, 2023, 4.0, 2024, 0.3, 2025, 0.5);
        assertEquals(-92.5, near.points().get(1).yoyPct(), EPS);
        assertNull(near.points().get(2).yoyPct());
    }

    @Test
    void anUrbanRuralGapIsJudgedOnItsSize() {
        // rural less urban, decrease: −4.34 (2020), −2.0 (2023), 1.87 (2025): the absolute gap falls 15.5% a year, on
        // track (CagrAssessmentTest); its anticipated values stay signed and are not held at 0
        BreakdownAssessment.Judgement j = assessObs(Fixtures.gap("C-T-11", "decrease"), TOTAL, 2025,
                Fixtures.values(2020, -4.34, 2023, -2.0, 2025, 1.87)).judgement();
        assertEquals(ProgressStatus.ON_TRACK, j.status());
        assertEquals("growth_rate+absolute_gap", j.method());
        assertEquals(-4.34, j.baselineValue(), EPS);
        assertEquals(1.87, j.currentValue(), EPS);
        assertEquals(0.1549734, j.ratio(), 1e-7);
        // −4.34 (2020), −3.0 (2022), −1.0 (2025): the line through them anticipates a value below 0 for 2030; weights
        // 1, 3, 6: t̄ = (2020 + 6066 + 12150)/10 = 2023.6, x̄ = (−4.34 − 9 − 6)/10 = −1.934,
        // b = [1 (−3.6)(−2.406) + 3 (−1.6)(−1.066) + 6 (1.4)(0.934)] / [12.96 + 7.68 + 11.76] = (8.6616 + 5.1168 + 7.8456)/32.4
        //   = 0.667407; x̂(2030) = −1.934 + 0.667407 × 6.4 = 2.3374: positive, not floored at anything
        BreakdownAssessment.Judgement k = assessObs(Fixtures.gap("C-T-11", "decrease"), TOTAL, 2025,
                Fixtures.values(2020, -4.34, 2022, -3.0, 2025, -1.0)).judgement();
        assertEquals(ProgressStatus.ON_TRACK, k.status());
        assertEquals(2.3374, k.anticipated2030(), 1e-4);
    }
}
