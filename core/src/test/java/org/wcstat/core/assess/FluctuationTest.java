package org.wcstat.core.assess;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FluctuationTest {

    @Test
    void outlierByModifiedZ() {
        // 10 11 13 14 16 17 27: changes +1 +2 +1 +2 +1 +10, sorted 1 1 1 2 2 10, median 1.5
        // |Δ − 1.5| = 0.5 0.5 0.5 0.5 0.5 8.5, MAD = 0.5; M = 0.6745 × (10 − 1.5) / 0.5 = 11.4665 > 3.5
        // year on year (27 − 17)/17 = 0.588235 beyond ±20%
        Fluctuation.Result r = Fluctuation.check(Series.of(2018, 10, 2019, 11, 2020, 13, 2021, 14, 2022, 16, 2023, 17, 2024, 27), 0.2);
        assertEquals(11.4665, r.modifiedZ(), 1e-9);
        assertTrue(r.outlier());
        assertEquals(10.0 / 17, r.yearOnYear(), 1e-12);
        assertTrue(r.beyondBound());
        assertEquals("The 2024 change +10 has a modified z-score of 11.47 among the 6 year-on-year changes (beyond ±3.5); "
                + "17 to 27 is a year-on-year change of 58.82% beyond the ±20.00% bound.", r.explanation());
    }

    @Test
    void ordinaryValue() {
        // 10 11 13 14 16 17 19: changes 1 2 1 2 1 2, median 1.5, every deviation 0.5, MAD 0.5
        // M = 0.6745 × (2 − 1.5) / 0.5 = 0.6745; year on year 2/17 = 0.1176 within ±20%
        Fluctuation.Result r = Fluctuation.check(Series.of(2018, 10, 2019, 11, 2020, 13, 2021, 14, 2022, 16, 2023, 17, 2024, 19), 0.2);
        assertEquals(0.6745, r.modifiedZ(), 1e-9);
        assertFalse(r.flagged());
    }

    @Test
    void aSteadyTrendIsNoFluctuation() {
        // 37.8 38.0 38.0 38.6 39.5 (a share rising faster lately): scored on its levels the latest would stand
        // out (median 38.0, MAD 0.2, M = 0.6745 × 1.5 / 0.2 = 5.06); its changes 0.2 0 0.6 0.9 have median 0.4,
        // deviations 0.2 0.4 0.2 0.5, MAD 0.3, M = 0.6745 × 0.5 / 0.3 = 1.1242
        Fluctuation.Result r = Fluctuation.check(Series.of(2015, 37.8, 2016, 38.0, 2017, 38.0, 2018, 38.6, 2019, 39.5), 0.2);
        assertEquals(1.1242, r.modifiedZ(), 1e-4);
        assertFalse(r.flagged());
        // an exact line: equal changes, whatever rounding leaves in them, score 0
        assertEquals(0.0, Fluctuation.check(Series.of(2020, 80, 2021, 80.6, 2022, 81.2, 2023, 81.8, 2024, 82.4), 0.2).modifiedZ());
    }

    @Test
    void aScoreBeyondTheCutOffMustAlsoBeMaterial() {
        // 70 72 74 76 78 79: changes 2 2 2 2 1, median 2, MAD 0, MeanAD = 1/5 = 0.2,
        // M = (1 − 2) / (1.253314 × 0.2) = −3.98942, beyond −3.5; but the change departs from the usual one by 1,
        // under a quarter of the ±20% bound on the previous value: 0.05 × 78 = 3.9. Not a fluctuation.
        Fluctuation.Result r = Fluctuation.check(Series.of(2019, 70, 2020, 72, 2021, 74, 2022, 76, 2023, 78, 2024, 79), 0.2);
        assertEquals(-3.98942, r.modifiedZ(), 1e-5);
        assertFalse(r.outlier());
        assertFalse(r.flagged());
        assertTrue(r.explanation().contains("(beyond ±3.5, but less than 5.00% of the previous value away from the usual change)"),
                r.explanation());
    }

    @Test
    void zeroMadUsesMeanAbsoluteDeviation() {
        // 5 5 5 5 5 9: changes 0 0 0 0 4, median 0, deviations 0 0 0 0 4, MAD 0; MeanAD = 4/5 = 0.8
        // M = 4 / (1.253314 × 0.8) = 4 / 1.0026512 = 3.98942 > 3.5
        Fluctuation.Result r = Fluctuation.check(Series.of(2019, 5, 2020, 5, 2021, 5, 2022, 5, 2023, 5, 2024, 9), 1.0);
        assertEquals(3.98942, r.modifiedZ(), 1e-5);
        assertTrue(r.outlier());
        assertTrue(r.cornerCases().contains(CornerCase.ZERO_MAD));
        // (9 − 5)/5 = 0.8 within ±100%
        assertFalse(r.beyondBound());
    }

    @Test
    void constantSeries() {
        Fluctuation.Result r = Fluctuation.check(Series.of(2021, 5, 2022, 5, 2023, 5, 2024, 5), 0.2);
        assertEquals(0.0, r.modifiedZ());
        assertFalse(r.flagged());
    }

    @Test
    void yearOnYearNeedsConsecutiveYears() {
        // 2023 = 100, 2024 = 125: +25% beyond ±20%, one change gives no z-score; with 2023 missing there is
        // no year-on-year change
        Fluctuation.Result r = Fluctuation.check(Series.of(2023, 100, 2024, 125), 0.2);
        assertNull(r.modifiedZ());
        assertEquals(0.25, r.yearOnYear(), 1e-12);
        assertTrue(r.beyondBound());
        Fluctuation.Result gap = Fluctuation.check(Series.of(2021, 100, 2022, 100, 2024, 125), 0.2);
        assertNull(gap.yearOnYear());
        assertFalse(gap.beyondBound());
    }

    @Test
    void changeAwayFromZero() {
        Fluctuation.Result r = Fluctuation.check(Series.of(2023, 0, 2024, 2), 0.2);
        assertNull(r.yearOnYear());
        assertTrue(r.beyondBound());
    }

    @Test
    void aDifferenceInPointsChangesByItsAbsoluteSize() {
        // a gap of −4.34 (2023), 0.3 (2024), −0.2 (2025) percentage points: 0.3 → −0.2 is no −166.67% change but one
        // of −0.5 points, within ±0.2 × 4.34 = ±0.868 (the bound on the series' largest absolute value); two changes
        // give no z-score
        Fluctuation.Result r = Fluctuation.check(Series.of(2023, -4.34, 2024, 0.3, 2025, -0.2), 0.2, true);
        assertNull(r.yearOnYear());
        assertFalse(r.flagged());
        assertEquals("Too few year-on-year changes for a modified z-score; 0.3 to -0.2 is a change of -0.5, within ±0.868 (20.00% of"
                + " the series' largest absolute value 4.34), an absolute change because the indicator is a difference in points.",
                r.explanation());
        // (as a relative change, (−0.2 − 0.3)/0.3 = −166.67% was beyond ±20%: flagged before)
        // a jump of 3 points is beyond the ±0.868
        assertTrue(Fluctuation.check(Series.of(2023, -4.34, 2024, 0.3, 2025, 3.3), 0.2, true).beyondBound());
    }

    @Test
    void aValueNearZeroChangesByItsAbsoluteSize() {
        // a rate 4.0, 0.3, 0.5: 0.3 is below 0.2 × 4.0 = 0.8, near zero; +0.2 is within ±0.8 (not +66.67%)
        Fluctuation.Result r = Fluctuation.check(Series.of(2023, 4.0, 2024, 0.3, 2025, 0.5), 0.2);
        assertNull(r.yearOnYear());
        assertFalse(r.beyondBound());
        assertTrue(r.explanation().endsWith("an absolute change because 0.3 is near zero."), r.explanation());
        // 0.3 → 3.0 is +2.7, beyond ±0.2 × 4.0 = ±0.8
        assertTrue(Fluctuation.check(Series.of(2023, 4.0, 2024, 0.3, 2025, 3.0), 0.2).beyondBound());
        // 0 → 0 stays unflagged: the scale is 0 and so is the change
        assertFalse(Fluctuation.check(Series.of(2024, 0, 2025, 0), 0.2).flagged());
    }
}
