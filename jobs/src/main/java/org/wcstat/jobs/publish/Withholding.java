package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.jobs.compute.PooledYearsFlag;
import org.wcstat.core.disclosure.CountCell;
import org.wcstat.core.disclosure.CountGroups;
import org.wcstat.core.disclosure.DerivedCells;
import org.wcstat.core.disclosure.SmallCounts;
import org.wcstat.core.disclosure.Suppression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control of the indicator values a release publishes (docs/releases.md, "Disclosure control").
 * A value is withheld when its numerator, or its denominator, is a small count of people (primary), and as
 * well when {@link Suppression} needs it to protect a withheld one (secondary). Counts of facilities
 * ({@link SmallCounts#appliesTo}) are published however small.
 *
 * <p>Indicators with the same numerator count the same people (a count and the rate made of it), so
 * their cells are protected together ({@link CountCell}): a rate whose numerator is withheld in one indicator is
 * withheld in all of them, and the additive groups are those of all their breakdowns, and of a pooled value's
 * years ({@link CountGroups}). A derived value (an urban–rural gap, a sex ratio) is withheld whenever a cell it
 * selects from another family is ({@link DerivedCells}).
 */
final class Withholding {
    private final Map<String, Catalog.Entry> entries = new LinkedHashMap<>();
    private final String district;
    private final SmallCounts rule;
    private final Map<CountCell, Set<Integer>> yearsPooled = new HashMap<>();
    private final Map<String, String> areaOfTown;
    private int primary;
    private int secondary;

    Withholding(Catalog catalog, String district, SmallCounts rule) {
        this(catalog, district, rule, Map.of());
    }

    /**
     * @param areaOfTown each town's city (or county) where the rows include the cities' own totals ({@link AreaValues}):
     *                   a city's total and its towns are then protected together, as the district's and its cities'
     */
    Withholding(Catalog catalog, String district, SmallCounts rule, Map<String, String> areaOfTown) {
        catalog.entries().forEach(e -> entries.put(e.code(), e));
        this.district = district;
        this.rule = rule;
        // a hash map: Map.copyOf's probing of thousands of similar town codes is a thousand times slower a look-up
        this.areaOfTown = Collections.unmodifiableMap(new HashMap<>(areaOfTown));
    }

    /** @param rows indicators.value rows, in the order the release lists them */
    List<PublishedValue> apply(List<Row> rows) {
        // the counts each family rests on, its small ones, and the cells of other families a derived value selects
        Map<String, Map<CountCell, Double>> families = new LinkedHashMap<>();
        Set<CountCell> primary = new HashSet<>();
        Map<CountCell, List<CountCell>> parents = new LinkedHashMap<>();
        yearsPooled.clear();
        for (Row r : rows) {
            CountCell cell = countCell(r);
            PooledYearsFlag.in(r.getAs("flags")).ifPresent(ys -> yearsPooled.put(cell, ys));
            double numerator = r.getAs("numerator");
            Double denominator = r.getAs("denominator");
            families.computeIfAbsent(cell.family(), k -> new LinkedHashMap<>()).put(cell, numerator);
            Catalog.Entry e = entries.get(r.<String>getAs("indicator"));
            if (e == null) continue;
            List<CountCell> selected = DerivedCells.parents(e.formula(), cell);
            if (!selected.isEmpty()) parents.computeIfAbsent(cell, k -> new ArrayList<>()).addAll(selected);
            // a count of clinics identifies no one (the catalog's counts: facilities)
            if (!SmallCounts.appliesTo(e.indicator())) continue;
            if (rule.suppress(numerator) || (denominator != null && rule.suppress(denominator))) primary.add(cell);
        }
        // a derived value whose selected cell is withheld is withheld in its own family too, which may withhold
        // more there; repeated until no derived value is added (each round adds one at least, so it ends)
        Set<CountCell> inherited = new HashSet<>();
        Map<CountCell, Suppression.Reason> withheld;
        while (true) {
            withheld = suppress(families, primary);
            boolean added = false;
            for (var p : parents.entrySet()) {
                if (!withheld.containsKey(p.getKey()) && p.getValue().stream().anyMatch(withheld::containsKey)) {
                    primary.add(p.getKey());
                    inherited.add(p.getKey());
                    added = true;
                }
            }
            if (!added) break;
        }
        List<PublishedValue> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            CountCell cell = countCell(r);
            Suppression.Reason reason = withheld.get(cell);
            if (inherited.contains(cell)) reason = Suppression.Reason.SECONDARY;
            if (reason == Suppression.Reason.PRIMARY) this.primary++;
            if (reason == Suppression.Reason.SECONDARY) secondary++;
            out.add(published(r, reason != null));
        }
        return out;
    }

    private Map<CountCell, Suppression.Reason> suppress(Map<String, Map<CountCell, Double>> families, Set<CountCell> primary) {
        Map<CountCell, Suppression.Reason> withheld = new HashMap<>();
        for (Map<CountCell, Double> family : families.values()) {
            List<CountCell> small = family.keySet().stream().filter(primary::contains).toList();
            if (small.isEmpty()) continue;
            withheld.putAll(new Suppression<>(family, CountGroups.of(family.keySet(), district, yearsPooled, areaOfTown), rule).apply(small));
        }
        return withheld;
    }

    int primary() {
        return primary;
    }

    int secondary() {
        return secondary;
    }

    private static PublishedValue published(Row r, boolean withheld) {
        return new PublishedValue(r.getAs("indicator"), r.<Integer>getAs("year"), r.getAs("region"), r.getAs("sex"),
                r.getAs("age_band"), r.getAs("residence"),
                withheld ? null : r.<Double>getAs("value"), withheld,
                withheld ? PublishedValue.SUPPRESSED_FLAG : r.<String>getAs("flags"),
                withheld ? null : r.<Double>getAs("ci_low"), withheld ? null : r.<Double>getAs("ci_high"), r.<Integer>getAs("pooled_years"));
    }

    /** The count a value rests on: its numerator's family, the years it sums, the year and the cell. */
    private CountCell countCell(Row r) {
        String code = r.getAs("indicator");
        Catalog.Entry e = entries.get(code);
        // an indicator since dropped from the catalog is a family of its own
        String family = e == null ? code : CountCell.family(e.indicator().numerator());
        return new CountCell(family, r.<Integer>getAs("pooled_years"), r.<Integer>getAs("year"),
                new CellKey(r.getAs("region"), r.getAs("sex"), r.getAs("age_band"), r.getAs("residence")));
    }
}
