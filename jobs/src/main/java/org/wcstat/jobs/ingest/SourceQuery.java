package org.wcstat.jobs.ingest;

import org.wcstat.core.config.SourceConfig;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL sent to a department's database for one extract and one or more years: only the columns mapping
 * and the raw allow-list need, and only those years' rows, so identifiers never leave the source and the
 * database does the filtering. Several years are read in one query whose {@link #YEAR} column says, by the
 * same conditions a single year's query filters on, which year each row belongs to. Plain ANSI SQL, which
 * PostgreSQL, MariaDB, H2 and DM8 all accept.
 */
public final class SourceQuery {
    private SourceQuery() {
    }

    static Set<String> columns(SourceConfig.Extract e) {
        return columns(e, List.of());
    }

    /** @param checked further columns validation rules read */
    static Set<String> columns(SourceConfig.Extract e, List<String> checked) {
        Set<String> cols = new LinkedHashSet<>(e.mappingColumns());
        cols.addAll(e.keyColumns());
        if (e.raw() != null) {
            cols.addAll(e.raw().kept());
            cols.addAll(e.raw().hashed());
        }
        if (e.partition() != null) {
            cols.add(e.partition().column());
        }
        checked.forEach(c -> {
            // the configuration may spell a column as the data dictionary does, in another case
            if (cols.stream().noneMatch(c::equalsIgnoreCase)) cols.add(c);
        });
        return cols;
    }

    /** The column a query of several years adds: the year the row belongs to. */
    static final String YEAR = "wcstat_year";

    public static String sql(SourceConfig.Extract e, int year) {
        return sql(e, List.of(year), List.of());
    }

    /** @param years in ascending order, without repeats; one year's query is that year's alone, without {@link #YEAR} */
    static String sql(SourceConfig.Extract e, List<Integer> years, List<String> checked) {
        String from = e.table() != null ? e.table() : "(" + e.query() + ") q";
        String where = yearFilter(e.year(), years) + (e.where() == null ? "" : " AND (" + e.where() + ")");
        String yearOf = years.size() == 1 ? "" : ", " + yearOf(e.year(), years) + " AS " + YEAR;
        return "SELECT " + String.join(", ", columns(e, checked)) + yearOf + " FROM " + from + " WHERE " + where;
    }

    /** The rows of any of the years: a range when they follow each other, a list otherwise. */
    static String yearFilter(SourceConfig.YearMapping y, List<Integer> years) {
        if (years.size() == 1) {
            return yearFilter(y, years.get(0));
        }
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        boolean range = last - first == years.size() - 1;
        return switch (y.kind()) {
            case YEAR -> range ? y.column() + " >= " + first + " AND " + y.column() + " <= " + last
                    : y.column() + " IN (" + String.join(", ", years.stream().map(String::valueOf).toList()) + ")";
            case SCHOOL_YEAR -> y.column() + " IN (" + String.join(", ", years.stream()
                    .map(v -> "'" + v + "-" + (v + 1) + "'").toList()) + ")";
            case DATE -> range ? y.column() + " >= " + dateFrom(y, first) + " AND " + y.column() + " < " + dateFrom(y, last + 1)
                    : "(" + String.join(" OR ", years.stream().map(v -> "(" + yearFilter(y, v) + ")").toList()) + ")";
        };
    }

    /** Which of the years a row belongs to, by each year's own filter. */
    static String yearOf(SourceConfig.YearMapping y, List<Integer> years) {
        StringBuilder b = new StringBuilder("CASE");
        years.forEach(v -> b.append(" WHEN ").append(yearFilter(y, v)).append(" THEN ").append(v));
        return b.append(" END").toString();
    }

    public static String yearFilter(SourceConfig.YearMapping y, int year) {
        return switch (y.kind()) {
            case YEAR -> y.column() + " = " + year;
            case SCHOOL_YEAR -> y.column() + " = '" + year + "-" + (year + 1) + "'";
            case DATE -> y.column() + " >= " + dateFrom(y, year) + " AND " + y.column() + " < " + dateFrom(y, year + 1);
        };
    }

    /**
     * The first moment of a year, as the date column compares: a date literal, or for a date kept as text in a
     * format that begins with the year, the year itself ('20230105' and '2023-01-05' are >= '2023' and < '2024').
     */
    private static String dateFrom(SourceConfig.YearMapping y, int year) {
        return y.format() == null ? "DATE '" + year + "-01-01'" : "'" + year + "'";
    }
}
