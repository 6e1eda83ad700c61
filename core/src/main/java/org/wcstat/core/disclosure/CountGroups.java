package org.wcstat.core.disclosure;

import org.wcstat.core.dimension.CellKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
        return of(cells, district, yearsPooled, Map.of());
    }

    /**
     * @param areaOfTown where a release also publishes its cities' (or counties') totals, each town's city: the cells
     *                   whose region is a city then add up to the district, and each city's towns to the city, besides
     *                   the towns to the district. Empty when the release has no such rows. A hash map: an immutable
     *                   map ({@link Map#copyOf}) of thousands of town codes looks a code up a thousand times slower.
     */
    public static List<AdditiveGroup<CountCell>> of(Collection<CountCell> cells, String district, Map<CountCell, Set<Integer>> yearsPooled,
                                                    Map<String, String> areaOfTown) {
        Set<String> areas = new HashSet<>(areaOfTown.values());
        Map<CountCell, Set<CellKey>> tables = new LinkedHashMap<>();
        Map<CountCell, Set<CellKey>> areaCells = new LinkedHashMap<>();
        for (CountCell c : cells) {
            CountCell table = new CountCell(c.family(), c.pooledYears(), c.year(), null);
            (areas.contains(c.cell().region()) ? areaCells : tables).computeIfAbsent(table, k -> new LinkedHashSet<>()).add(c.cell());
        }
        List<AdditiveGroup<CountCell>> groups = new ArrayList<>();
        tables.forEach((table, keys) -> {
            for (AdditiveGroup<CellKey> g : AdditiveGroup.oneWay(keys, district)) {
                groups.add(new AdditiveGroup<>(at(table, g.total()), g.parts().stream().map(p -> at(table, p)).toList()));
            }
        });
        areaCells.forEach((table, keys) -> {
            // only an area's own total (no sex, age or residence) is published, as its towns are
            List<CellKey> totals = keys.stream().filter(k -> k.equals(CellKey.total(k.region()))).toList();
            groups.add(new AdditiveGroup<>(at(table, CellKey.total(district)), totals.stream().map(k -> at(table, k)).toList()));
            // the table's town totals by area, in the table's order, in one pass: a province's 7,440 towns were
            // otherwise looked up again for each of its 21 cities
            Map<String, List<CountCell>> townsOf = new HashMap<>();
            for (CellKey k : tables.getOrDefault(table, Set.of())) {
                String area = areaOfTown.get(k.region());
                if (area != null && k.equals(CellKey.total(k.region()))) townsOf.computeIfAbsent(area, a -> new ArrayList<>()).add(at(table, k));
            }
            for (CellKey area : totals) {
                groups.add(new AdditiveGroup<>(at(table, area), townsOf.getOrDefault(area.region(), List.of())));
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
