package org.wcstat.core.assess;

import static org.wcstat.core.assess.CagrAssessment.num;

/** A value's 95% confidence interval (indicators.value ci_low, ci_high, or core.stats.RateInterval). */
public record Interval(double low, double high) {

    public Interval {
        if (!(low <= high)) throw new IllegalArgumentException("interval [" + low + ", " + high + "] is empty");
    }

    /** The interval of a published value, or null when it has none. */
    static Interval of(Observation o) {
        return o.ciLow() == null || o.ciHigh() == null ? null : new Interval(o.ciLow(), o.ciHigh());
    }

    static Interval of(double[] bounds) {
        return bounds == null ? null : new Interval(bounds[0], bounds[1]);
    }

    public boolean contains(double v) {
        return low <= v && v <= high;
    }

    public boolean overlaps(Interval other) {
        return low <= other.high && other.low <= high;
    }

    @Override
    public String toString() {
        return "[" + num(low) + ", " + num(high) + "]";
    }
}
