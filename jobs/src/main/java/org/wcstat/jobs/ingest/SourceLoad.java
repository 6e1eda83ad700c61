package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.ValidationRules;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.validate.Fact;
import org.wcstat.jobs.validate.Finding;
import org.wcstat.jobs.validate.MeasureGate;
import org.wcstat.jobs.validate.RowChecks;
import org.wcstat.jobs.validate.ValidationReport;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.apache.spark.sql.functions.*;

/**
 * One department's load of one year, or of several years at once: read, map, validate, then commit as
 * {@link LoadCommit} describes. Every row read lands in raw (allow-listed columns only, identifiers hashed);
 * rows that map and keep the rules feed facts.observation, the others go to quarantine.rejected. Each year
 * has its own load id and validation report, written whatever the outcome.
 *
 * <p>An extract's checked rows are tallied as they are read ({@link LoadRows#tally}): facts, counts, reports and
 * quarantine come from the tally. Its raw rows are every row read: a small area keeps them in memory until the
 * commit; a large one ({@code keepRows} false: millions of rows, which Spark's in-memory columns cost a quarter of
 * a province's ingest to build) reads the extract again as the commit writes them, and the commit checks that the
 * second read gave as many rows as the first.
 *
 * <p>Several years are read with one query per extract and written with one commit per table, since a
 * county's load spends its time in the fixed costs of Spark jobs and commits, not in its rows; the rules
 * judge each year as a load of that year alone would. A year that breaks a fail rule is not written, the
 * others are.
 */
final class SourceLoad {
    private final JobContext ctx;
    private final SourceConfig source;
    private final List<Integer> years;
    private final Map<Integer, String> loadIds = new TreeMap<>();
    private final ValidationRules rules;
    private final Map<Integer, ValidationReport> reports = new TreeMap<>();
    private final LoadRows project;
    /** Where each extract's rows of each year came from, for meta.load: a return's file and SHA-256. */
    private final Map<String, String> origins = new java.util.HashMap<>();

    /** Where a committed load's meta.load record waits for the ingest's one append; null to write it with the load. */
    private final LoadRecords records;
    /** Whether an extract's rows are kept in memory until the commit, or read again for it. */
    private final boolean keepRows;

    SourceLoad(JobContext ctx, SourceConfig source, int year) {
        this(ctx, source, List.of(year), null, true);
    }

    /** @param keepRows whether to keep each extract's rows in memory until the commit, or read them again for it */
    SourceLoad(JobContext ctx, SourceConfig source, List<Integer> years, LoadRecords records, boolean keepRows) {
        this.records = records;
        // a return is a workbook of a few hundred rows: kept, rather than parsed again (and its origin hashed again)
        this.keepRows = keepRows || source.isFile();
        this.ctx = ctx;
        this.source = source;
        this.years = List.copyOf(new TreeSet<>(years));
        String started = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        for (int year : this.years) {
            String loadId = source.department() + "-" + year + "-" + started + "-" + UUID.randomUUID().toString().substring(0, 8);
            loadIds.put(year, loadId);
            reports.put(year, new ValidationReport(source.department(), source.nameZh() + " " + source.nameEn(), year, loadId));
        }
        this.rules = ctx.config().validation(source.department());
        this.project = new LoadRows(source.department(), Pseudonyms.key(ctx.home(), ctx.env()), loadIds);
    }

    List<Integer> years() {
        return years;
    }

    String loadId(int year) {
        return loadIds.get(year);
    }

    /**
     * An extract read, mapped and checked, waiting to be committed: its rows (kept, or read again), their tally
     * (cached), those a rule flagged, its counts by year, and its facts (from the tally; on the driver too when measure
     * rules read them).
     */
    private record Checked(SourceConfig.Extract extract, Supplier<Dataset<Row>> rows, Dataset<Row> tally, List<Row> flagged, Map<Integer, Long> read,
                           Map<Integer, Long> bad, Dataset<Row> facts, List<Row> factRows, Map<Integer, Long> factCount,
                           List<Subtotals.Subtotal> subtotals, Timestamp started, long t0) {
    }

    /** Reads, validates and commits; throws {@link RejectedLoadException} when a fail rule is broken in any year. */
    List<ExtractResult> run() {
        List<LoadLock> held = new ArrayList<>();
        try {
            for (int year : years) {
                held.add(LoadLock.forLoad(ctx.home(), source.department(), year));
            }
            LoadCommit previous = new LoadCommit(ctx, source, years);
            List<Integer> unfinished = previous.unfinished();
            if (!unfinished.isEmpty()) {
                try (LoadLock raw = LoadLock.forDepartmentCommit(ctx.home(), source.department());
                     LoadLock commit = LoadLock.forCommit(ctx.home())) {
                    previous.recover(unfinished);
                }
            }
            return load(true);
        } finally {
            Collections.reverse(held);
            held.forEach(LoadLock::close);
        }
    }

    /** Reads and validates without touching the warehouse, and writes the reports. */
    List<ExtractResult> validateOnly() {
        return load(false);
    }

    private List<ExtractResult> load(boolean commit) {
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            MeasureGate gate = new MeasureGate(ctx.warehouse().spark(), source, rules, ctx.progress());
            MeasureGate readsFacts = gate.needed() ? gate : null;
            List<Checked> checked = read(cached, readsFacts);
            MeasureGate.Verdict verdict = gate.check(years, loadedFacts(checked), reports);
            if (!verdict.holds().isEmpty()) {
                // rows of a group that broke a measure rule were marked: a new tally of the rows, kept or read again
                List<Checked> rechecked = new ArrayList<>();
                for (Checked c : checked) {
                    rechecked.add(check(c.extract(), verdict.mark(c.rows().get()), c.rows(), c.started(), c.t0(), cached, readsFacts));
                }
                checked = rechecked;
            }
            List<ExtractResult> results = new ArrayList<>();
            Map<Integer, List<String>> failures = new TreeMap<>();
            for (Checked c : checked) {
                rowFindings(c.extract(), c.flagged(), failures);
                subtotalFindings(c);
                results.addAll(counted(c));
            }
            years.forEach(y -> failures.computeIfAbsent(y, k -> new ArrayList<>()).addAll(verdict.failures(y)));
            List<String> rejected = new ArrayList<>();
            List<Integer> passed = new ArrayList<>();
            for (int year : years) {
                List<String> f = failures.get(year);
                if (f.isEmpty()) {
                    passed.add(year);
                    continue;
                }
                Path html = reports.get(year).write(ctx.home(), "Not loaded: " + f.size() + " breach(es) of rules whose action is fail");
                rejected.add(source.department() + " for " + year + " was not loaded: "
                        + String.join("; ", f.subList(0, Math.min(5, f.size())))
                        + (f.size() > 5 ? "; and " + (f.size() - 5) + " more" : "") + " — see " + html);
            }
            if (!commit) {
                if (!rejected.isEmpty()) throw new RejectedLoadException(String.join("\n  ", rejected), years);
                for (int year : years) {
                    Path html = reports.get(year).write(ctx.home(), "Validated, not loaded (wcstat validate)");
                    ctx.progress().step(source.department() + ": validation report " + html);
                }
                return results;
            }
            List<ExtractResult> committed = List.of();
            if (!passed.isEmpty()) {
                Map<Integer, String> ids = new TreeMap<>(loadIds);
                ids.keySet().retainAll(passed);
                committed = new LoadCommit(ctx, source, years, records).commit(ids, staged(checked, passed),
                        results.stream().filter(r -> passed.contains(r.year())).toList());
                for (int year : passed) {
                    Path html = reports.get(year).write(ctx.home(), "Loaded as " + loadIds.get(year));
                    ctx.progress().step(source.department() + (years.size() == 1 ? "" : " " + year) + ": validation report " + html);
                }
            }
            if (!rejected.isEmpty()) {
                throw new RejectedLoadException(String.join("\n  ", rejected),
                        years.stream().filter(y -> !passed.contains(y)).toList());
            }
            return committed;
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    /** @param gate the measure rules that read the load's facts; null when there are none */
    private List<Checked> read(List<Dataset<Row>> cached, MeasureGate gate) {
        ExtractReader reader = source.isFile() ? new ReturnReader(ctx.warehouse().spark(), source, ctx.config().folder().sourceFile(source.department()), ctx.home(), ctx.config().regions())
                : new SourceReader(ctx.warehouse().spark(), source, ctx.home(), ctx.env());
        String what = years.size() == 1 ? String.valueOf(years.get(0)) : span();
        List<Checked> checked = new ArrayList<>();
        for (SourceConfig.Extract e : source.extracts()) {
            long t0 = System.currentTimeMillis();
            ctx.progress().step(source.department() + " · " + e.name() + ": reading " + what + " from " + reader.where());
            List<ValidationRules.Rule> structural = rules.structural(e.name());
            try {
                ExtractMapper mapper = new ExtractMapper(e, ctx.config().regions(), ctx.config().ageBands(), ExtractMapper.yearOf(years),
                        DimensionsUsed.of(e, ctx.config().catalog(), rules));
                RowChecks checks = new RowChecks(e, structural);
                Supplier<Dataset<Row>> read = () -> checks.apply(mapper.map(reader.read(e, years, RowChecks.columns(structural))));
                Supplier<Dataset<Row>> rows = read;
                if (keepRows) {
                    Dataset<Row> kept = read.get().persist(StorageLevel.MEMORY_AND_DISK());
                    cached.add(kept);
                    rows = () -> kept;
                }
                // reads the source now, so a dropped connection fails here, before anything is written
                checked.add(check(e, rows.get(), rows, new Timestamp(t0), t0, cached, gate));
                years.forEach(y -> origins.put(e.name() + "|" + y, reader.origin(e, y)));
            } catch (Exception ex) {
                throw SourceDataException.classify(source, ctx.config().folder().sourceFile(source.department()), e, ex, reports.get(years.get(0)), ctx.home());
            }
        }
        return checked;
    }

    /** The years as "2015-2025", or listed when they do not follow each other. */
    private String span() {
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        return last - first == years.size() - 1 ? first + "-" + last : String.join(", ", years.stream().map(String::valueOf).toList());
    }

    /**
     * Tallies an extract's checked rows, counts them by year and collects those a rule flagged in one pass, then
     * takes its facts from the tally; few Spark jobs per extract, since a department has several extracts and a
     * county's are small.
     *
     * @param checked the rows to tally: those of {@code rows}, or those with the measure rules' holds marked
     * @param rows the extract's rows for its raw table
     */
    private Checked check(SourceConfig.Extract e, Dataset<Row> checked, Supplier<Dataset<Row>> rows, Timestamp started, long t0,
                          List<Dataset<Row>> cached, MeasureGate gate) {
        // the row's key is spelt only for the few rows a rule flags, not kept for every row
        Dataset<Row> tally = project.tally(checked, rowKey(e)).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(tally);
        Column counted = col(LoadRows.ROWS);
        Column bad = sum(when(LoadRows.flag("problem").notEqual(""), counted).otherwise(0));
        // the tally's rows no rule flagged: one per fact, and the facts themselves unless a rule warned about a row
        Column unflagged = count_if(col(LoadRows.FLAG).isNull());
        // only a report of counts has subtotals: in a register, a row at the district is a unit of the district
        boolean report = e.value() != null;
        Subtotals subtotalsOf = new Subtotals(ctx.config().regions(), e.districtRowsAreOwnUnits());
        // a report's facts by year and measure with which of their codes are totals: whether any can be a subtotal
        Column shapes = subtotalsOf.shapes(col(RowChecks.YEAR), col(ExtractMapper.MEASURE), d -> col(ExtractMapper.mapped(d)),
                LoadRows.flag("problem").equalTo(""));
        Map<Integer, Long> read = new TreeMap<>();
        Map<Integer, Long> quarantined = new TreeMap<>();
        Map<Integer, Long> unflaggedFacts = new TreeMap<>();
        Map<Integer, Long> factCount = new TreeMap<>();
        List<String> reportShapes = new ArrayList<>();
        years.forEach(y -> {
            read.put(y, 0L);
            quarantined.put(y, 0L);
            unflaggedFacts.put(y, 0L);
            factCount.put(y, 0L);
        });
        List<Row> flagged;
        if (years.size() == 1) {
            // one pass: the counts are observed while the flagged rows are collected
            Observation counts = new Observation("counts-" + UUID.randomUUID());
            Column[] more = report ? new Column[]{bad.as("bad"), unflagged.as("facts"), shapes.as("shapes")} : new Column[]{bad.as("bad"), unflagged.as("facts")};
            flagged = collectFlagged(flagged(tally.observe(counts, sum(counted).as("rows"), more)));
            Map<String, Object> n = observed(counts, e);
            read.put(years.get(0), n.get("rows") == null ? 0 : ((Number) n.get("rows")).longValue());
            quarantined.put(years.get(0), n.get("bad") == null ? 0 : ((Number) n.get("bad")).longValue());
            unflaggedFacts.put(years.get(0), ((Number) n.get("facts")).longValue());
            if (report) reportShapes.add((String) n.get("shapes"));
        } else {
            // by year in a job of its own: observing three sums per year would evaluate them all on every row
            flagged = collectFlagged(flagged(tally));
            tally.groupBy(RowChecks.YEAR).agg(sum(counted), bad, unflagged, report ? shapes : lit("")).collectAsList().forEach(r -> {
                read.put(r.getInt(0), r.getLong(1));
                quarantined.put(r.getInt(0), r.getLong(2));
                unflaggedFacts.put(r.getInt(0), r.getLong(3));
                reportShapes.add(r.getString(4));
            });
        }
        // a row flagged but not quarantined has a problem text that is empty
        boolean warned = flagged.stream().anyMatch(r -> r.getString(2).isEmpty());
        Dataset<Row> all = project.facts(e, tally, warned);
        Dataset<Row> f = all;
        List<Subtotals.Subtotal> subtotals = List.of();
        Set<String> mayHold = report ? Subtotals.groupsThatMayHold(reportShapes) : Set.of();
        if (!mayHold.isEmpty()) {
            // the facts of the years and measures that can hold a subtotal, few: on the driver, where subtotals are told from their parts
            subtotals = subtotalsOf.of(e.name(), all.where(CodeLookup.among(Subtotals.group(), mayHold)).collectAsList());
            Set<String> left = new HashSet<>();
            subtotals.forEach(s -> left.add(s.key()));
            if (!left.isEmpty()) f = all.where(not(CodeLookup.among(Subtotals.key(), left)));
        }
        // the facts can be a province's millions: counted where they are, in the measure rules' pass if any, else in the tally's
        List<Row> factRows = null;
        if (gate != null) {
            // the measure rules check the facts, subtotals included: a rule may compare pupils{sex=_T} with its parts
            Observation byYear = new Observation("facts-" + UUID.randomUUID());
            factRows = gate.narrow(countedByYear(all, byYear)).collectAsList();
            observed(byYear, e).forEach((y, n) -> factCount.put(Integer.parseInt(y), ((Number) n).longValue()));
        } else if (warned) {
            // a warned row is summed again with its fact's unflagged row, if any: counted in a job of its own
            all.groupBy("year").count().collectAsList().forEach(r -> factCount.put(r.getInt(0), r.getLong(1)));
        } else {
            factCount.putAll(unflaggedFacts);
        }
        subtotals.forEach(s -> factCount.merge(s.year(), -1L, Long::sum));
        return new Checked(e, rows, tally, flagged, read, quarantined, f, factRows, factCount, subtotals, started, t0);
    }

    /** The facts, observed to count each year's rows (named by the year) in whatever pass reads them. */
    private Dataset<Row> countedByYear(Dataset<Row> facts, Observation o) {
        Column[] perYear = years.stream().map(y -> count_if(col("year").equalTo(y)).as(String.valueOf(y))).toArray(Column[]::new);
        return facts.observe(o, perYear[0], java.util.Arrays.copyOfRange(perYear, 1, perYear.length));
    }

    /** What an observation counted, filled by the action that just ran: no wait. */
    private static Map<String, Object> observed(Observation o, SourceConfig.Extract e) {
        try {
            return o.getAsJava();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting " + e.name(), ex);
        }
    }

    /** The rows of a tally a rule quarantines, warns about or fails on. */
    private static Dataset<Row> flagged(Dataset<Row> tally) {
        return tally.where(col(LoadRows.FLAG).isNotNull());
    }

    private static List<Row> collectFlagged(Dataset<Row> flagged) {
        String f = LoadRows.FLAG + ".";
        return flagged.select(col(f + "row_key"), col(f + "rules"), col(f + "problem"), col(f + "warnings"), col(f + "failures"),
                col(RowChecks.YEAR)).collectAsList();
    }

    /** The row's key columns as text, for reports and quarantine.rejected; a return's row with its place in the return. */
    private Column rowKey(SourceConfig.Extract e) {
        return source.isFile() ? project.returnRowKey(e) : project.rowKey(e);
    }

    private static List<Fact> loadedFacts(List<Checked> checked) {
        List<Fact> facts = new ArrayList<>();
        for (Checked c : checked) {
            if (c.factRows() != null) c.factRows().forEach(r -> facts.add(MeasureGate.fact(r)));
        }
        return facts;
    }

    /** The extract's result for each year, with its counts in the year's report and progress. */
    private List<ExtractResult> counted(Checked c) {
        List<ExtractResult> results = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String name = c.extract().name();
        long duration = System.currentTimeMillis() - c.t0();
        long allRead = 0;
        long allBad = 0;
        for (int year : years) {
            long read = c.read().get(year);
            long bad = c.bad().get(year);
            allRead += read;
            allBad += bad;
            reports.get(year).counts(new ValidationReport.ExtractCounts(name, read, read - bad, bad));
            results.add(new ExtractResult(name, year, loadIds.get(year), read, read - bad, bad, c.factCount().get(year), null,
                    c.started(), duration, origins.get(name + "|" + year)));
            if (read == 0) {
                String why = "no rows for " + year + (c.extract().year() == null ? " in the return"
                        : " (filter " + SourceQuery.yearFilter(c.extract().year(), year) + ")");
                reports.get(year).add(Finding.extract(name, "warn", why));
                warnings.add(source.department() + " · " + name + ": " + why);
            }
            if (bad > 0) {
                warnings.add(source.department() + " · " + name + ": " + bad + " row(s) quarantined"
                        + (years.size() == 1 ? "" : " for " + year) + "; see quarantine.rejected where load_id = '" + loadIds.get(year) + "'");
            }
        }
        ctx.progress().step(String.format("%s · %s: %,d rows read, %,d into facts, %,d quarantined%s", source.department(), name,
                allRead, allRead - allBad, allBad, years.size() == 1 ? "" : " (" + span() + ")"));
        warnings.forEach(ctx.progress()::warn);
        return results;
    }

    /** Adds the quarantined, warned and failing rows to their year's report, and the fail rules' breaches, as text, to {@code failures}. */
    private void rowFindings(SourceConfig.Extract e, List<Row> flagged, Map<Integer, List<String>> failures) {
        Map<String, ValidationRules.Rule> byId = new LinkedHashMap<>();
        rules.rules().forEach(r -> byId.put(r.id(), r));
        long unreadable = 0;
        for (Row r : flagged) {
            String key = r.getString(0);
            int year = r.getInt(5);
            ValidationReport report = reports.get(year);
            if (!r.getString(2).isEmpty()) {
                String ids = r.getString(1);
                ValidationRules.Rule first = byId.get(ids.split(", ")[0]);
                report.add(first == null ? Finding.mapping(e.name(), key, r.getString(2))
                        : new Finding(e.name(), key, ids, first.kind(), first.importance(), "quarantine", r.getString(2)));
            }
            for (String w : split(r.getString(3))) {
                report.add(finding(byId, e, key, w));
                if (w.startsWith(RowChecks.MAPPING + ": ")) unreadable++;
            }
            for (String f : split(r.getString(4))) {
                report.add(finding(byId, e, key, f));
                failures.computeIfAbsent(year, y -> new ArrayList<>()).add(e.name() + " row " + key + ": rule " + f);
            }
        }
        if (unreadable > 0) {
            ctx.progress().warn(source.department() + " · " + e.name() + ": " + unreadable
                    + " row(s) whose age could not be read counted in the total and in no age band; see the validation report");
        }
    }

    /** A subtotal row whose parts do not sum to it, in its year's report; it is left out of the facts either way. */
    private void subtotalFindings(Checked c) {
        long used = 0;
        for (Subtotals.Subtotal s : c.subtotals()) {
            used++;
            if (s.disagreement() != null) {
                reports.get(s.year()).add(s.disagreement());
                ctx.progress().warn(source.department() + " · " + c.extract().name() + ": " + s.disagreement().rowKey() + ": "
                        + s.disagreement().reason());
            }
        }
        if (used > 0) {
            ctx.progress().step(source.department() + " · " + c.extract().name() + ": " + used
                    + " subtotal row(s) checked against their parts and not added to them");
        }
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("; "));
    }

    private static Finding finding(Map<String, ValidationRules.Rule> byId, SourceConfig.Extract e, String key, String idAndReason) {
        int colon = idAndReason.indexOf(": ");
        if (idAndReason.substring(0, colon).equals(RowChecks.MAPPING)) return Finding.mappingNote(e.name(), key, idAndReason.substring(colon + 2));
        return Finding.of(byId.get(idAndReason.substring(0, colon)), e.name(), key, idAndReason.substring(colon + 2));
    }

    /** What the load writes for the years that passed its rules. */
    private LoadCommit.Staged staged(List<Checked> checked, List<Integer> passed) {
        List<SourceConfig.Extract> extracts = new ArrayList<>();
        List<Dataset<Row>> raws = new ArrayList<>();
        List<Long> rawRows = new ArrayList<>();
        Dataset<Row> facts = null;
        Dataset<Row> rejected = null;
        for (Checked c : checked) {
            boolean all = passed.size() == years.size();
            Dataset<Row> rows = all ? c.rows().get() : c.rows().get().where(col(RowChecks.YEAR).isin(passed.toArray()));
            Dataset<Row> f = all ? c.facts() : c.facts().where(col("year").isin(passed.toArray()));
            extracts.add(c.extract());
            raws.add(project.raw(c.extract(), rows, c.started()));
            // rows read again: the commit checks they are the rows counted
            rawRows.add(keepRows ? null : passed.stream().mapToLong(y -> c.read().get(y)).sum());
            // LoadRows makes every extract's facts, and its quarantined rows, with the same columns in the same order:
            // a union by position, which Spark analyses at once, where one by name resolves every column again
            facts = facts == null ? f : facts.union(f);
            if (passed.stream().anyMatch(y -> c.bad().get(y) > 0)) {
                Dataset<Row> tally = all ? c.tally() : c.tally().where(col(RowChecks.YEAR).isin(passed.toArray()));
                Dataset<Row> q = project.quarantine(c.extract(), tally);
                rejected = rejected == null ? q : rejected.union(q);
            }
        }
        return new LoadCommit.Staged(extracts, raws, rawRows, rejected, facts);
    }

    /** A fail rule was broken: nothing of the load's years named was written; the reports say what to fix. */
    static final class RejectedLoadException extends RuntimeException {
        private final List<Integer> years;

        RejectedLoadException(String message, List<Integer> years) {
            super(message);
            this.years = List.copyOf(years);
        }

        /** The years not loaded. */
        List<Integer> years() {
            return years;
        }
    }

    static boolean isSql(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) return true;
        }
        return false;
    }
}
