package org.wcstat.jobs.compute;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The years one value of an indicator sums, as offsets back from the year each term reads (0: that year
 * itself). The single-year value sums offset 0; a pooled value the offsets of its window in which every
 * term is reported, so its numerator and denominator cover the same years. A window short of years says
 * which it used: {@code pooled_years=2023-2024}.
 *
 * @param pooledYears the value's pooled_years in indicators.value: 1 for the year alone, else the catalog's window
 * @param offsets     the offsets summed, 0 first
 */
record Pooling(int pooledYears, List<Integer> offsets) {

    /** The values an indicator has for the year: the year alone, and for a pooled indicator its pooled value. */
    static List<Pooling> of(Catalog.Entry e, int year, ReportedYears reported) {
        List<Pooling> values = new ArrayList<>(List.of(new Pooling(1, List.of(0))));
        int pool = e.indicator().poolYears();
        if (pool == 1) return values;
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            int back = i;
            if (e.formula().terms().stream().allMatch(t -> reported.reported(t.measure(), t.yearFor(year) - back))) offsets.add(i);
        }
        values.add(new Pooling(pool, List.copyOf(offsets)));
        return values;
    }

    boolean pooled() {
        return pooledYears > 1;
    }

    /** Whether the window lacks a year some term does not have. */
    boolean partial() {
        return offsets.size() < pooledYears;
    }

    /** The year a term reads at an offset. */
    static int yearRead(Formula.Term t, int year, int offset) {
        return t.yearFor(year) - offset;
    }

    /** The flag naming the years summed, as the computed year's years ({@link PooledYearsFlag}). */
    String yearsFlag(int year) {
        Set<Integer> ys = new TreeSet<>();
        offsets.forEach(i -> ys.add(year - i));
        return PooledYearsFlag.of(ys);
    }

    /** Each measure of the indicator with the years this value reads of it. */
    Map<String, Set<Integer>> measureYears(Catalog.Entry e, int year) {
        Map<String, Set<Integer>> out = new LinkedHashMap<>();
        for (Formula.Term t : e.formula().terms()) {
            for (int i : offsets) out.computeIfAbsent(t.measure(), k -> new TreeSet<>()).add(yearRead(t, year, i));
        }
        return out;
    }
}
