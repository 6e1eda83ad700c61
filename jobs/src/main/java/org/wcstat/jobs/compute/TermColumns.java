package org.wcstat.jobs.compute;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every distinct filtered measure of the catalog, as one conditional sum in the single pass over the facts. */
final class TermColumns {
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Formula.Term> terms = new ArrayList<>();

    TermColumns(Catalog catalog) {
        for (Catalog.Entry e : catalog.entries()) {
            for (Formula.Term t : e.formula().terms()) {
                index.computeIfAbsent(t.toString(), k -> {
                    terms.add(t);
                    return terms.size() - 1;
                });
            }
        }
    }

    int indexOf(Formula.Term t) {
        return index.get(t.toString());
    }

    int size() {
        return terms.size();
    }

    List<Formula.Term> terms() {
        return terms;
    }

    /** SUM(CASE WHEN measure = ... AND sex IN (...) THEN value END) AS t0, ... */
    String selectList() {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            cols.add("SUM(CASE WHEN " + condition(terms.get(i)) + " THEN value END) AS t" + i);
        }
        return String.join(",\n  ", cols);
    }

    static String condition(Formula.Term t) {
        StringBuilder c = new StringBuilder("measure = ").append(quote(t.measure()));
        for (Map.Entry<String, Set<String>> f : t.filter().entrySet()) {
            String column = f.getKey().equals("age") ? "age_band" : f.getKey();
            List<String> codes = f.getValue().stream().map(TermColumns::quote).toList();
            c.append(" AND ").append(column).append(" IN (").append(String.join(", ", codes)).append(")");
        }
        return c.toString();
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
