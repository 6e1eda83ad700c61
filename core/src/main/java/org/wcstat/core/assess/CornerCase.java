package org.wcstat.core.assess;

/** Where the textbook formulas do not apply as written, and what was done instead (see docs/methods.md). */
public enum CornerCase {
    /** No value in the base year: the first later year with a value is the baseline. */
    BASELINE_SHIFTED,
    /** Baseline zero (or of the other sign): growth rates are undefined, linear progress is used. */
    ZERO_BASELINE,
    /** Target zero (or of the other sign than the baseline): growth to it is undefined, linear progress is used. */
    ZERO_TARGET,
    /** Both values negative: the growth rate measures magnitude, so the desired direction is flipped. */
    NEGATIVE_VALUES,
    /** "≈ v ± tol": measured towards the band edge on the latest value's side. */
    BAND_TARGET,
    /** Target met now, but the series has moved away from it since the baseline. */
    ACHIEVED_MOVING_AWAY,
    /** The baseline met the target and the latest value no longer does. */
    TARGET_LOST,
    /** Only two values since the baseline: a rate can be given, a trend cannot. */
    FEW_POINTS,
    /** The caller passed pooled or smoothed values because the yearly numbers are small. */
    SMALL_NUMBERS,
    /** A straight-line projection of a non-negative quantity went below zero and was floored at zero. */
    PROJECTION_FLOORED,
    /** The median absolute deviation is zero; the mean absolute deviation form of the score is used. */
    ZERO_MAD
}
