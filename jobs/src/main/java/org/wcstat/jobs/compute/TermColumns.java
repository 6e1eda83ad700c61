package org.wcstat.jobs.compute;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.dimension.Dimension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every distinct filtered measure of the catalog, summed over a window of years ending in the year
 * the term reads (the year computed, a baseline year or some years before) — 1 year, or the 3 of a
 * pooled rate. The single pass over the facts joins them to this list of terms on the measure, so
 * each fact row is summed once into every term it belongs to.
 */
final class TermColumns {
    record Column(Formula.Term term, int years) {
        String key() {
            return term + "@" + years;
        }
    }

    /**
     * One row per term: its name, measure, window and filter, a column of codes per dimension
     * ({@link #filterColumn}); a null filter array lets every code through.
     */
    static final StructType SCHEMA = schema();

    private static final String PRESENCE = "present:";

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Column> columns = new ArrayList<>();
    private final Set<String> measures = new TreeSet<>();

    TermColumns(Catalog catalog) {
        for (Catalog.Entry e : catalog.entries()) {
            int years = e.indicator().poolYears();
            for (Formula.Term t : e.formula().terms()) {
                measures.add(t.measure());
                Column c = new Column(t, years);
                index.computeIfAbsent(c.key(), k -> {
                    columns.add(c);
                    return columns.size() - 1;
                });
            }
        }
    }

    private static StructType schema() {
        StructType s = new StructType()
                .add("term", DataTypes.StringType, false)
                .add("measure", DataTypes.StringType, false)
                .add("year_from", DataTypes.IntegerType, false)
                .add("year_to", DataTypes.IntegerType, false);
        for (Dimension d : Dimension.values()) s = s.add(filterColumn(d), DataTypes.createArrayType(DataTypes.StringType), true);
        return s;
    }

    /** The column of {@link #SCHEMA} with the codes a term lets through in a dimension, e.g. in_sex. */
    static String filterColumn(Dimension d) {
        return "in_" + d.column();
    }

    /** The name of the term summed over a window of years. */
    String name(Formula.Term t, int years) {
        return "t" + index.get(new Column(t, years).key());
    }

    /** The name of the unfiltered sum whose presence says the measure has facts in the year. */
    static String presence(String measure, int year) {
        return PRESENCE + measure + "@" + year;
    }

    int size() {
        return columns.size();
    }

    /** The measures the catalog's terms read. */
    Set<String> measures() {
        return measures;
    }

    List<Column> columns() {
        return columns;
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

    /**
     * The terms for computing {@code year}, as rows of {@link #SCHEMA}; also, per measure and year read,
     * an unfiltered term whose presence in the result says the measure has facts that year.
     */
    List<Row> rows(int year) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            int end = c.term().yearFor(year);
            rows.add(row("t" + i, c.term().measure(), end - c.years() + 1, end, c.term().filter()));
        }
        Set<Integer> years = yearsRead(year);
        for (String m : measures) {
            for (int y : years) {
                rows.add(row(presence(m, y), m, y, y, Map.of()));
            }
        }
        return rows;
    }

    private static Row row(String term, String measure, int from, int to, Map<String, Set<String>> filter) {
        List<Object> cells = new ArrayList<>(List.of(term, measure, from, to));
        for (Dimension d : Dimension.values()) {
            Set<String> codes = filter.get(d.filterName());
            cells.add(codes == null ? null : List.copyOf(codes));
        }
        return RowFactory.create(cells.toArray());
    }
}
