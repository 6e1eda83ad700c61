package org.wcstat.jobs.compute;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every distinct filtered measure of the catalog, summed over a window of years ending in the year
 * the term reads (the year computed, a baseline year or some years before) — 1 year, or the 3 of a
 * pooled rate — as one conditional sum each in the single pass over the facts.
 */
final class TermColumns {
    record Column(Formula.Term term, int years) {
        String key() {
            return term + "@" + years;
        }
    }

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Column> columns = new ArrayList<>();

    TermColumns(Catalog catalog) {
        for (Catalog.Entry e : catalog.entries()) {
            int years = e.indicator().poolYears();
            for (Formula.Term t : e.formula().terms()) {
                Column c = new Column(t, years);
                index.computeIfAbsent(c.key(), k -> {
                    columns.add(c);
                    return columns.size() - 1;
                });
            }
        }
    }

    /** The name of the column holding a term over a window of years. */
    String name(Formula.Term t, int years) {
        return "t" + index.get(new Column(t, years).key());
    }

    int size() {
        return columns.size();
    }

    /** The years whose facts the pass reads when computing {@code year}. */
    Set<Integer> yearsRead(int year) {
        Set<Integer> years = new TreeSet<>();
        for (Column c : columns) {
            years.addAll(window(c.term(), c.years(), year));
        }
        return years;
    }

    /** The years a term sums over: its window of pooled years ending in the year it reads. */
    static List<Integer> window(Formula.Term t, int years, int year) {
        int end = t.yearFor(year);
        List<Integer> w = new ArrayList<>();
        for (int y = end - years + 1; y <= end; y++) w.add(y);
        return w;
    }

    /** SUM(CASE WHEN year > Y - n AND measure = ... AND sex IN (...) THEN value END) AS t0, ... */
    String selectList(int year) {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            int end = c.term().yearFor(year);
            String window = c.years() == 1 ? "year = " + end : "year BETWEEN " + (end - c.years() + 1) + " AND " + end;
            cols.add("SUM(CASE WHEN " + window + " AND " + condition(c.term()) + " THEN value END) AS t" + i);
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
