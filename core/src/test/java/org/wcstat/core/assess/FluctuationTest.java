package org.wcstat.core.assess;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FluctuationTest {

    @Test
    void outlierByModifiedZ() {
        // 10 11 10 12 11 18: sorted 10 10 11 11 12 18, median 11
        // |x − 11| = 1 0 1 1 0 7, sorted 0 0 1 1 1 7, MAD = 1; M = 0.6745 × 7 / 1 = 4.7215 > 3.5
        // year on year (18 − 11)/11 = 0.63636 beyond ±20%
        Fluctuation.Result r = Fluctuation.check(Series.of(2019, 10, 2020, 11, 2021, 10, 2022, 12, 2023, 11, 2024, 18), 0.2);
        assertEquals(4.7215, r.modifiedZ(), 1e-9);
        assertTrue(r.outlier());
        assertEquals(7.0 / 11, r.yearOnYear(), 1e-12);
        assertTrue(r.beyondBound());
    }

    @Test
    void ordinaryValue() {
        // latest 13: median 11, deviations 1 0 1 1 0 2 → MAD 1; M = 0.6745 × 2 = 1.349
        // year on year (13 − 11)/11 = 0.1818 within ±20%
        Fluctuation.Result r = Fluctuation.check(Series.of(2019, 10, 2020, 11, 2021, 10, 2022, 12, 2023, 11, 2024, 13), 0.2);
        assertEquals(1.349, r.modifiedZ(), 1e-9);
        assertFalse(r.flagged());
    }

    @Test
    void zeroMadUsesMeanAbsoluteDeviation() {
        // 5 5 5 5 9: median 5, deviations 0 0 0 0 4, MAD 0; MeanAD = 4/5 = 0.8
        // M = 4 / (1.253314 × 0.8) = 4 / 1.0026512 = 3.98942 > 3.5
        Fluctuation.Result r = Fluctuation.check(Series.of(2020, 5, 2021, 5, 2022, 5, 2023, 5, 2024, 9), 1.0);
        assertEquals(3.98942, r.modifiedZ(), 1e-5);
        assertTrue(r.outlier());
        assertTrue(r.cornerCases().contains(CornerCase.ZERO_MAD));
        // (9 − 5)/5 = 0.8 within ±100%
        assertFalse(r.beyondBound());
    }

    @Test
    void constantSeries() {
        Fluctuation.Result r = Fluctuation.check(Series.of(2022, 5, 2023, 5, 2024, 5), 0.2);
        assertEquals(0.0, r.modifiedZ());
        assertFalse(r.flagged());
    }

    @Test
    void yearOnYearNeedsConsecutiveYears() {
        // 2023 = 100, 2024 = 125: +25% beyond ±20%; with 2023 missing there is no year-on-year change
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
}
