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
    /**
     * What a rule said of a tallied row: null for the rows no rule flagged, else a struct of its problem, rules,
     * warnings and failures ({@link RowChecks}'s texts), its key spelt, and an id of its own ({@link #tally}).
     */
    static final String FLAG = "_flag";
    /** How many checked rows a tallied row stands for. */
    static final String ROWS = "_rows";

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

    /**
     * The checked rows summed by what facts, counts, reports and quarantine read: the rows no rule flagged by their
     * fact's year, measure and dimensions, each flagged row (quarantined, warned about or failing) on its own, with
     * what the rules said of it and its key spelt ({@link #FLAG}). A province's millions of rows become about its facts
     * and its few flagged rows in the pass that reads them, and are not kept; the rules' texts, empty for almost every
     * row, are summed by as one column, null for the rows no rule flagged.
     *
     * @param rowKey the row's key columns as text ({@link #rowKey}, {@link #returnRowKey})
     */
    Dataset<Row> tally(Dataset<Row> rows, Column rowKey) {
        Column flagged = col(RowChecks.PROBLEM).notEqual("").or(col(RowChecks.WARNINGS).notEqual(""))
                .or(col(RowChecks.FAILURES).notEqual(""));
        List<Column> by = factKey();
        List<Column> read = new ArrayList<>(by);
        read.add(col(ExtractMapper.VALUE));
        // two flagged rows with the same key are two rows in the report and in quarantine
        read.add(when(flagged, struct(col(RowChecks.PROBLEM).as("problem"), col(RowChecks.RULES).as("rules"),
                col(RowChecks.WARNINGS).as("warnings"), col(RowChecks.FAILURES).as("failures"), rowKey.as("row_key"),
                monotonically_increasing_id().as("row"))).as(FLAG));
        by.add(col(FLAG));
        return rows.select(read.toArray(Column[]::new)).groupBy(by.toArray(Column[]::new))
                .agg(sum(ExtractMapper.VALUE).as(ExtractMapper.VALUE), count(lit(1)).as(ROWS));
    }

    /** What a fact is summed by: its year, measure and dimensions, as a mapped row holds them. */
    private static List<Column> factKey() {
        List<Column> key = new ArrayList<>(List.of(col(RowChecks.YEAR), col(ExtractMapper.MEASURE)));
        for (Dimension d : Dimension.values()) key.add(col(ExtractMapper.mapped(d)));
        return key;
    }

    /** A {@link #FLAG}'s text: empty for a row no rule flagged. */
    static Column flag(String field) {
        return coalesce(col(FLAG + "." + field), lit(""));
    }

    /**
     * The facts of a {@link #tally}: its rows no rule quarantined, summed by fact. Those no rule flagged at all are
     * one per fact already; only rows a rule warned about (each on its own) are summed again with them.
     *
     * @param warned whether a rule warned about a row it did not quarantine
     */
    Dataset<Row> facts(SourceConfig.Extract e, Dataset<Row> tally, boolean warned) {
        List<Column> fact = new ArrayList<>(List.of(col(ExtractMapper.MEASURE).as("measure"), col(RowChecks.YEAR).as("year")));
        for (Dimension d : Dimension.values()) fact.add(col(ExtractMapper.mapped(d)).as(d.column()));
        fact.addAll(List.of(col(ExtractMapper.VALUE).as("value"), lit(department).as("source"), lit(e.name()).as("extract"),
                loadId.as("load_id")));
        Dataset<Row> kept = tally.where(flag("problem").equalTo(""));
        if (warned) kept = kept.groupBy(factKey().toArray(Column[]::new)).agg(sum(ExtractMapper.VALUE).as(ExtractMapper.VALUE));
        return kept.select(fact.toArray(Column[]::new));
    }

    /** @param tally a {@link #tally}, whose quarantined rows each stand for one row */
    Dataset<Row> quarantine(SourceConfig.Extract e, Dataset<Row> tally) {
        return tally.where(flag("problem").notEqual(""))
                .select(lit(department).as("source"), lit(e.name()).as("extract"), col(RowChecks.YEAR).as("year"),
                        col(FLAG + ".row_key").as("row_key"), col(FLAG + ".rules").as("rule"),
                        col(FLAG + ".problem").as("reason"), loadId.as("load_id"));
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
