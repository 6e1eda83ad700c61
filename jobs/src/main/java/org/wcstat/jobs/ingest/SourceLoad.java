package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.ValidationRules;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.validate.Fact;
import org.wcstat.jobs.validate.Finding;
import org.wcstat.jobs.validate.MeasureChecks;
import org.wcstat.jobs.validate.RowChecks;
import org.wcstat.jobs.validate.ValidationReport;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.apache.spark.sql.functions.*;

/**
 * One department's load of one year: read, map, validate, then commit as {@link LoadCommit} describes.
 * Every row read lands in raw (allow-listed columns only, identifiers hashed); rows that map and keep
 * the rules feed facts.observation, the others go to quarantine.rejected. The department's validation
 * report is written whatever the outcome.
 */
final class SourceLoad {
    record ExtractResult(String extract, long rowsRead, long rowsWritten, long rowsQuarantined, long factRows,
                         Long rawSnapshot, Timestamp startedAt, long durationMs) {
    }

    static final String ROW_KEY = "_row_key";

    private final JobContext ctx;
    private final SourceConfig source;
    private final int year;
    private final String loadId;
    private final ValidationRules rules;
    private final ValidationReport report;

    SourceLoad(JobContext ctx, SourceConfig source, int year) {
        this.ctx = ctx;
        this.source = source;
        this.year = year;
        this.loadId = source.department() + "-" + year + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.rules = ctx.config().validation(source.department());
        this.report = new ValidationReport(source.department(), source.nameZh() + " " + source.nameEn(), year, loadId);
    }

    String loadId() {
        return loadId;
    }

    /**
     * An extract read, mapped and checked, waiting to be committed: its rows (cached), those a rule
     * flagged, its counts, and its facts (cached; on the driver too when measure rules read them).
     */
    private record Checked(SourceConfig.Extract extract, Dataset<Row> rows, List<Row> flagged, long read, long bad,
                           Dataset<Row> facts, List<Row> factRows, long factCount, Timestamp started, long t0) {
    }

    /** Reads, validates and commits; throws {@link RejectedLoadException} when a fail rule is broken. */
    List<ExtractResult> run() {
        try (LoadLock ignored = LoadLock.forLoad(ctx.home(), source.department(), year)) {
            LoadCommit previous = new LoadCommit(ctx, source, year);
            if (previous.unfinished()) {
                try (LoadLock raw = LoadLock.forDepartmentCommit(ctx.home(), source.department());
                     LoadLock commit = LoadLock.forCommit(ctx.home())) {
                    previous.recover();
                }
            }
            return load(true);
        }
    }

    /** Reads and validates without touching the warehouse, and writes the report. */
    List<ExtractResult> validateOnly() {
        return load(false);
    }

    private List<ExtractResult> load(boolean commit) {
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            List<Checked> checked = holdBackBreaches(read(cached), cached);
            List<ExtractResult> results = new ArrayList<>();
            Dataset<Row> facts = null;
            Dataset<Row> rejected = null;
            List<Dataset<Row>> raws = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Checked c : checked) {
                long read = c.read();
                long bad = c.bad();
                facts = facts == null ? c.facts() : facts.unionByName(c.facts());
                Dataset<Row> q = quarantine(c.extract(), c.rows());
                rejected = rejected == null ? q : rejected.unionByName(q);
                raws.add(raw(c.extract(), c.rows(), c.started()));
                failures.addAll(rowFindings(c.extract(), c.flagged()));
                report.counts(new ValidationReport.ExtractCounts(c.extract().name(), read, read - bad, bad));
                results.add(new ExtractResult(c.extract().name(), read, read - bad, bad, c.factCount(), null, c.started(),
                        System.currentTimeMillis() - c.t0()));
                ctx.progress().step(String.format("%s · %s: %,d rows read, %,d into facts, %,d quarantined",
                        source.department(), c.extract().name(), read, read - bad, bad));
                if (read == 0) {
                    String why = "no rows for " + year + " (filter " + SourceQuery.yearFilter(c.extract().year(), year) + ")";
                    report.add(Finding.extract(c.extract().name(), "warn", why));
                    ctx.progress().warn(source.department() + " · " + c.extract().name() + ": " + why);
                }
                if (bad > 0) {
                    ctx.progress().warn(source.department() + " · " + c.extract().name() + ": " + bad
                            + " row(s) quarantined; see quarantine.rejected where load_id = '" + loadId + "'");
                }
            }
            failures.addAll(measureFailures);
            if (!failures.isEmpty()) {
                Path html = report.write(ctx.home(), "Not loaded: " + failures.size() + " breach(es) of rules whose action is fail");
                throw new RejectedLoadException(source.department() + " for " + year + " was not loaded: "
                        + String.join("; ", failures.subList(0, Math.min(5, failures.size())))
                        + (failures.size() > 5 ? "; and " + (failures.size() - 5) + " more" : "") + " — see " + html);
            }
            if (!commit) {
                Path html = report.write(ctx.home(), "Validated, not loaded (wcstat validate)");
                ctx.progress().step(source.department() + ": validation report " + html);
                return results;
            }
            List<ExtractResult> committed = commit(checked, raws, rejected, facts, results);
            Path html = report.write(ctx.home(), "Loaded as " + loadId);
            ctx.progress().step(source.department() + ": validation report " + html);
            return committed;
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    private List<Checked> read(List<Dataset<Row>> cached) {
        SourceReader reader = new SourceReader(ctx.warehouse().spark(), source, ctx.home(), ctx.env());
        String key = Pseudonyms.key(ctx.home(), ctx.env());
        List<Checked> checked = new ArrayList<>();
        for (SourceConfig.Extract e : source.extracts()) {
            long t0 = System.currentTimeMillis();
            ctx.progress().step(source.department() + " · " + e.name() + ": reading " + year + " from " + reader.where());
            List<ValidationRules.Rule> structural = rules.structural(e.name());
            try {
                Dataset<Row> src = reader.read(e, year, RowChecks.columns(structural));
                Dataset<Row> mapped = new ExtractMapper(e, ctx.config().regions(), ctx.config().ageBands(), year).map(src);
                Dataset<Row> rows = new RowChecks(e, structural).apply(mapped).withColumn(ROW_KEY, rowKey(e, key))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(rows);
                // reads the source now, so a dropped connection fails here, before anything is written
                checked.add(check(e, rows, new Timestamp(t0), t0, cached));
            } catch (Exception ex) {
                throw SourceDataException.classify(source, e, ex, report, ctx.home());
            }
        }
        return checked;
    }

    /**
     * Counts an extract's rows and collects those a rule flagged in one pass over them, then aggregates
     * its facts; few Spark jobs per extract, since a department has several extracts and a county's are small.
     */
    private Checked check(SourceConfig.Extract e, Dataset<Row> rows, Timestamp started, long t0, List<Dataset<Row>> cached) {
        Observation counts = new Observation("counts-" + UUID.randomUUID());
        List<Row> flagged = rows.observe(counts, count(lit(1)).as("rows"),
                        sum(when(col(RowChecks.PROBLEM).notEqual(""), 1).otherwise(0)).as("bad"))
                .where(col(RowChecks.PROBLEM).notEqual("").or(col(RowChecks.WARNINGS).notEqual(""))
                        .or(col(RowChecks.FAILURES).notEqual("")))
                .select(ROW_KEY, RowChecks.RULES, RowChecks.PROBLEM, RowChecks.WARNINGS, RowChecks.FAILURES).collectAsList();
        Map<String, Object> n;
        try {
            n = counts.getAsJava(); // filled by the collect above: no wait
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting " + e.name(), ex);
        }
        long read = ((Number) n.get("rows")).longValue();
        long bad = n.get("bad") == null ? 0 : ((Number) n.get("bad")).longValue();
        Dataset<Row> f = facts(e, rows).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(f);
        // the measure rules check the facts on the driver; without them, a count is all the load record needs
        List<Row> factRows = rules.measureRules().isEmpty() ? null : f.collectAsList();
        long factCount = factRows != null ? factRows.size() : f.count();
        return new Checked(e, rows, flagged, read, bad, f, factRows, factCount, started, t0);
    }

    private final List<String> measureFailures = new ArrayList<>();

    /**
     * Checks the logical and statistical rules on the facts the load would write, and marks the rows of
     * groups that break a quarantine rule as quarantined (those extracts are checked again).
     */
    private List<Checked> holdBackBreaches(List<Checked> checked, List<Dataset<Row>> cached) {
        List<ValidationRules.Rule> measureRules = rules.measureRules();
        if (measureRules.isEmpty()) {
            return checked;
        }
        Set<String> own = Configuration.measures(List.of(source));
        List<Fact> current = new ArrayList<>();
        for (Checked c : checked) {
            c.factRows().forEach(r -> current.add(fact(r)));
        }
        // the department's own measures come from this load; others' as the warehouse holds them
        Set<String> others = new java.util.TreeSet<>();
        measureRules.forEach(r -> others.addAll(r.measures()));
        others.removeAll(own);
        String select = "SELECT measure, year, region, sex, age_band, residence, value FROM " + Warehouse.FACTS + " WHERE ";
        if (!others.isEmpty()) {
            ctx.warehouse().spark().sql(select + "year = " + year + " AND source <> '" + source.department() + "' AND measure IN ('"
                    + String.join("', '", others) + "')").collectAsList().forEach(r -> current.add(fact(r)));
        }
        List<Fact> history = new ArrayList<>();
        if (measureRules.stream().anyMatch(r -> r.kindOf() == ValidationRules.Kind.STATISTICAL)) {
            ctx.warehouse().spark().sql(select + "year < " + year + " AND source = '" + source.department() + "'")
                    .collectAsList().forEach(r -> history.add(fact(r)));
        }
        List<MeasureChecks.Breach> breaches = new MeasureChecks(year).check(measureRules, current, history);
        Map<String, String> extractOf = extractsByMeasure();
        List<Dataset<Row>> marked = new ArrayList<>();
        checked.forEach(c -> marked.add(c.rows()));
        for (MeasureChecks.Breach b : breaches) {
            Set<String> mine = MeasureChecks.own(b.rule(), own);
            String extracts = String.join(", ", mine.stream().map(extractOf::get).distinct().toList());
            report.add(Finding.of(b.rule(), extracts, b.groupKey(), b.reason()));
            switch (b.rule().actionOf()) {
                case WARN -> ctx.progress().warn(source.department() + " · " + extracts + ": rule " + b.rule().id() + " at "
                        + b.groupKey() + ": " + b.reason());
                case FAIL -> measureFailures.add(extracts + " at " + b.groupKey() + ": rule " + b.rule().id() + ": " + b.reason());
                case QUARANTINE -> {
                    Column hit = col("_measure").isin(mine.toArray());
                    for (var g : b.group().entrySet()) {
                        hit = hit.and(col(DIMENSION_COLUMNS.get(g.getKey())).equalTo(g.getValue()));
                    }
                    String why = "rule " + b.rule().id() + " at " + b.groupKey() + ": " + b.reason();
                    for (int i = 0; i < marked.size(); i++) {
                        Dataset<Row> d = marked.get(i);
                        Column apply = hit.and(col(RowChecks.PROBLEM).equalTo(""));
                        marked.set(i, d.withColumn(RowChecks.RULES, when(apply, lit(b.rule().id())).otherwise(col(RowChecks.RULES)))
                                .withColumn(RowChecks.PROBLEM, when(apply, lit(why)).otherwise(col(RowChecks.PROBLEM))));
                    }
                }
            }
        }
        List<Checked> out = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            if (marked.get(i) == c.rows()) {
                out.add(c);
            } else {
                // rows of a group that broke a measure rule were marked: a new plan over the cached rows
                Dataset<Row> rows = marked.get(i).persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(rows);
                out.add(check(c.extract(), rows, c.started(), c.t0(), cached));
            }
        }
        return out;
    }

    private static final Map<String, String> DIMENSION_COLUMNS = Map.of("region", "_region", "sex", "_sex", "age", "_age_band",
            "residence", "_residence");

    private Map<String, String> extractsByMeasure() {
        Map<String, String> m = new LinkedHashMap<>();
        for (SourceConfig.Extract e : source.extracts()) {
            Configuration.measures(List.of(new SourceConfig(source.department(), source.nameZh(), source.nameEn(), source.jdbc(),
                    List.of(e)))).forEach(x -> m.putIfAbsent(x, e.name()));
        }
        return m;
    }

    private Fact fact(Row r) {
        return new Fact(r.getString(0), r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getDouble(6));
    }

    /** Adds the quarantined, warned and failing rows to the report; returns the fail rules' breaches, as text. */
    private List<String> rowFindings(SourceConfig.Extract e, List<Row> flagged) {
        Map<String, ValidationRules.Rule> byId = new LinkedHashMap<>();
        rules.rules().forEach(r -> byId.put(r.id(), r));
        List<String> failures = new ArrayList<>();
        for (Row r : flagged) {
            String key = r.getString(0);
            if (!r.getString(2).isEmpty()) {
                String ids = r.getString(1);
                ValidationRules.Rule first = byId.get(ids.split(", ")[0]);
                report.add(first == null ? Finding.mapping(e.name(), key, r.getString(2))
                        : new Finding(e.name(), key, ids, first.kind(), first.importance(), "quarantine", r.getString(2)));
            }
            for (String w : split(r.getString(3))) {
                report.add(finding(byId, e, key, w));
            }
            for (String f : split(r.getString(4))) {
                report.add(finding(byId, e, key, f));
                failures.add(e.name() + " row " + key + ": rule " + f);
            }
        }
        return failures;
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("; "));
    }

    private static Finding finding(Map<String, ValidationRules.Rule> byId, SourceConfig.Extract e, String key, String idAndReason) {
        int colon = idAndReason.indexOf(": ");
        return Finding.of(byId.get(idAndReason.substring(0, colon)), e.name(), key, idAndReason.substring(colon + 2));
    }

    /**
     * The steps of {@link LoadCommit}. The raw tables are the department's own: they are written and
     * cleaned under its lock, so other departments' loads commit meanwhile; the shared tables under
     * the warehouse's.
     */
    private List<ExtractResult> commit(List<Checked> checked, List<Dataset<Row>> raws, Dataset<Row> rejected, Dataset<Row> facts,
                                       List<ExtractResult> results) {
        LoadCommit steps = new LoadCommit(ctx, source, year);
        List<ExtractResult> done = new ArrayList<>();
        try (LoadLock ignored = LoadLock.forDepartmentCommit(ctx.home(), source.department())) {
            steps.begin(loadId);
            for (int i = 0; i < checked.size(); i++) {
                ExtractResult r = results.get(i);
                done.add(new ExtractResult(r.extract(), r.rowsRead(), r.rowsWritten(), r.rowsQuarantined(), r.factRows(),
                        writeRaw(checked.get(i).extract(), raws.get(i)), r.startedAt(), r.durationMs()));
            }
        }
        FaultPoint.reach("after-raw");
        List<String> earlier;
        try (LoadLock ignored = LoadLock.forCommit(ctx.home())) {
            if (done.stream().anyMatch(r -> r.rowsQuarantined() > 0)) {
                ctx.warehouse().append(rejected, Warehouse.QUARANTINE);
            }
            FaultPoint.reach("after-quarantine");
            Column thisLoad = col("year").equalTo(year).and(col("source").equalTo(source.department()));
            ctx.warehouse().replace(facts, Warehouse.FACTS, thisLoad, LoadCommit.properties(loadId, source.department(), year, done));
            FaultPoint.reach("after-facts");
            Long factsSnapshot = ctx.warehouse().snapshotId(Warehouse.FACTS);
            List<Row> record = new ArrayList<>();
            done.forEach(r -> record.add(loadRow(r, factsSnapshot, "ok", null)));
            var spark = ctx.warehouse().spark();
            ctx.warehouse().append(spark.createDataFrame(record, spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);
            FaultPoint.reach("after-record");
            earlier = steps.earlierLoads(loadId);
            steps.removeQuarantined(earlier);
        }
        try (LoadLock ignored = LoadLock.forDepartmentCommit(ctx.home(), source.department())) {
            steps.removeRaw(earlier);
        }
        steps.end();
        return done;
    }

    private Dataset<Row> raw(SourceConfig.Extract e, Dataset<Row> rows, Timestamp started) {
        List<Column> cols = new ArrayList<>();
        SourceConfig.RawColumns raw = e.raw() == null ? new SourceConfig.RawColumns(List.of(), List.of()) : e.raw();
        String key = Pseudonyms.key(ctx.home(), ctx.env());
        // named as configured, not as the database reports them (PostgreSQL folds names to lower case)
        raw.kept().forEach(c -> cols.add(col(c).as(c)));
        raw.hashed().forEach(c -> cols.add(hashed(c, key).as(c)));
        cols.add(lit(year).as("wc_year"));
        cols.add(lit(loadId).as("load_id"));
        cols.add(lit(started).as("extracted_at"));
        return rows.select(cols.toArray(Column[]::new));
    }

    private Long writeRaw(SourceConfig.Extract e, Dataset<Row> rows) {
        String table = Warehouse.rawTable(source.department(), e.name());
        if (ctx.warehouse().exists(table)) {
            ctx.warehouse().append(rows, table);
        } else {
            ctx.warehouse().create(rows, table, "wc_year");
        }
        return ctx.warehouse().snapshotId(table);
    }

    private Dataset<Row> facts(SourceConfig.Extract e, Dataset<Row> rows) {
        return rows.where(col(RowChecks.PROBLEM).equalTo(""))
                .groupBy("_measure", "_region", "_sex", "_age_band", "_residence")
                .agg(sum("_value").as("value"))
                .select(col("_measure").as("measure"), lit(year).as("year"), col("_region").as("region"),
                        col("_sex").as("sex"), col("_age_band").as("age_band"), col("_residence").as("residence"),
                        col("value"), lit(source.department()).as("source"), lit(e.name()).as("extract"),
                        lit(loadId).as("load_id"));
    }

    /** The row's key columns as KEY=value pairs; only what the allow-list keeps shows in clear. */
    private static Column rowKey(SourceConfig.Extract e, String key) {
        List<Column> parts = new ArrayList<>();
        List<String> kept = e.raw() == null ? List.of() : e.raw().kept();
        for (String k : e.keyColumns()) {
            // any other key column could be an ID number
            Column v = kept.contains(k) ? col(k).cast("string") : concat(lit("sha256:"), substring(hashed(k, key), 1, 16));
            parts.add(concat(lit(k + "="), coalesce(v, lit("(empty)"))));
        }
        return concat_ws(", ", parts.toArray(Column[]::new));
    }

    private Dataset<Row> quarantine(SourceConfig.Extract e, Dataset<Row> rows) {
        return rows.where(col(RowChecks.PROBLEM).notEqual(""))
                .select(lit(source.department()).as("source"), lit(e.name()).as("extract"), lit(year).as("year"),
                        col(ROW_KEY).as("row_key"), col(RowChecks.RULES).as("rule"),
                        col(RowChecks.PROBLEM).as("reason"), lit(loadId).as("load_id"));
    }

    /** A keyed SHA-256; a missing identifier stays missing (concat with null is null). */
    private static Column hashed(String column, String key) {
        return sha2(concat(lit(key), col(column).cast("string")), 256);
    }

    Row loadRow(ExtractResult r, Long factsSnapshot, String status, String message) {
        return RowFactory.create(loadId, source.department(), r.extract(), year, r.startedAt(), r.durationMs(),
                r.rowsRead(), r.rowsWritten(), r.rowsQuarantined(), r.factRows(), r.rawSnapshot(), factsSnapshot, status, message);
    }

    /** A fail rule was broken: nothing of the load was written; the report says what to fix. */
    static final class RejectedLoadException extends RuntimeException {
        RejectedLoadException(String message) {
            super(message);
        }
    }

    static boolean isSql(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) return true;
        }
        return false;
    }
}
