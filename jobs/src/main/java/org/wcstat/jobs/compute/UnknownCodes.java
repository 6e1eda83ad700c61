package org.wcstat.jobs.compute;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.dimension.Dimension;

import java.util.ArrayList;
import java.util.List;

/**
 * The flags that say how much of a value's data the source could not place in a breakdown: a birth of sex 9
 * (未说明), a death without a birth date. Such facts carry the code {@link Dimension#UNKNOWN}; they count in the
 * total and in no group, so the groups add up to less than the total. {@code unknown_sex=N} on the total and on
 * the by-sex values says so: N is the numerator's count of unknown sex, or, when the numerator has none, the
 * denominator's (one birth of unknown sex moves infant mortality's births, not its deaths).
 */
final class UnknownCodes {
    /** The sum of a formula's side over a group in a pooling's years, as the indicator's values sum it. */
    interface Summed {
        double sum(Formula.Expr expr, TermSums.Group g, Pooling p);
    }

    private UnknownCodes() {
    }

    /** The flags of the district total: one per breakdown the indicator is published by that has unknowns. */
    static List<String> flags(Catalog.Entry e, TermSums sums, Pooling p, Summed summed) {
        List<String> flags = new ArrayList<>();
        for (String by : e.indicator().disaggregations()) {
            Dimension.ofCatalogName(by).ifPresent(d -> flags.addAll(flag(d, e, sums, p, summed)));
        }
        return flags;
    }

    /** The flag of the values of one breakdown: empty when the source knew every code. */
    static List<String> flag(Dimension d, Catalog.Entry e, TermSums sums, Pooling p, Summed summed) {
        TermSums.Group unknown = sums.group(d, Dimension.UNKNOWN);
        if (unknown == null) return List.of();
        double n = summed.sum(e.formula().numerator(), unknown, p);
        if (n == 0 && e.formula().denominator() != null) n = summed.sum(e.formula().denominator(), unknown, p);
        if (n <= 0) return List.of();
        return List.of("unknown_" + d.catalogName() + "=" + (n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n)));
    }
}
