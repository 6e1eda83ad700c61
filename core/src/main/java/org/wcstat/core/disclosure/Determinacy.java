package org.wcstat.core.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which withheld counts a reader can still work out exactly from the sums a release publishes. Each additive
 * group is an equation, total = sum of parts, in which the published cells are known;
 * a withheld count is determined when the equations together fix it, even though no one group does (two
 * consecutive pooled windows and the year that left one give away the year that came into the other).
 *
 * <p>Gauss–Jordan elimination over the withheld (and unpublished) cells, on sparse rows: a cell is determined
 * exactly when some row of the reduced system names it alone.
 */
public final class Determinacy<K> {
    private static final double EPS = 1e-9;

    private final List<AdditiveGroup<K>> groups;
    private final Set<K> published;

    /** @param published the cells whose counts the release shows; every other cell a group names is unknown */
    public Determinacy(List<AdditiveGroup<K>> groups, Set<K> published) {
        this.groups = groups;
        this.published = published;
    }

    /** The withheld cells the published sums fix, in no particular order; empty when the release is safe. */
    public Set<K> determined(Set<K> withheld) {
        List<Map<K, Double>> rows = new ArrayList<>();
        for (AdditiveGroup<K> g : groups) {
            // the sum holds whether its total is published or not: the reader knows the table's structure
            Map<K, Double> row = new LinkedHashMap<>();
            if (!published.contains(g.total())) row.put(g.total(), -1.0);
            for (K p : g.parts()) {
                if (!published.contains(p)) row.merge(p, 1.0, Double::sum);
            }
            if (!row.isEmpty()) rows.add(row);
        }
        reduce(rows);
        Set<K> fixed = new HashSet<>();
        for (Map<K, Double> row : rows) {
            if (row.size() == 1) {
                K only = row.keySet().iterator().next();
                if (withheld.contains(only)) fixed.add(only);
            }
        }
        return fixed;
    }

    /** Gauss–Jordan on sparse rows, in place: each pivot cell is eliminated from every other row. */
    private static <K> void reduce(List<Map<K, Double>> rows) {
        Map<K, Set<Integer>> rowsOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            for (K k : rows.get(i).keySet()) rowsOf.computeIfAbsent(k, x -> new HashSet<>()).add(i);
        }
        for (int i = 0; i < rows.size(); i++) {
            Map<K, Double> pivotRow = rows.get(i);
            if (pivotRow.isEmpty()) continue;
            K pivot = pivotRow.keySet().iterator().next();
            double p = pivotRow.get(pivot);
            for (int j : new ArrayList<>(rowsOf.getOrDefault(pivot, Set.of()))) {
                if (j == i) continue;
                Map<K, Double> other = rows.get(j);
                double factor = other.get(pivot) / p;
                for (var e : pivotRow.entrySet()) {
                    double v = other.getOrDefault(e.getKey(), 0.0) - factor * e.getValue();
                    if (Math.abs(v) < EPS) {
                        other.remove(e.getKey());
                        rowsOf.get(e.getKey()).remove(j);
                    } else {
                        if (other.put(e.getKey(), v) == null) rowsOf.get(e.getKey()).add(j);
                    }
                }
            }
        }
    }
}
