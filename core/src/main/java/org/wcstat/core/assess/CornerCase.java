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
    /**
     * The value judged rests on so few events that its 95% interval holds the target (or, for a goal
     * without a number, overlaps the baseline's interval): inconclusive.
     */
    TOO_FEW_EVENTS,
    /** The latest value is at the natural limit a goal without a number points to (0, or 100%): achieved. */
    AT_LIMIT,
    /** The goal points to a natural limit (100%): the growth thresholds are scaled by Open SDG's C, smaller the nearer the baseline is to it. */
    LIMIT_SCALED,
    /** A gap between two rates: a goal without a number is about its absolute size, which shrinks towards 0 from either side. */
    ABSOLUTE_GAP,
    /** The warehouse has no value in the base year: the plan's own baseline (the catalog's baseline) is used. */
    PLAN_BASELINE,
    /** A target for every town: judged on the number of towns meeting it. */
    EVERY_TOWN,
    /** A straight-line projection went past the quantity's natural lower limit (0 for rates and counts) and was held there. */
    PROJECTION_FLOORED,
    /** The median absolute deviation is zero; the mean absolute deviation form of the score is used. */
    ZERO_MAD
}
