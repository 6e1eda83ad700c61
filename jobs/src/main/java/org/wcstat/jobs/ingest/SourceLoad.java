package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.apache.spark.sql.functions.*;

/**
 * One department's load of one year. Every row read lands in raw (allow-listed columns only,
 * identifiers hashed); rows that map feed facts.observation, the others go to quarantine.rejected.
 * Facts are replaced for exactly (year, source) in one commit, written last, so a load that dies
 * before it leaves the facts as they were.
 */
final class SourceLoad {
    record ExtractResult(String extract, long rowsRead, long rowsWritten, long rowsQuarantined, long factRows,
                         Long rawSnapshot, Timestamp startedAt, long durationMs) {
    }

    private final JobContext ctx;
    private final SourceConfig source;
    private final int year;
    private final String loadId;

    SourceLoad(JobContext ctx, SourceConfig source, int year) {
        this.ctx = ctx;
        this.source = source;
        this.year = year;
        this.loadId = source.department() + "-" + year + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String loadId() {
        return loadId;
    }

    List<ExtractResult> run() {
        SourceReader reader = new SourceReader(ctx.warehouse().spark(), source, ctx.home(), ctx.env());
        String key = Pseudonyms.key(ctx.home(), ctx.env());
        List<ExtractResult> results = new ArrayList<>();
        // cached for the load: every extract's mapped rows, and its aggregated facts (counted, then written)
        List<Dataset<Row>> cached = new ArrayList<>();
        Dataset<Row> facts = null;
        Dataset<Row> rejected = null;
        try {
            for (SourceConfig.Extract e : source.extracts()) {
                long t0 = System.currentTimeMillis();
                Timestamp started = new Timestamp(t0);
                ctx.progress().step(source.department() + " · " + e.name() + ": reading " + year + " from " + reader.where());
                Dataset<Row> mapped = new ExtractMapper(e, ctx.config().regions(), ctx.config().ageBands(), year)
                        .map(reader.read(e, year))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(mapped);
                Row counts = mapped.agg(count(lit(1)), sum(when(col(ExtractMapper.PROBLEM).notEqual(""), 1).otherwise(0))).first();
                long read = counts.getLong(0);
                long bad = counts.isNullAt(1) ? 0 : counts.getLong(1);
                Long rawSnapshot = writeRaw(e, mapped, key, started);
                Dataset<Row> f = facts(e, mapped).persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(f);
                long factRows = f.count();
                facts = facts == null ? f : facts.unionByName(f);
                Dataset<Row> q = quarantine(e, mapped, key);
                rejected = rejected == null ? q : rejected.unionByName(q);
                results.add(new ExtractResult(e.name(), read, read - bad, bad, factRows, rawSnapshot, started,
                        System.currentTimeMillis() - t0));
                ctx.progress().step(String.format("%s · %s: %,d rows read, %,d into facts, %,d quarantined",
                        source.department(), e.name(), read, read - bad, bad));
                if (read == 0) {
                    ctx.progress().warn(source.department() + " · " + e.name() + ": no rows for " + year
                            + " (filter " + SourceQuery.yearFilter(e.year(), year) + ")");
                }
                if (bad > 0) {
                    ctx.progress().warn(source.department() + " · " + e.name() + ": " + bad
                            + " row(s) quarantined; see quarantine.rejected where load_id = '" + loadId + "'");
                }
            }
            Column thisLoad = col("year").equalTo(year).and(col("source").equalTo(source.department()));
            ctx.warehouse().replace(rejected, Warehouse.QUARANTINE, thisLoad);
            ctx.warehouse().replace(facts, Warehouse.FACTS, thisLoad);
            return results;
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    private Long writeRaw(SourceConfig.Extract e, Dataset<Row> mapped, String key, Timestamp started) {
        List<Column> cols = new ArrayList<>();
        SourceConfig.RawColumns raw = e.raw() == null ? new SourceConfig.RawColumns(List.of(), List.of()) : e.raw();
        // named as configured, not as the database reports them (PostgreSQL folds names to lower case)
        raw.kept().forEach(c -> cols.add(col(c).as(c)));
        raw.hashed().forEach(c -> cols.add(hashed(c, key).as(c)));
        cols.add(lit(year).as("wc_year"));
        cols.add(lit(loadId).as("load_id"));
        cols.add(lit(started).as("extracted_at"));
        Dataset<Row> rows = mapped.select(cols.toArray(Column[]::new));
        String table = Warehouse.rawTable(source.department(), e.name());
        if (ctx.warehouse().exists(table)) {
            ctx.warehouse().replace(rows, table, col("wc_year").equalTo(year));
        } else {
            ctx.warehouse().create(rows, table, "wc_year");
        }
        return ctx.warehouse().snapshotId(table);
    }

    private Dataset<Row> facts(SourceConfig.Extract e, Dataset<Row> mapped) {
        return mapped.where(col(ExtractMapper.PROBLEM).equalTo(""))
                .groupBy("_measure", "_region", "_sex", "_age_band", "_residence")
                .agg(sum("_value").as("value"))
                .select(col("_measure").as("measure"), lit(year).as("year"), col("_region").as("region"),
                        col("_sex").as("sex"), col("_age_band").as("age_band"), col("_residence").as("residence"),
                        col("value"), lit(source.department()).as("source"), lit(e.name()).as("extract"),
                        lit(loadId).as("load_id"));
    }

    private Dataset<Row> quarantine(SourceConfig.Extract e, Dataset<Row> mapped, String key) {
        List<Column> parts = new ArrayList<>();
        List<String> kept = e.raw() == null ? List.of() : e.raw().kept();
        for (String k : e.keyColumns()) {
            // only what the allow-list keeps may show in clear: any other key column could be an ID number
            Column v = kept.contains(k) ? col(k).cast("string") : concat(lit("sha256:"), substring(hashed(k, key), 1, 16));
            parts.add(concat(lit(k + "="), coalesce(v, lit("(empty)"))));
        }
        return mapped.where(col(ExtractMapper.PROBLEM).notEqual(""))
                .select(lit(source.department()).as("source"), lit(e.name()).as("extract"), lit(year).as("year"),
                        concat_ws(", ", parts.toArray(Column[]::new)).as("row_key"), lit("mapping").as("rule"),
                        col(ExtractMapper.PROBLEM).as("reason"), lit(loadId).as("load_id"));
    }

    /** A keyed SHA-256; a missing identifier stays missing (concat with null is null). */
    private static Column hashed(String column, String key) {
        return sha2(concat(lit(key), col(column).cast("string")), 256);
    }

    Row loadRow(ExtractResult r, Long factsSnapshot, String status, String message) {
        return RowFactory.create(loadId, source.department(), r.extract(), year, r.startedAt(), r.durationMs(),
                r.rowsRead(), r.rowsWritten(), r.rowsQuarantined(), r.factRows(), r.rawSnapshot(), factsSnapshot, status, message);
    }
}
