package org.wcstat.core.assess;

import org.junit.jupiter.api.Test;
import org.wcstat.core.catalog.Target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CagrAssessmentTest {

    private static final double EPS = 1e-6;

    private static Assessment assess(String target, double... yearValues) {
        return CagrAssessment.assess(Series.of(yearValues), Target.parse(target), false);
    }

    @Test
    void onTrack() {
        // hospital delivery rate, target >= 90: 2020 = 80, 2024 = 86
        // CAGR_a = (86/80)^(1/4) − 1 = 1.075^0.25 − 1 = e^(0.0723207/4) − 1 = 0.0182446
        // CAGR_r = (90/80)^(1/10) − 1 = 1.125^0.1 − 1 = e^(0.1177830/10) − 1 = 0.0118479
        // R = 0.0182446 / 0.0118479 = 1.5399 ≥ 0.95
        Assessment a = assess(">= 90", 2020, 80, 2022, 83, 2024, 86);
        assertEquals(ProgressStatus.ON_TRACK, a.status());
        assertEquals(0.0182446, a.growth(), EPS);
        assertEquals(0.0118479, a.required(), EPS);
        assertEquals(1.5399, a.ratio(), 1e-4);
        assertTrue(a.cornerCases().isEmpty());
        assertTrue(a.explanation().contains("ratio 1.54"), a.explanation());
    }

    @Test
    void needsAccelerationForADecreasingTarget() {
        // "<=" target: a decrease is progress. 2020 = 20, 2021 = 19, 2022 = 18.05 (= 20 × 0.95²), target <= 10
        // CAGR_a = (18.05/20)^(1/2) − 1 = 0.95 − 1 = −0.05
        // CAGR_r = (10/20)^(1/10) − 1 = 0.5^0.1 − 1 = −0.0669670
        // R = −0.05 / −0.0669670 = 0.7466: between 0.60 and 0.95
        Assessment a = assess("<= 10", 2020, 20, 2021, 19, 2022, 18.05);
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, a.status());
        assertEquals(-0.05, a.growth(), EPS);
        assertEquals(-0.0669670, a.required(), EPS);
        assertEquals(0.7466, a.ratio(), 1e-4);
    }

    @Test
    void limitedProgress() {
        // 2020 = 80, 2021 = 80.4, 2022 = 80.8, target >= 90
        // CAGR_a = 1.01^(1/2) − 1 = 0.0049876; R = 0.0049876 / 0.0118479 = 0.4210: between 0 and 0.60
        Assessment a = assess(">= 90", 2020, 80, 2021, 80.4, 2022, 80.8);
        assertEquals(ProgressStatus.LIMITED_PROGRESS, a.status());
        assertEquals(0.4210, a.ratio(), 1e-4);
    }

    @Test
    void deterioration() {
        // maternal mortality ‰ target <= 5.0: 2020 = 6.0, 2024 = 6.5 rises while a fall is required
        // CAGR_a = (6.5/6)^(1/4) − 1 > 0, CAGR_r = (5/6)^(1/10) − 1 < 0, so R < 0
        // CAGR_a = e^(ln(1.083333)/4) − 1 = e^(0.0800427/4) − 1 = 0.0202122
        // CAGR_r = e^(ln(0.833333)/10) − 1 = e^(−0.0182322) − 1 = −0.0180670; R = −1.1187
        Assessment a = assess("<= 5.0", 2020, 6.0, 2022, 6.2, 2024, 6.5);
        assertEquals(ProgressStatus.DETERIORATION, a.status());
        assertEquals(-1.1187, a.ratio(), 1e-4);
    }

    @Test
    void achieved() {
        // 2020 = 85, 2023 = 91 ≥ 90
        Assessment a = assess(">= 90", 2020, 85, 2021, 88, 2023, 91);
        assertEquals(ProgressStatus.ACHIEVED, a.status());
        assertNull(a.ratio());
        assertFalse(a.has(CornerCase.ACHIEVED_MOVING_AWAY));
    }

    @Test
    void alreadyPastTheTargetButMovingAway() {
        // 2020 = 3.0‰, 2024 = 3.5‰, target <= 5.0: met throughout, but rising where a fall is desired
        Assessment a = assess("<= 5.0", 2020, 3.0, 2022, 3.2, 2024, 3.5);
        assertEquals(ProgressStatus.ACHIEVED, a.status());
        assertTrue(a.has(CornerCase.ACHIEVED_MOVING_AWAY));
        assertTrue(a.explanation().contains("moved away"), a.explanation());
    }

    @Test
    void targetLost() {
        // 2020 = 4.8 met <= 5; 2024 = 5.3 does not: the required rate (5/4.8)^(1/10) − 1 > 0 would point the wrong way
        Assessment a = assess("<= 5", 2020, 4.8, 2022, 5.0, 2024, 5.3);
        assertEquals(ProgressStatus.DETERIORATION, a.status());
        assertTrue(a.has(CornerCase.TARGET_LOST));
        assertNull(a.ratio());
    }

    @Test
    void missingBaselineUsesFirstLaterYear() {
        // no 2020 value: baseline 2021 = 80, 2025 = 86, target >= 90 by 2030
        // CAGR_a = (86/80)^(1/4) − 1 = 0.0182446; CAGR_r = (90/80)^(1/9) − 1 = e^(0.1177830/9) − 1 = 0.0131730
        // R = 1.3850
        Assessment a = assess(">= 90", 2019, 70, 2021, 80, 2023, 83, 2025, 86);
        assertEquals(ProgressStatus.ON_TRACK, a.status());
        assertEquals(2021, a.baseYear());
        assertEquals(0.0131730, a.required(), EPS);
        assertEquals(1.3850, a.ratio(), 1e-4);
        assertTrue(a.has(CornerCase.BASELINE_SHIFTED));
    }

    @Test
    void zeroBaselineUsesLinearProgress() {
        // towns with a children's home, target >= 10: 2020 = 0, 2024 = 3
        // actual (3 − 0)/4 = 0.75 a year, required (10 − 0)/10 = 1.0 a year, R = 0.75
        Assessment a = assess(">= 10", 2020, 0, 2022, 1, 2024, 3);
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, a.status());
        assertEquals(0.75, a.growth(), EPS);
        assertEquals(1.0, a.required(), EPS);
        assertEquals(0.75, a.ratio(), EPS);
        assertTrue(a.has(CornerCase.ZERO_BASELINE));
    }

    @Test
    void zeroTargetUsesLinearProgress() {
        // cases, target <= 0: 2020 = 4, 2024 = 2
        // actual (2 − 4)/4 = −0.5 a year, required (0 − 4)/10 = −0.4 a year, R = 1.25
        Assessment a = assess("<= 0", 2020, 4, 2022, 3, 2024, 2);
        assertEquals(ProgressStatus.ON_TRACK, a.status());
        assertEquals(1.25, a.ratio(), EPS);
        assertTrue(a.has(CornerCase.ZERO_TARGET));
    }

    @Test
    void bandTargetMeasuredToNearestEdge() {
        // sex ratio at birth ≈ 105 ± 2: 2020 = 112, 2024 = 110, above the band, so towards 107
        // CAGR_a = (110/112)^(1/4) − 1 = e^(−0.0180185/4) − 1 = −0.0044945
        // CAGR_r = (107/112)^(1/10) − 1 = e^(−0.0456702/10) − 1 = −0.0045566
        // R = 0.9864 ≥ 0.95
        Assessment a = assess("≈ 105 ± 2", 2020, 112, 2022, 111, 2024, 110);
        assertEquals(ProgressStatus.ON_TRACK, a.status());
        assertEquals(-0.0045566, a.required(), EPS);
        assertEquals(0.9864, a.ratio(), 1e-4);
        assertTrue(a.has(CornerCase.BAND_TARGET));
    }

    @Test
    void bandTargetInsideTheBand() {
        Assessment a = assess("≈ 105 ± 2", 2020, 112, 2022, 109, 2024, 106);
        assertEquals(ProgressStatus.ACHIEVED, a.status());
    }

    @Test
    void bandTargetOvershot() {
        // 2020 = 101 below the band [103, 107], 2024 = 108 above it: crossing the band is not progress
        Assessment a = assess("≈ 105 ± 2", 2020, 101, 2022, 105, 2024, 108);
        assertEquals(ProgressStatus.DETERIORATION, a.status());
        assertTrue(a.has(CornerCase.TARGET_LOST));
    }

    @Test
    void relativeTarget() {
        // −20% vs 2020: 2020 = 10, so the level is 8; 2024 = 9.2
        // CAGR_a = 0.92^(1/4) − 1 = e^(−0.0833816/4) − 1 = −0.0206296
        // CAGR_r = 0.8^(1/10) − 1 = e^(−0.0223144) − 1 = −0.0220672
        // R = 0.9349 < 0.95
        Assessment a = assess("-20% vs 2020", 2020, 10, 2022, 9.6, 2024, 9.2);
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, a.status());
        assertEquals(0.9349, a.ratio(), 1e-4);
    }

    @Test
    void relativeTargetWithoutItsBaseYear() {
        Assessment a = assess("-20% vs 2020", 2021, 10, 2024, 9.2);
        assertEquals(ProgressStatus.INSUFFICIENT_DATA, a.status());
    }

    @Test
    void directionOnlyThresholds() {
        // CAGR 50 → 54 over 4 years = 1.08^0.25 − 1 = 0.0194265 ≥ 1.5%
        assertEquals(ProgressStatus.ON_TRACK, assess("increase", 2020, 50, 2022, 52, 2024, 54).status());
        // 50 → 52: 1.04^0.25 − 1 = 0.0098534, between 0.5% and 1.5%
        Assessment mid = assess("increase", 2020, 50, 2022, 51, 2024, 52);
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, mid.status());
        assertEquals(0.0098534, mid.growth(), EPS);
        // 50 → 51: 1.02^0.25 − 1 = 0.0049629 < 0.5%
        assertEquals(ProgressStatus.LIMITED_PROGRESS, assess("increase", 2020, 50, 2022, 50.5, 2024, 51).status());
        // a decrease is desired: d·CAGR = −0.0098534 < 0
        assertEquals(ProgressStatus.DETERIORATION, assess("decrease", 2020, 50, 2022, 51, 2024, 52).status());
        // a decrease of 50 → 46: d·CAGR = −(0.92^0.25 − 1) = 0.0206296 ≥ 1.5%
        assertEquals(ProgressStatus.ON_TRACK, assess("decrease", 2020, 50, 2022, 48, 2024, 46).status());
    }

    @Test
    void directionOnlyFromZero() {
        Assessment up = assess("increase", 2020, 0, 2022, 1, 2024, 2);
        assertEquals(ProgressStatus.ON_TRACK, up.status());
        assertTrue(up.has(CornerCase.ZERO_BASELINE));
        assertEquals(ProgressStatus.DETERIORATION, assess("decrease", 2020, 0, 2024, 2, 2023, 1).status());
        assertEquals(ProgressStatus.LIMITED_PROGRESS, assess("increase", 2020, 0, 2024, 0, 2022, 0).status());
    }

    @Test
    void negativeValuesFlipTheDirection() {
        // −10 → −8 is an increase; the ratio −8/−10 = 0.8 gives CAGR < 0 on the magnitudes
        Assessment a = assess("increase", 2020, -10, 2022, -9, 2024, -8);
        assertEquals(ProgressStatus.ON_TRACK, a.status());
        assertTrue(a.has(CornerCase.NEGATIVE_VALUES));
    }

    @Test
    void twoPointsStillGiveARate() {
        // 2020 = 80, 2024 = 86 alone: same rate as onTrack, flagged as resting on two values
        Assessment a = assess(">= 90", 2020, 80, 2024, 86);
        assertEquals(ProgressStatus.ON_TRACK, a.status());
        assertTrue(a.has(CornerCase.FEW_POINTS));
        assertTrue(a.explanation().contains("two values only"), a.explanation());
    }

    @Test
    void onePointIsInsufficient() {
        assertEquals(ProgressStatus.INSUFFICIENT_DATA, assess(">= 90", 2020, 80).status());
        assertEquals(ProgressStatus.INSUFFICIENT_DATA, assess(">= 90", 2017, 70, 2019, 80).status());
        assertEquals(ProgressStatus.INSUFFICIENT_DATA, assess(">= 90").status());
    }

    @Test
    void pooledValuesAreRecorded() {
        Assessment a = CagrAssessment.assess(Series.of(2020, 80, 2022, 83, 2024, 86), Target.parse(">= 90"), true);
        assertEquals(ProgressStatus.ON_TRACK, a.status());
        assertTrue(a.has(CornerCase.SMALL_NUMBERS));
        assertTrue(a.explanation().contains("pooled"), a.explanation());
    }
}
