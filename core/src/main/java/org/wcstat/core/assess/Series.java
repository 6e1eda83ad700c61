package org.wcstat.core.assess;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An indicator's yearly values, in year order. Years may be missing (surveys every few years,
 * suppressed cells); a missing year is absent, never zero.
 */
public record Series(NavigableMap<Integer, Double> values) {

    public Series {
        TreeMap<Integer, Double> copy = new TreeMap<>();
        values.forEach((year, v) -> {
            if (v != null) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("value for " + year + " is not a number: " + v);
                copy.put(year, v);
            }
        });
        values = Collections.unmodifiableNavigableMap(copy);
    }

    public static Series of(Map<Integer, Double> values) {
        return new Series(new TreeMap<>(values));
    }

    /** Alternating year, value pairs: {@code Series.of(2020, 3.0, 2024, 3.5)}. */
    public static Series of(double... yearValuePairs) {
        if (yearValuePairs.length % 2 != 0) throw new IllegalArgumentException("give year, value pairs");
        TreeMap<Integer, Double> m = new TreeMap<>();
        for (int i = 0; i < yearValuePairs.length; i += 2) {
            m.put((int) yearValuePairs[i], yearValuePairs[i + 1]);
        }
        return new Series(m);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Double at(int year) {
        return values.get(year);
    }

    public Integer latestYear() {
        return values.isEmpty() ? null : values.lastKey();
    }

    public Double latest() {
        return values.isEmpty() ? null : values.lastEntry().getValue();
    }

    /** The first year with a value at or after {@code year}, or null. */
    public Integer firstYearFrom(int year) {
        return values.ceilingKey(year);
    }

    /** The part of the series from {@code year} on. */
    public Series from(int year) {
        return new Series(values.tailMap(year, true));
    }
}
