package org.wcstat.core.assess;

import org.wcstat.core.catalog.Indicator;

import java.util.List;
import java.util.TreeMap;

/**
 * The values progress is judged on. A rate resting on a handful of events jumps from year to year by
 * more than the change the plans ask for in ten years, so such a series is judged on pooled values:
 * an indicator the catalog pools (pooled_years) is already pooled by compute; a series with any value
 * flagged unstable is pooled here over three years, Σ numerators / Σ denominators × factor, which
 * weighs each year by its denominator as a rate over the three years together would.
 */
public final class Smoothing {

    public static final int YEARS = 3;

    private Smoothing() {
    }

    /**
     * @param values   the values as published
     * @param assessed the values progress is judged on: pooled where the yearly ones are too noisy
     * @param pooled   whether {@code assessed} holds pooled values
     * @param basis    how {@code assessed} was made, for the notes; empty when it is the values
     */
    public record Smoothed(Series values, Series assessed, boolean pooled, String basis) {
    }

    public static Smoothed of(List<Observation> observations, Indicator indicator) {
        TreeMap<Integer, Double> values = new TreeMap<>();
        observations.forEach(o -> values.put(o.year(), o.value()));
        Series published = Series.of(values);
        if (indicator.poolYears() > 1) {
            return new Smoothed(published, published, true, indicator.poolYears() + "-year pooled rates as computed");
        }
        boolean noisy = observations.stream().anyMatch(o -> o.has("unstable") && o.denominator() != null);
        if (!noisy) return new Smoothed(published, published, false, "");

        TreeMap<Integer, Observation> byYear = new TreeMap<>();
        observations.forEach(o -> byYear.put(o.year(), o));
        TreeMap<Integer, Double> pooled = new TreeMap<>();
        for (Observation o : observations) {
            if (o.value() == null) continue;
            double num = 0, den = 0;
            for (Observation p : byYear.subMap(o.year() - YEARS + 1, true, o.year(), true).values()) {
                if (p.denominator() != null && p.denominator() > 0) {
                    num += p.numerator();
                    den += p.denominator();
                }
            }
            if (den > 0) pooled.put(o.year(), num / den * indicator.factorOrOne());
        }
        return new Smoothed(published, Series.of(pooled), true, YEARS + "-year pooled rates because some yearly values rest on small numbers");
    }
}
