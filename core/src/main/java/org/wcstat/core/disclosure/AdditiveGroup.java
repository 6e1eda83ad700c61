package org.wcstat.core.disclosure;

import org.wcstat.core.dimension.Breakdown;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Dimension;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Cells a reader can add up: the parts sum to the total (towns to the district, girls and boys to all
 * children, urban and rural to both). Whoever knows all but one of them knows the last.
 */
public record AdditiveGroup<K>(K total, List<K> parts) {
    public AdditiveGroup {
        parts = List.copyOf(parts);
    }

    /**
     * The additive groups of one indicator's cells in one year, as the compute stage breaks them down:
     * by one dimension at a time, each breakdown summing to the district total. A breakdown is only
     * published when all of its data are broken down that way, so its parts add up to the total exactly.
     * Cross-classifications and cells with an unknown code belong to no group.
     */
    public static List<AdditiveGroup<CellKey>> oneWay(Iterable<CellKey> cells, String district) {
        Map<Dimension, List<CellKey>> parts = new EnumMap<>(Dimension.class);
        for (CellKey c : cells) {
            Breakdown b = c.breakdown(district);
            b.dimension().ifPresent(d -> parts.computeIfAbsent(d, k -> new ArrayList<>()).add(c));
        }
        CellKey total = CellKey.total(district);
        List<AdditiveGroup<CellKey>> groups = new ArrayList<>();
        // in the dimensions' order (towns, sexes, age bands, residences): the order suppression visits them
        parts.forEach((d, p) -> groups.add(new AdditiveGroup<>(total, p)));
        return groups;
    }
}
