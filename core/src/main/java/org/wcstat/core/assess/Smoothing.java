package org.wcstat.core.assess;

import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.stats.RateInterval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values progress is judged on. A rate resting on a handful of events jumps from year to year by
 * more than the change the plans ask for in ten years, so such a series is judged on pooled values:
 * an indicator the catalog pools (pooled_years) is already pooled by compute; a series with a value
 * flagged unstable inside the assessment window is pooled here over three years, Σ numerators /
 * Σ denominators × factor, which weighs each year by its denominator as a rate over the three years
 * together would. Pooled values keep their 95% intervals (compute's, or the indicator's interval method
 * on the pooled counts), by which the assessment tells whether they can be judged at all.
 */
public final class Smoothing {

    public static final int YEARS = 3;

    private Smoothing() {
    }

    /**
     * @param values    the values as published
     * @param assessed  the values progress is judged on: pooled where the yearly ones are too noisy
     * @param pooled    whether {@code assessed} holds pooled values
     * @param basis     how {@code assessed} was made, for the notes; empty when it is the values
     * @param intervals the 95% intervals of the pooled values, by year; empty when not pooled or without an interval method
     */
    public record Smoothed(Series values, Series assessed, boolean pooled, String basis, Map<Integer, Interval> intervals) {
        public Smoothed {
            intervals = Map.copyOf(intervals);
        }
    }

    /**
     * @param windowFrom the first year of the assessment window (the baseline year): unstable values before it
     *                   are history the judgement does not rest on, and do not make the series pooled
     */
    public static Smoothed of(List<Observation> observations, Indicator indicator, int windowFrom) {
        TreeMap<Integer, Double> values = new TreeMap<>();
        observations.forEach(o -> values.put(o.year(), o.value()));
        Series published = Series.of(values);
        if (indicator.poolYears() > 1) {
            Map<Integer, Interval> intervals = new TreeMap<>();
            for (Observation o : observations) {
                Interval i = o.value() == null ? null : Interval.of(o);
                if (i != null) intervals.put(o.year(), i);
            }
            return new Smoothed(published, published, true, indicator.poolYears() + "-year pooled rates as computed", intervals);
        }
        boolean noisy = observations.stream().anyMatch(o -> o.year() >= windowFrom && o.has("unstable") && o.denominator() != null);
        if (!noisy) return new Smoothed(published, published, false, "", Map.of());

        RateInterval method = RateInterval.of(indicator.interval());
        TreeMap<Integer, Observation> byYear = new TreeMap<>();
        observations.forEach(o -> byYear.put(o.year(), o));
        TreeMap<Integer, Double> pooled = new TreeMap<>();
        Map<Integer, Interval> intervals = new TreeMap<>();
        for (Observation o : observations) {
            if (o.value() == null) continue;
            double num = 0, den = 0;
            for (Observation p : byYear.subMap(o.year() - YEARS + 1, true, o.year(), true).values()) {
                if (p.denominator() != null && p.denominator() > 0) {
                    num += p.numerator();
                    den += p.denominator();
                }
            }
            if (den > 0) {
                pooled.put(o.year(), num / den * indicator.factorOrOne());
                Interval i = Interval.of(method.interval(num, den, indicator.factorOrOne()));
                if (i != null) intervals.put(o.year(), i);
            }
        }
        return new Smoothed(published, Series.of(pooled), true, YEARS + "-year pooled rates because some yearly values rest on small numbers",
                intervals);
    }
}
