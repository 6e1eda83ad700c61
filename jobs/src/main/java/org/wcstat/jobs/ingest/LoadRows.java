package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.validate.RowChecks;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * The rows a load writes, projected from an extract's checked rows: raw (allow-listed columns only,
 * identifiers hashed), facts (the rows that keep the rules, summed) and quarantine (the others), each
 * carrying the load id of its row's year.
 */
final class LoadRows {

    private final String department;
    private final String pseudonymKey;
    private final Column loadId;

    /** @param loadIds the load id of each year the load covers */
    LoadRows(String department, String pseudonymKey, Map<Integer, String> loadIds) {
        this.department = department;
        this.pseudonymKey = pseudonymKey;
        this.loadId = loadIdOf(loadIds);
    }

    private static Column loadIdOf(Map<Integer, String> loadIds) {
        if (loadIds.size() == 1) {
            return lit(loadIds.values().iterator().next());
        }
        List<Column> entries = new ArrayList<>();
        loadIds.forEach((year, id) -> {
            entries.add(lit(year));
            entries.add(lit(id));
        });
        return element_at(map(entries.toArray(Column[]::new)), col(RowChecks.YEAR));
    }

    Dataset<Row> raw(SourceConfig.Extract e, Dataset<Row> rows, Timestamp started) {
        List<Column> cols = new ArrayList<>();
        SourceConfig.RawColumns raw = e.raw() == null ? new SourceConfig.RawColumns(List.of(), List.of()) : e.raw();
        // named as configured, not as the database reports them (PostgreSQL folds names to lower case)
        raw.kept().forEach(c -> cols.add(col(c).as(c)));
        raw.hashed().forEach(c -> cols.add(hashed(c, pseudonymKey).as(c)));
        cols.add(col(RowChecks.YEAR).as("wc_year"));
        cols.add(loadId.as("load_id"));
        cols.add(lit(started).as("extracted_at"));
        return rows.select(cols.toArray(Column[]::new));
    }

    Dataset<Row> facts(SourceConfig.Extract e, Dataset<Row> rows) {
        List<Column> by = new ArrayList<>(List.of(col(RowChecks.YEAR), col(ExtractMapper.MEASURE)));
        List<Column> fact = new ArrayList<>(List.of(col(ExtractMapper.MEASURE).as("measure"), col(RowChecks.YEAR).as("year")));
        for (Dimension d : Dimension.values()) {
            by.add(col(ExtractMapper.mapped(d)));
            fact.add(col(ExtractMapper.mapped(d)).as(d.column()));
        }
        fact.addAll(List.of(col("value"), lit(department).as("source"), lit(e.name()).as("extract"), loadId.as("load_id")));
        return rows.where(col(RowChecks.PROBLEM).equalTo("")).groupBy(by.toArray(Column[]::new))
                .agg(sum(ExtractMapper.VALUE).as("value")).select(fact.toArray(Column[]::new));
    }

    /** @param rowKey the row's key columns as text ({@link #rowKey}, {@link #returnRowKey}) */
    Dataset<Row> quarantine(SourceConfig.Extract e, Dataset<Row> rows, Column rowKey) {
        return rows.where(col(RowChecks.PROBLEM).notEqual(""))
                .select(lit(department).as("source"), lit(e.name()).as("extract"), col(RowChecks.YEAR).as("year"),
                        rowKey.as("row_key"), col(RowChecks.RULES).as("rule"),
                        col(RowChecks.PROBLEM).as("reason"), loadId.as("load_id"));
    }

    /** A return's row: its place in the return (sheet!row), then its key columns. */
    Column returnRowKey(SourceConfig.Extract e) {
        return concat(lit("row "), col(ReturnReader.ROW), lit(", "), rowKey(e));
    }

    /** The row's key columns as KEY=value pairs; only what the allow-list keeps shows in clear. */
    Column rowKey(SourceConfig.Extract e) {
        List<Column> parts = new ArrayList<>();
        List<String> kept = e.raw() == null ? List.of() : e.raw().kept();
        for (String k : e.keyColumns()) {
            // any other key column could be an ID number
            Column v = kept.contains(k) ? col(k).cast("string") : concat(lit("sha256:"), substring(hashed(k, pseudonymKey), 1, 16));
            parts.add(concat(lit(k + "="), coalesce(v, lit("(empty)"))));
        }
        return concat_ws(", ", parts.toArray(Column[]::new));
    }

    /** A keyed SHA-256; a missing identifier stays missing (concat with null is null). */
    private static Column hashed(String column, String key) {
        return sha2(concat(lit(key), col(column).cast("string")), 256);
    }
}
