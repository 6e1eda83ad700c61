package org.wcstat.jobs.ingest;

import org.wcstat.core.config.SourceConfig;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL sent to a department's database for one extract and year: only the columns mapping and the
 * raw allow-list need, and only the year's rows, so identifiers never leave the source and the
 * database does the filtering. Plain ANSI SQL, which PostgreSQL, MariaDB, H2 and DM8 all accept.
 */
final class SourceQuery {
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

    static String sql(SourceConfig.Extract e, int year) {
        return sql(e, year, List.of());
    }

    static String sql(SourceConfig.Extract e, int year, List<String> checked) {
        String from = e.table() != null ? e.table() : "(" + e.query() + ") q";
        String where = yearFilter(e.year(), year) + (e.where() == null ? "" : " AND (" + e.where() + ")");
        return "SELECT " + String.join(", ", columns(e, checked)) + " FROM " + from + " WHERE " + where;
    }

    static String yearFilter(SourceConfig.YearMapping y, int year) {
        return switch (y.kind()) {
            case YEAR -> y.column() + " = " + year;
            case SCHOOL_YEAR -> y.column() + " = '" + year + "-" + (year + 1) + "'";
            case DATE -> y.column() + " >= DATE '" + year + "-01-01' AND " + y.column() + " < DATE '" + (year + 1) + "-01-01'";
        };
    }
}
