package org.wcstat.jobs.ingest;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.ValidationRules;
import org.wcstat.core.dimension.Dimension;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The dimensions something reads an extract's measures by: an indicator's breakdown ({@code by}) or filter
 * ({@code live_births{sex=F}}), or a measure rule's group or filter. A row with no value in any other
 * dimension loses nothing by counting as unknown there, so it is kept rather than quarantined.
 */
final class DimensionsUsed {
    private DimensionsUsed() {
    }

    static Set<Dimension> of(SourceConfig.Extract extract, Catalog catalog, ValidationRules rules) {
        Set<String> measures = extract.measures();
        Set<Dimension> used = EnumSet.noneOf(Dimension.class);
        for (Catalog.Entry e : catalog.entries()) {
            List<Formula.Term> terms = e.formula().terms();
            if (terms.stream().noneMatch(t -> measures.contains(t.measure()))) continue;
            e.indicator().disaggregations().forEach(by -> Dimension.ofCatalogName(by).ifPresent(used::add));
            terms.stream().filter(t -> measures.contains(t.measure())).forEach(t -> filtered(t, used));
        }
        for (ValidationRules.Rule r : rules.measureRules()) {
            if (r.measures().stream().noneMatch(measures::contains)) continue;
            if (r.by() != null) r.by().forEach(by -> Dimension.ofFilterName(by).ifPresent(used::add));
            for (String side : new String[]{r.left(), r.right(), r.measure()}) {
                if (side != null) Formula.parseExpr(side).terms().forEach(t -> filtered(t.term(), used));
            }
        }
        return used;
    }

    private static void filtered(Formula.Term t, Set<Dimension> used) {
        t.filter().keySet().forEach(f -> Dimension.ofFilterName(f).ifPresent(used::add));
    }
}
