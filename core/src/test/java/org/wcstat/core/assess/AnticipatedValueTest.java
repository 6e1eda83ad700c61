package org.wcstat.core.assess;

import org.junit.jupiter.api.Test;
import org.wcstat.core.catalog.Target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnticipatedValueTest {

    private static final double EPS = 1e-9;
    // 2020..2023 = 10, 12, 13, 15; weights 1, 2, 3, 4 (Σw = 10)
    // u = t − 2020: ū = (0 + 2 + 6 + 12)/10 = 2.0, x̄ = (10 + 24 + 39 + 60)/10 = 13.3
    // Σw(u − ū)(x − x̄) = 1(−2)(−3.3) + 2(−1)(−1.3) + 3(0)(−0.3) + 4(1)(1.7) = 6.6 + 2.6 + 0 + 6.8 = 16.0
    // Σw(u − ū)² = 4 + 2 + 0 + 4 = 10, slope b = 1.6
    // x̂(2025) = 13.3 + 1.6 × 3 = 18.1, x̂(2030) = 13.3 + 1.6 × 8 = 26.1
    private static final Series RISING = Series.of(2020, 10, 2021, 12, 2022, 13, 2023, 15);

    @Test
    void weightedProjectionMeetsTarget() {
        AnticipatedValue.Projection p = AnticipatedValue.project(RISING, Target.parse(">= 25"), false);
        assertEquals(1.6, p.slope(), EPS);
        assertEquals(18.1, p.at2025(), EPS);
        assertEquals(26.1, p.at2030(), EPS);
        assertEquals(1.1, p.gap(), EPS);
        assertEquals(0.0, p.relativeGap(), EPS);
        assertEquals(ProgressStatus.ACHIEVED, p.status());
    }

    @Test
    void weightedProjectionMissesTarget() {
        // gap 26.1 − 30 = −3.9; share of the required progress missing (30 − 26.1)/(30 − 10) = 0.195
        AnticipatedValue.Projection p = AnticipatedValue.project(RISING, Target.parse(">= 30"), false);
        assertEquals(-3.9, p.gap(), EPS);
        assertEquals(0.195, p.relativeGap(), EPS);
        assertNull(p.status());
        assertTrue(p.explanation().contains("missing the target"), p.explanation());
    }

    @Test
    void weightsFavourRecentYears() {
        // 2020..2022 = 10, 10, 13; weights 1, 2, 3: ū = (0 + 2 + 6)/6 = 4/3, x̄ = (10 + 20 + 39)/6 = 11.5
        // Σw(u − ū)(x − x̄) = 1(−4/3)(−1.5) + 2(−1/3)(−1.5) + 3(2/3)(1.5) = 2 + 1 + 3 = 6
        // Σw(u − ū)² = 16/9 + 2/9 + 12/9 = 30/9, b = 6 × 9/30 = 1.8 (unweighted OLS gives 1.5)
        // x̂(2030) = 11.5 + 1.8 × (10 − 4/3) = 11.5 + 15.6 = 27.1
        AnticipatedValue.Projection p = AnticipatedValue.project(Series.of(2020, 10, 2021, 10, 2022, 13), Target.parse("increase"), false);
        assertEquals(1.8, p.slope(), EPS);
        assertEquals(27.1, p.at2030(), EPS);
        assertNull(p.gap());
    }

    @Test
    void fewerThanThreePoints() {
        AnticipatedValue.Projection p = AnticipatedValue.project(Series.of(2020, 10, 2023, 15), Target.parse(">= 25"), false);
        assertEquals(ProgressStatus.INSUFFICIENT_DATA, p.status());
        assertNull(p.at2030());
    }

    @Test
    void nonNegativeProjectionFloored() {
        // 2020..2022 = 4, 2, 1; weights 1, 2, 3: ū = 4/3, x̄ = (4 + 4 + 3)/6 = 11/6
        // Σw(u − ū)(x − x̄) = (−4/3)(13/6) + 2(−1/3)(1/6) + 3(2/3)(−5/6) = −26/9 − 1/9 − 15/9 = −42/9
        // b = (−42/9)/(30/9) = −1.4; x̂(2030) = 11/6 − 1.4 × 26/3 < 0 → 0
        AnticipatedValue.Projection p = AnticipatedValue.project(Series.of(2020, 4, 2021, 2, 2022, 1), Target.parse("<= 0"), false);
        assertEquals(-1.4, p.slope(), EPS);
        assertEquals(0.0, p.at2030(), EPS);
        assertTrue(p.cornerCases().contains(CornerCase.PROJECTION_FLOORED));
        assertEquals(ProgressStatus.ACHIEVED, p.status());
    }

    @Test
    void bandTargetGapToNearestEdge() {
        // 2020..2022 = 112, 111, 111; weights 1, 2, 3: x̄ = (112 + 222 + 333)/6 = 111.1667, ū = 4/3
        // Σw(u − ū)(x − x̄) = (−4/3)(0.8333) + 2(−1/3)(−0.1667) + 3(2/3)(−0.1667) = −1.1111 + 0.1111 − 0.3333 = −4/3
        // b = (−4/3)/(30/9) = −0.4; x̂(2030) = 111.1667 − 0.4 × 26/3 = 107.7; upper edge 107, gap 0.7
        AnticipatedValue.Projection p = AnticipatedValue.project(Series.of(2020, 112, 2021, 111, 2022, 111), Target.parse("≈ 105 ± 2"), false);
        assertEquals(-0.4, p.slope(), EPS);
        assertEquals(107.7, p.at2030(), 1e-9);
        assertEquals(0.7, p.gap(), 1e-9);
        assertTrue(p.cornerCases().contains(CornerCase.BAND_TARGET));
    }
}
