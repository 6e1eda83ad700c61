package org.wcstat.core.disclosure;

import java.util.ArrayList;
import java.util.List;

/** Where a published value sits: region, sex, age band and residence, "_T" meaning all. */
public record CellKey(String region, String sex, String ageBand, String residence) {
    public static final String ALL = "_T";

    /**
     * The additive groups of one indicator's cells in one year, as the compute stage breaks them down:
     * by one dimension at a time, each breakdown summing to the district total. A breakdown is only
     * published when all of its data are broken down that way, so its parts add up to the total exactly.
     */
    public static List<AdditiveGroup<CellKey>> groups(Iterable<CellKey> cells, String district) {
        CellKey total = new CellKey(district, ALL, ALL, ALL);
        List<CellKey> towns = new ArrayList<>();
        List<CellKey> sexes = new ArrayList<>();
        List<CellKey> ages = new ArrayList<>();
        List<CellKey> residences = new ArrayList<>();
        for (CellKey c : cells) {
            if (c.equals(total)) continue;
            if (!c.region.equals(district)) {
                if (c.isAll(c.sex) && c.isAll(c.ageBand) && c.isAll(c.residence)) towns.add(c);
            } else if (!c.isAll(c.sex) && c.isAll(c.ageBand) && c.isAll(c.residence)) {
                sexes.add(c);
            } else if (c.isAll(c.sex) && !c.isAll(c.ageBand) && c.isAll(c.residence)) {
                ages.add(c);
            } else if (c.isAll(c.sex) && c.isAll(c.ageBand) && !c.isAll(c.residence)) {
                residences.add(c);
            }
        }
        List<AdditiveGroup<CellKey>> groups = new ArrayList<>();
        for (List<CellKey> parts : List.of(towns, sexes, ages, residences)) {
            if (!parts.isEmpty()) groups.add(new AdditiveGroup<>(total, parts));
        }
        return groups;
    }

    private boolean isAll(String code) {
        return ALL.equals(code);
    }
}
