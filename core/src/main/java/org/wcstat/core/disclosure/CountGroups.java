package org.wcstat.core.disclosure;

import org.wcstat.core.dimension.CellKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every sum a reader can form from one family of published counts: in each year and window, the parts of each
 * breakdown add up to the district ({@link AdditiveGroup#oneWay}); and a pooled value adds up the years of its
 * window, which are published on their own beside it. Whoever knows the pooled count and all but one of its
 * years knows the last; two consecutive windows differ by the year that left and the year that came in.
 */
public final class CountGroups {
    private CountGroups() {
    }

    public static List<AdditiveGroup<CountCell>> of(Collection<CountCell> cells, String district) {
        return of(cells, district, Map.of());
    }

    /**
     * @param yearsPooled the years a pooled value sums where they are fewer than its window (a window whose earlier
     *                    years some term lacks sums the years every term has); the whole window otherwise
     */
    public static List<AdditiveGroup<CountCell>> of(Collection<CountCell> cells, String district, Map<CountCell, Set<Integer>> yearsPooled) {
        Map<CountCell, Set<CellKey>> tables = new LinkedHashMap<>();
        for (CountCell c : cells) {
            tables.computeIfAbsent(new CountCell(c.family(), c.pooledYears(), c.year(), null), k -> new LinkedHashSet<>()).add(c.cell());
        }
        List<AdditiveGroup<CountCell>> groups = new ArrayList<>();
        tables.forEach((table, keys) -> {
            for (AdditiveGroup<CellKey> g : AdditiveGroup.oneWay(keys, district)) {
                groups.add(new AdditiveGroup<>(at(table, g.total()), g.parts().stream().map(p -> at(table, p)).toList()));
            }
        });
        Set<CountCell> present = Set.copyOf(cells);
        for (CountCell c : cells) {
            if (c.pooledYears() <= 1) continue;
            List<CountCell> years = new ArrayList<>();
            Set<Integer> window = new java.util.TreeSet<>();
            for (int y = c.year() - c.pooledYears() + 1; y <= c.year(); y++) window.add(y);
            for (int y : yearsPooled.getOrDefault(c, window)) {
                CountCell single = new CountCell(c.family(), 1, y, c.cell());
                if (present.contains(single)) years.add(single);
            }
            if (!years.isEmpty()) groups.add(new AdditiveGroup<>(c, years));
        }
        return groups;
    }

    private static CountCell at(CountCell table, CellKey cell) {
        return new CountCell(table.family(), table.pooledYears(), table.year(), cell);
    }
}
