package org.wcstat.jobs.compute;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.dimension.Dimension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every distinct filtered measure of the catalog in every year that computing a year reads: the year
 * itself, a baseline year or some years before, and each year of a pooled rate's window. A pooled rate is
 * summed from its yearly columns on the driver, over the years all its terms have ({@link Pooling}), so a
 * numerator and a denominator never cover different years. The single pass over the facts joins them to
 * this list of terms on the measure, so each fact row is summed once into every term it belongs to.
 */
final class TermColumns {
    /** A filtered measure's facts of one year. */
    record Column(Formula.Term term, int year) {
        String key() {
            return term + "#" + year;
        }
    }

    /**
     * One row per term: its name, measure, years and filter, a column of codes per dimension
     * ({@link #filterColumn}); a null filter array lets every code through.
     */
    static final StructType SCHEMA = schema();

    private static final String PRESENCE = "present:";

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Column> columns = new ArrayList<>();
    private final Set<String> measures = new TreeSet<>();
    private final Map<Formula.Term, int[]> indexByYear = new IdentityHashMap<>();
    /** The columns an indicator published by town reads: only these are summed town by town. */
    private final Set<String> byTown = new HashSet<>();
    private final int firstYear;
    private final int lastYear;

    /** The terms for computing {@code year}. */
    TermColumns(Catalog catalog, int year) {
        for (Catalog.Entry e : catalog.entries()) {
            int pool = e.indicator().poolYears();
            boolean town = e.indicator().disaggregations().contains(Dimension.TOWN.catalogName());
            for (Formula.Term t : e.formula().terms()) {
                measures.add(t.measure());
                for (int y : window(t, pool, year)) {
                    Column c = new Column(t, y);
                    index.computeIfAbsent(c.key(), k -> {
                        columns.add(c);
                        return columns.size() - 1;
                    });
                    if (town) byTown.add(c.key());
                }
            }
        }
        firstYear = columns.stream().mapToInt(Column::year).min().orElse(year);
        lastYear = columns.stream().mapToInt(Column::year).max().orElse(year);
        // filled here, read only afterwards: the values are assembled on several threads
        for (Catalog.Entry e : catalog.entries()) {
            for (Formula.Term t : e.formula().terms()) indexByYear.putIfAbsent(t, indexByYear(t));
        }
    }

    private static StructType schema() {
        StructType s = new StructType()
                .add("term", DataTypes.StringType, false)
                .add("measure", DataTypes.StringType, false)
                .add("year_from", DataTypes.IntegerType, false)
                .add("year_to", DataTypes.IntegerType, false)
                .add("by_town", DataTypes.BooleanType, false);
        for (Dimension d : Dimension.values()) s = s.add(filterColumn(d), DataTypes.createArrayType(DataTypes.StringType), true);
        return s;
    }

    /** The column of {@link #SCHEMA} with the codes a term lets through in a dimension, e.g. in_sex. */
    static String filterColumn(Dimension d) {
        return "in_" + d.column();
    }

    /** The name of the term's sum over the facts of one year, as the list of terms and the peer's SQL call it. */
    String name(Formula.Term t, int year) {
        return name(index(t, year));
    }

    private static String name(int index) {
        return "t" + index;
    }

    /** The index of a term's sum from its name, as the pass over the facts returns it. */
    static int index(String name) {
        return Integer.parseInt(name, 1, name.length(), 10);
    }

    /**
     * The index of the term's sum over the facts of one year. Asked for every term of every value (millions at
     * province scale), so it is found by the catalog's own term, without spelling the term and its filter or
     * hashing them; an equal term of another catalog's formula is found by its spelling.
     */
    int index(Formula.Term t, int year) {
        int[] byYear = indexByYear.get(t);
        if (byYear == null) byYear = indexByYear(t);
        int i = year - firstYear;
        if (i < 0 || i >= byYear.length || byYear[i] < 0) throw new IllegalArgumentException(t + " in " + year + " is no column of this computation");
        return byYear[i];
    }

    private int[] indexByYear(Formula.Term t) {
        int[] byYear = new int[lastYear - firstYear + 1];
        for (int y = firstYear; y <= lastYear; y++) byYear[y - firstYear] = index.getOrDefault(new Column(t, y).key(), -1);
        return byYear;
    }

    /** Whether a name is a {@link #presence} and not a term's. */
    static boolean isPresence(String name) {
        return name.startsWith(PRESENCE);
    }

    /** The name of the unfiltered sum whose presence says the measure has facts in the year. */
    static String presence(String measure, int year) {
        return PRESENCE + measure + "@" + year;
    }

    /** {@link #presence} in Spark SQL, of a measure's and a year's columns. */
    static String presenceSql(String measureColumn, String yearColumn) {
        return "concat('" + PRESENCE + "', " + measureColumn + ", '@', CAST(" + yearColumn + " AS STRING))";
    }

    int size() {
        return columns.size();
    }

    /** Whether any term lets only some codes of the dimension through. */
    boolean filtersOn(Dimension d) {
        return columns.stream().anyMatch(c -> c.term().filter().containsKey(d.filterName()));
    }

    /** The measures the catalog's terms read. */
    Set<String> measures() {
        return measures;
    }

    List<Column> columns() {
        return columns;
    }

    /** The years whose facts the pass reads. */
    Set<Integer> yearsRead() {
        Set<Integer> years = new TreeSet<>();
        for (Column c : columns) years.add(c.year());
        return years;
    }

    /** The years a term of an indicator pooling {@code years} years reads: its window, ending in the year it reads. */
    static List<Integer> window(Formula.Term t, int years, int year) {
        int end = t.yearFor(year);
        List<Integer> w = new ArrayList<>();
        for (int y = end - years + 1; y <= end; y++) w.add(y);
        return w;
    }

    /** The terms as rows of {@link #SCHEMA}. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            rows.add(row(name(i), c.term().measure(), c.year(), c.year(), byTown.contains(c.key()), c.term().filter()));
        }
        return rows;
    }

    private static Row row(String term, String measure, int from, int to, boolean byTown, Map<String, Set<String>> filter) {
        List<Object> cells = new ArrayList<>(List.of(term, measure, from, to, byTown));
        for (Dimension d : Dimension.values()) {
            Set<String> codes = filter.get(d.filterName());
            cells.add(codes == null ? null : List.copyOf(codes));
        }
        return RowFactory.create(cells.toArray());
    }
}
