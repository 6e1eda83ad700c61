package org.wcstat.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * How a load becomes visible, all at once. Iceberg commits one table at a time, so a load has one commit
 * point, its commit to facts.observation; every other table it writes is staged before it, invisibly, and
 * made visible right after it:
 * <ol>
 *   <li>each raw.* table of the department, and quarantine.rejected, gets a branch of the load's own
 *       ({@link LoadBranch}, write-audit-publish) off its main: the load's rows are appended there, and the
 *       rows other loads wrote for the department's years deleted there. Readers of main see none of it;</li>
 *   <li>facts.observation's rows of (year, department) are replaced in one commit whose snapshot summary
 *       carries the load's id and its meta.load record: the commit point;</li>
 *   <li>main of quarantine.rejected and of each raw table is fast-forwarded to the load's branch, which is
 *       dropped in the same metadata commit;</li>
 *   <li>the load is recorded in meta.load: at once, or, in an ingest ({@link LoadRecords}), with every other
 *       department's record in one append at its end.</li>
 * </ol>
 * A load killed before step 2 leaves every table's main as it was; its branches are dropped later (or at once,
 * by the load itself, when it fails rather than dies). What a branch cannot do is make steps 3 and 4 atomic
 * with step 2, since Iceberg commits no two tables together: that is the marker's remaining role. A marker
 * file, written before step 1 and removed after step 4, names the load's branch and ids; the next command that opens
 * the warehouse ({@link LoadCoordination#finishKilledLoads}) or the next load of the department and year,
 * finding it and the load's facts commit in the history, records the load from the snapshot summary and
 * fast-forwards its branches (rolls it forward), and otherwise drops them. A load that ended well costs the
 * next one a file lookup.
 *
 * <p>A load of several years takes each step once for all of them: one branch per table, one facts commit
 * replacing (those years, department) whose summary carries every year's load id and record, one
 * fast-forward per table, its records in the one append. Each year keeps its own load id and marker (naming the shared
 * branch), so the next load of any one of them finishes it as it would a load of that year alone.
 * docs/validation.md and docs/reliability.md describe it for readers.
 */
final class LoadCommit {
    static final String LOAD_ID = "wcstat.load-id";
    static final String SOURCE = "wcstat.source";
    static final String YEAR = "wcstat.year";
    static final String RECORD = "wcstat.load-record";
    private static final String PENDING = "pending-";
    /** A commit of several years: the years, and {@link #LOAD_ID} and {@link #RECORD} suffixed ".year" for each. */
    static final String YEARS = "wcstat.years";

    /** The fault tests halt a load here: the first extract's raw rows staged on the load's branch. */
    static final String FIRST_RAW_STAGED = "after-first-raw";
    /** ... and here: every raw table staged, nothing of the shared tables yet. */
    static final String RAW_STAGED = "after-raw";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The writes of a load, staged as Spark plans: each extract's raw rows, with how many they must be when they are
     * the source read again (null when kept from the first read), the quarantined rows (null when none) and the facts.
     */
    record Staged(List<SourceConfig.Extract> extracts, List<Dataset<Row>> raw, List<Long> rawRows, Dataset<Row> quarantined,
                  Dataset<Row> facts) {
    }

    /** A load whose facts commit is in the table's history: its snapshot, id and record. */
    private record Committed(Snapshot snapshot, String loadId, String source, int year, String record) {
    }

    private final JobContext ctx;
    private final SourceConfig source;
    private final List<Integer> years;
    /** Where the load's meta.load record waits to be written with the other departments'; null to write it at once. */
    private final LoadRecords records;

    /** @param years those the load covers, ascending */
    LoadCommit(JobContext ctx, SourceConfig source, List<Integer> years) {
        this(ctx, source, years, null);
    }

    /** @param records where the record of a committed load waits, with its markers, for the ingest's one append to meta.load */
    LoadCommit(JobContext ctx, SourceConfig source, List<Integer> years, LoadRecords records) {
        this.ctx = ctx;
        this.source = source;
        this.years = List.copyOf(years);
        this.records = records;
    }

    /** The marker of a load of (department, year) that began to write and has not finished. */
    static Path pending(Path home, String department, int year) {
        return home.resolve("locks").resolve(PENDING + department + "-" + year);
    }

    /** The markers of every load that began to write and has not finished, as "department-year". */
    static List<String> unfinished(Path home) {
        Path locks = home.resolve("locks");
        if (!Files.isDirectory(locks)) {
            return List.of();
        }
        try (var files = Files.list(locks)) {
            // pending-<department>-<year>: other stages' markers beside them (pending-assess-….json) are theirs
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches(PENDING + ".+-\\d+"))
                    .map(n -> n.substring(PENDING.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + locks + ": " + e.getMessage(), e);
        }
    }

    /** The marker of each year: the branch its rows are staged on, and every year's load id, as JSON. */
    private void begin(Map<Integer, String> loadIds, LoadBranch branch) {
        try {
            Map<String, Object> marker = new LinkedHashMap<>();
            marker.put("branch", branch.name());
            Map<String, String> ids = new LinkedHashMap<>();
            loadIds.forEach((y, id) -> ids.put(String.valueOf(y), id));
            marker.put("load_ids", ids);
            String json = JSON.writeValueAsString(marker);
            for (int year : loadIds.keySet()) {
                Path p = pending(ctx.home(), source.department(), year);
                Files.createDirectories(p.getParent());
                Files.writeString(p, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the load as begun: " + e.getMessage(), e);
        }
    }

    /** A marker as {@link #begin} wrote it; one written before loads staged on branches held the load id alone. */
    private record Marker(String branch, Map<Integer, String> loadIds) {
    }

    private Marker marker(int year) {
        Path p = pending(ctx.home(), source.department(), year);
        try {
            String text = Files.readString(p).strip();
            if (!text.startsWith("{")) {
                return new Marker(null, Map.of(year, text));
            }
            Map<String, Object> m = JSON.readValue(text, new TypeReference<>() {
            });
            Map<Integer, String> ids = new java.util.TreeMap<>();
            @SuppressWarnings("unchecked") Map<String, String> byYear = (Map<String, String>) m.get("load_ids");
            byYear.forEach((y, id) -> ids.put(Integer.parseInt(y), id));
            return new Marker((String) m.get("branch"), ids);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(p + " marks a load of " + source.department() + " for " + year + " that did not finish,"
                    + " but cannot be read (" + e.getMessage() + "); delete it and load the year again", e);
        }
    }

    private void end(Collection<Integer> done) {
        end(ctx.home(), source.department(), done);
    }

    /** Removes the markers of a load of the department's years: it is recorded, and its raw rows are main. */
    static void end(Path home, String department, Collection<Integer> done) {
        try {
            for (int year : done) {
                Files.deleteIfExists(pending(home, department, year));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the load as finished: " + e.getMessage(), e);
        }
    }

    /** The years of the department whose load died while writing, leaving work to finish. */
    List<Integer> unfinished() {
        return years.stream().filter(y -> Files.exists(pending(ctx.home(), source.department(), y))).toList();
    }

    /**
     * The steps above for a checked load. The department's commit lock is held throughout, as its raw tables'
     * branches must become main with nothing committed to main in between; the shared tables are written under
     * the warehouse's lock, so other departments' loads read and stage meanwhile.
     *
     * @param loadIds the load id of each year to commit
     * @param results every extract's result for each of those years, without raw snapshots
     * @return the results with their raw snapshots
     */
    List<ExtractResult> commit(Map<Integer, String> loadIds, Staged staged, List<ExtractResult> results) {
        List<ExtractResult> done = new ArrayList<>();
        LoadBranch branch = LoadBranch.of(ctx.warehouse(), loadIds.values().iterator().next());
        List<String> rawTables = new ArrayList<>();
        List<Row> record = new ArrayList<>();
        boolean committing = false;
        try (LoadLock ignored = LoadLock.forDepartmentCommit(ctx.home(), source.department())) {
            begin(loadIds, branch);
            try {
                for (int i = 0; i < staged.extracts().size(); i++) {
                    String extract = staged.extracts().get(i).name();
                    String table = Warehouse.rawTable(source.department(), extract);
                    rawTables.add(table);
                    Long snapshot = stageRaw(table, staged.raw().get(i), branch, loadIds);
                    Long counted = staged.rawRows().get(i);
                    if (counted != null) sameRowsAsCounted(table, branch, snapshot, loadIds, staged.extracts().get(i), counted);
                    results.stream().filter(r -> r.extract().equals(extract)).forEach(r -> done.add(r.withRawSnapshot(snapshot)));
                    if (i == 0) FaultPoint.reach(FIRST_RAW_STAGED);
                }
                FaultPoint.reach(RAW_STAGED);
                try (LoadLock commit = LoadLock.forCommit(ctx.home())) {
                    branch.stage(Warehouse.QUARANTINE, staged.quarantined(), quarantineScope(loadIds));
                    FaultPoint.reach("after-quarantine");
                    committing = true;
                    Column thisLoad = yearColumnIs("year", loadIds.keySet()).and(col("source").equalTo(source.department()));
                    ctx.warehouse().replace(staged.facts(), Warehouse.FACTS, thisLoad, properties(loadIds, source.department(), done));
                    FaultPoint.reach("after-facts");
                    Long factsSnapshot = ctx.warehouse().snapshotId(Warehouse.FACTS);
                    done.forEach(r -> record.add(r.loadRow(source.department(), factsSnapshot)));
                    if (records == null) {
                        var spark = ctx.warehouse().spark();
                        ctx.warehouse().append(spark.createDataFrame(record, spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);
                        FaultPoint.reach("after-record");
                    }
                    branch.publish(Warehouse.QUARANTINE, quarantineScope(loadIds));
                }
                for (String table : rawTables) {
                    branch.publish(table, rawScope(loadIds));
                }
            } catch (RuntimeException e) {
                if (!committing) {
                    // the load did not happen and will not: nothing of it is left for the next load to finish
                    try {
                        abandon(branch);
                        end(loadIds.keySet());
                    } catch (RuntimeException cleanup) {
                        // the marker stays, and the next load drops the branches
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        }
        if (records == null) {
            end(loadIds.keySet());
        } else {
            // the markers stay until the record is written: a kill before then is finished from the facts commit
            records.committed(source.department(), loadIds.keySet(), record);
        }
        return done;
    }

    /**
     * Stages an extract's raw rows on the load's branch of its table, made (without rows) if it is the extract's
     * first load. The rows other loads wrote for the years go from the branch, so the branch holds exactly what
     * the table holds after the load.
     */
    private Long stageRaw(String table, Dataset<Row> rows, LoadBranch branch, Map<Integer, String> loadIds) {
        if (!ctx.warehouse().exists(table)) {
            ctx.warehouse().create(rows.limit(0), table, "wc_year");
        }
        return branch.stage(table, rows, rawScope(loadIds));
    }

    /**
     * The rows an extract read again for its raw table are as many as those its facts were made from: a department
     * that writes to the year while it is loaded would otherwise leave raw rows the facts do not count.
     */
    private void sameRowsAsCounted(String table, LoadBranch branch, Long snapshot, Map<Integer, String> loadIds,
                                   SourceConfig.Extract extract, long counted) {
        long written = snapshot == null ? 0 : branch.rowsOf(table, snapshot, rawScope(loadIds));
        if (written != counted) {
            throw new IngestJob.SourceUnavailableException(String.format("%s · %s changed while it was loaded: %,d row(s) when"
                    + " its facts were made, %,d when it was read again for %s; nothing of the load was written. Load %s again"
                    + " when the department is not writing to it", source.department(), extract.name(), counted, written, table,
                    loadIds.size() == 1 ? "the year" : "the years"));
        }
    }

    private static LoadBranch.Scope rawScope(Map<Integer, String> loadIds) {
        return new LoadBranch.Scope("wc_year", java.util.Optional.empty(), loadIds.keySet(), loadIds.values());
    }

    private LoadBranch.Scope quarantineScope(Map<Integer, String> loadIds) {
        return new LoadBranch.Scope("year", java.util.Optional.of(source.department()), loadIds.keySet(), loadIds.values());
    }

    /** Drops the load's branches; the shared table's under the warehouse's lock, as every commit to it. */
    private void abandon(LoadBranch branch) {
        for (SourceConfig.Extract e : source.extracts()) {
            branch.drop(Warehouse.rawTable(source.department(), e.name()));
        }
        try (LoadLock commit = LoadLock.forCommit(ctx.home())) {
            branch.drop(Warehouse.QUARANTINE);
        }
    }

    /** The snapshot properties of a load's facts commit: one year's as ever, several years' each under its own keys. */
    static Map<String, String> properties(Map<Integer, String> loadIds, String department, List<ExtractResult> results) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(SOURCE, department);
        if (loadIds.size() == 1) {
            int year = loadIds.keySet().iterator().next();
            p.put(LOAD_ID, loadIds.get(year));
            p.put(YEAR, String.valueOf(year));
            p.put(RECORD, record(results));
            return p;
        }
        p.put(YEARS, String.join(",", loadIds.keySet().stream().map(String::valueOf).toList()));
        loadIds.forEach((year, id) -> {
            p.put(LOAD_ID + "." + year, id);
            p.put(RECORD + "." + year, record(results.stream().filter(r -> r.year() == year).toList()));
        });
        return p;
    }

    private static String record(List<ExtractResult> results) {
        List<Map<String, Object>> record = new ArrayList<>();
        for (ExtractResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("extract", r.extract());
            m.put("started_at", r.startedAt().getTime());
            m.put("duration_ms", r.durationMs());
            m.put("rows_read", r.rowsRead());
            m.put("rows_written", r.rowsWritten());
            m.put("rows_quarantined", r.rowsQuarantined());
            m.put("facts_rows", r.factRows());
            m.put("raw_snapshot_id", r.rawSnapshot());
            m.put("origin", r.origin());
            record.add(m);
        }
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the load record: " + e.getMessage(), e);
        }
    }

    /**
     * Finishes what killed loads left: records every load whose facts commit is current but which meta.load
     * lacks; then, for each given year, makes main the branches of a killed load whose facts commit is current,
     * or drops them. Call under the department's commit lock and the commit lock.
     */
    void recover(List<Integer> unfinished) {
        SparkSession spark = ctx.warehouse().spark();
        // the killed run was another process: what this one has cached of the tables may predate it
        for (String t : List.of(Warehouse.FACTS, Warehouse.LOADS, Warehouse.QUARANTINE)) {
            spark.sql("REFRESH TABLE " + t);
        }
        for (SourceConfig.Extract e : source.extracts()) {
            if (ctx.warehouse().exists(Warehouse.rawTable(source.department(), e.name()))) {
                spark.sql("REFRESH TABLE " + Warehouse.rawTable(source.department(), e.name()));
            }
        }
        Set<String> recorded = new HashSet<>(spark.sql("SELECT DISTINCT load_id FROM " + Warehouse.LOADS + " WHERE status = 'ok'")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        Map<String, Committed> current = currentLoads();
        List<Row> missing = new ArrayList<>();
        for (Committed c : current.values()) {
            if (!recorded.contains(c.loadId())) {
                missing.addAll(rows(c));
            }
        }
        if (!missing.isEmpty()) {
            ctx.progress().warn("recording " + missing.size() + " extract load(s) whose facts were committed by a run that"
                    + " ended before recording them");
            ctx.warehouse().append(spark.createDataFrame(missing, spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);
        }
        for (int year : unfinished) {
            Marker marker = marker(year);
            Committed latest = current.get(source.department() + "/" + year);
            if (marker.branch() == null) {
                // a load begun before loads staged on branches appended to main: its rows are removed by id
                removeOtherLoads(year, latest != null ? latest.loadId() : latestRecorded(year));
                continue;
            }
            LoadBranch branch = new LoadBranch(ctx.warehouse(), marker.branch());
            boolean happened = latest != null && latest.loadId().equals(marker.loadIds().get(year));
            if (happened) {
                // its facts commit made it happen: its staged rows become main, as they would have had it lived
                branch.publish(Warehouse.QUARANTINE, quarantineScope(marker.loadIds()));
                for (SourceConfig.Extract e : source.extracts()) {
                    branch.publish(Warehouse.rawTable(source.department(), e.name()), rawScope(marker.loadIds()));
                }
            } else {
                branch.drop(Warehouse.QUARANTINE);
                for (SourceConfig.Extract e : source.extracts()) {
                    branch.drop(Warehouse.rawTable(source.department(), e.name()));
                }
            }
        }
        end(unfinished);
    }

    private static Column yearColumnIs(String column, Set<Integer> years) {
        return years.size() == 1 ? col(column).equalTo(years.iterator().next()) : col(column).isin(years.toArray());
    }

    /** Deletes the department's raw and quarantine rows of the year that another load than {@code keep} wrote. */
    private void removeOtherLoads(int year, String keep) {
        String other = keep == null ? "true" : "load_id <> '" + keep + "'";
        for (SourceConfig.Extract e : source.extracts()) {
            String table = Warehouse.rawTable(source.department(), e.name());
            if (ctx.warehouse().exists(table)) {
                deleteIfAny(table, "wc_year = " + year + " AND " + other);
            }
        }
        deleteIfAny(Warehouse.QUARANTINE, "year = " + year + " AND source = '" + source.department() + "' AND " + other);
    }

    private void deleteIfAny(String table, String where) {
        SparkSession spark = ctx.warehouse().spark();
        if (spark.sql("SELECT 1 FROM " + table + " WHERE " + where + " LIMIT 1").isEmpty()) {
            return;
        }
        spark.sql("DELETE FROM " + table + " WHERE " + where);
    }

    /** The latest facts commit of every (department, year) a load committed, by "department/year". */
    private Map<String, Committed> currentLoads() {
        Map<String, Committed> latest = new LinkedHashMap<>();
        try {
            Table t = ctx.warehouse().icebergTable(Warehouse.FACTS);
            if (t.currentSnapshot() == null) {
                return latest;
            }
            for (Snapshot s : SnapshotUtil.ancestorsOf(t.currentSnapshot().snapshotId(), t::snapshot)) {
                for (Committed c : committed(s)) {
                    latest.putIfAbsent(c.source() + "/" + c.year(), c);
                }
            }
            return latest;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the history of " + Warehouse.FACTS + ": " + e.getMessage(), e);
        }
    }

    /** The loads a facts commit carries: none, one, or one per year of a load of several years. */
    private static List<Committed> committed(Snapshot s) {
        Map<String, String> p = s.summary();
        if (p.containsKey(LOAD_ID)) {
            return List.of(new Committed(s, p.get(LOAD_ID), p.get(SOURCE), Integer.parseInt(p.get(YEAR)), p.get(RECORD)));
        }
        if (!p.containsKey(YEARS)) {
            return List.of();
        }
        List<Committed> loads = new ArrayList<>();
        for (String y : p.get(YEARS).split(",")) {
            loads.add(new Committed(s, p.get(LOAD_ID + "." + y), p.get(SOURCE), Integer.parseInt(y), p.get(RECORD + "." + y)));
        }
        return loads;
    }

    /** The last load of the department's year recorded ok, for facts committed before loads carried their id. */
    private String latestRecorded(int year) {
        List<Row> r = ctx.warehouse().spark().sql("SELECT load_id FROM " + Warehouse.LOADS + " WHERE status = 'ok' AND source = '"
                + source.department() + "' AND year = " + year + " ORDER BY started_at DESC LIMIT 1").collectAsList();
        return r.isEmpty() ? null : r.get(0).getString(0);
    }

    private static List<Row> rows(Committed c) {
        List<Map<String, Object>> record;
        try {
            record = JSON.readValue(c.record(), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + c.snapshot().snapshotId() + " of " + Warehouse.FACTS
                    + " has an unreadable load record: " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> m : record) {
            Object raw = m.get("raw_snapshot_id");
            rows.add(new ExtractResult((String) m.get("extract"), c.year(), c.loadId(), ((Number) m.get("rows_read")).longValue(),
                    ((Number) m.get("rows_written")).longValue(), ((Number) m.get("rows_quarantined")).longValue(),
                    ((Number) m.get("facts_rows")).longValue(), raw == null ? null : ((Number) raw).longValue(),
                    new Timestamp(((Number) m.get("started_at")).longValue()), ((Number) m.get("duration_ms")).longValue(),
                    (String) m.get("origin"))
                    .loadRow(c.source(), c.snapshot().snapshotId()));
        }
        return rows;
    }
}
