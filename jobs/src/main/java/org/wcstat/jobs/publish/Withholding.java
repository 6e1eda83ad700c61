package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.disclosure.AdditiveGroup;
import org.wcstat.core.disclosure.SmallCounts;
import org.wcstat.core.disclosure.Suppression;

import java.util.ArrayList;
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
 * their cells are protected together: a rate whose numerator is withheld in one indicator is withheld
 * in all of them, and the additive groups are those of all their breakdowns.
 */
final class Withholding {
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final String district;
    private final SmallCounts rule;
    private int primary;
    private int secondary;

    Withholding(Catalog catalog, String district, SmallCounts rule) {
        catalog.entries().forEach(e -> indicators.put(e.code(), e.indicator()));
        this.district = district;
        this.rule = rule;
    }

    /** @param rows indicators.value rows, in the order the release lists them */
    List<PublishedValue> apply(List<Row> rows) {
        // the counts each (numerator, year) table rests on, and its small ones
        Map<String, Map<CellKey, Double>> counts = new LinkedHashMap<>();
        Map<String, Set<CellKey>> small = new LinkedHashMap<>();
        for (Row r : rows) {
            String table = table(r);
            CellKey cell = cell(r);
            double numerator = r.getAs("numerator");
            Double denominator = r.getAs("denominator");
            counts.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(cell, numerator);
            Indicator ind = indicators.get(r.<String>getAs("indicator"));
            // a count of clinics identifies no one (the catalog's counts: facilities)
            if (ind != null && !SmallCounts.appliesTo(ind)) continue;
            if (rule.suppress(numerator) || (denominator != null && rule.suppress(denominator))) {
                small.computeIfAbsent(table, k -> new HashSet<>()).add(cell);
            }
        }
        Map<String, Map<CellKey, Suppression.Reason>> withheld = new LinkedHashMap<>();
        for (var e : counts.entrySet()) {
            Set<CellKey> p = small.getOrDefault(e.getKey(), Set.of());
            if (p.isEmpty()) continue;
            var groups = AdditiveGroup.oneWay(e.getValue().keySet(), district);
            var w = new Suppression<>(e.getValue(), groups, rule).apply(p);
            withheld.put(e.getKey(), w);
        }
        List<PublishedValue> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Suppression.Reason reason = withheld.getOrDefault(table(r), Map.of()).get(cell(r));
            if (reason == Suppression.Reason.PRIMARY) primary++;
            if (reason == Suppression.Reason.SECONDARY) secondary++;
            out.add(published(r, reason != null));
        }
        return out;
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

    /** The table of counts a value belongs to: its numerator, the years it sums (the year alone, or pooled) and year. */
    private String table(Row r) {
        String code = r.getAs("indicator");
        Indicator ind = indicators.get(code);
        int pooled = r.<Integer>getAs("pooled_years");
        // an indicator since dropped from the catalog is a table of its own
        if (ind == null) return code + "|" + pooled + "|" + r.<Integer>getAs("year");
        return ind.numerator().replace(" ", "") + "|" + pooled + "|" + r.<Integer>getAs("year");
    }

    private static CellKey cell(Row r) {
        return new CellKey(r.getAs("region"), r.getAs("sex"), r.getAs("age_band"), r.getAs("residence"));
    }
}
