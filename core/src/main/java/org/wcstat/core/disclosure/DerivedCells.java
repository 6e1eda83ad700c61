package org.wcstat.core.disclosure;

import org.wcstat.core.catalog.Formula;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Dimension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The published counts a derived value can give away. A term that selects one cell of a measure (the urban
 * term of an urban–rural gap, the boys of a sex ratio) is a cell of that measure's own family: a gap beside a
 * published rural rate is the urban rate, so a gap is withheld whenever a cell it selects is withheld.
 */
public final class DerivedCells {
    private DerivedCells() {
    }

    /** The cells of other families that {@code formula}'s value in {@code at} rests on; empty when it selects none. */
    public static List<CountCell> parents(Formula formula, CountCell at) {
        List<CountCell> parents = new ArrayList<>();
        for (Formula.Term t : formula.terms()) {
            if (t.filter().isEmpty() || t.fixedYear() != null || t.yearsBack() != 0) continue;
            cellOf(t, at.cell()).ifPresent(c -> parents.add(new CountCell(CountCell.family(t.measure()), at.pooledYears(), at.year(), c)));
        }
        return parents;
    }

    private static Optional<CellKey> cellOf(Formula.Term t, CellKey cell) {
        CellKey c = cell;
        for (var f : t.filter().entrySet()) {
            Set<String> codes = f.getValue();
            Optional<Dimension> d = Dimension.ofFilterName(f.getKey());
            // a term summing several codes is no one published cell
            if (codes.size() != 1 || d.isEmpty()) return Optional.empty();
            c = c.with(d.get(), codes.iterator().next());
        }
        return Optional.of(c);
    }
}
