package org.wcstat.jobs.compute;

import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.stats.RateInterval;

import java.util.List;

/**
 * An indicator's value from the sums of its numerator and denominator, as compute stores it: a count is its
 * numerator; a ratio is numerator / denominator × factor with its 95% interval, flagged unstable on few events,
 * or no value over a zero denominator. Publish works out an area's value (a city of a province) from its towns'
 * sums the same way. A gap between two ratios is compute's own (it needs the second ratio's sums).
 *
 * @param interval {low, high}, null for a count and for no value
 * @param flag     "unstable", "zero_denominator", or null
 */
public record RatioValue(Double value, double[] interval, String flag) {
    public static final String UNSTABLE = "unstable";
    public static final String ZERO_DENOMINATOR = "zero_denominator";

    public static RatioValue of(Indicator ind, double numerator, Double denominator) {
        if (denominator == null) return new RatioValue(numerator, null, null);
        if (denominator <= 0) return new RatioValue(null, null, ZERO_DENOMINATOR);
        RateInterval interval = RateInterval.of(ind.interval());
        return new RatioValue(numerator / denominator * ind.factorOrOne(), interval.interval(numerator, denominator, ind.factorOrOne()),
                interval.unstable(numerator) ? UNSTABLE : null);
    }

    /** Adds the flag, if any, to a value's flags. */
    public void flagInto(List<String> flags) {
        if (flag != null) flags.add(flag);
    }

    public Double low() {
        return interval == null ? null : interval[0];
    }

    public Double high() {
        return interval == null ? null : interval[1];
    }
}
