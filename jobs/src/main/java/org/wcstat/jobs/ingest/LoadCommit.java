package org.wcstat.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
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
 * How a load becomes visible, all at once. Iceberg commits one table at a time, so a load's single
 * visible effect is its commit to facts.observation; everything else is staged before it or finished
 * after it, by load_id:
 * <ol>
 *   <li>raw.* and quarantine.rejected rows are appended under the load's id: until the load is recorded,
 *       readers who take the rows of the loads recorded ok in meta.load do not see them;</li>
 *   <li>facts.observation's rows of (year, department) are replaced in one commit whose snapshot summary
 *       carries the load's id and its meta.load record: the commit point;</li>
 *   <li>the load is recorded in meta.load, and the rows of every other load of (year, department) are
 *       deleted from quarantine.rejected and raw.*.</li>
 * </ol>
 * A load killed before step 2 leaves facts and meta.load as they were; its staged rows are orphans the
 * next load removes. A load killed after step 2 did happen: the next load records it from the snapshot
 * summary before it starts. A marker file, written before step 1 and removed after step 3, tells the next
 * load whether there is anything to finish, so a load that ended well costs the next one nothing.
 *
 * <p>A load of several years takes each step once for all of them: one append to each raw table and to
 * quarantine.rejected, one facts commit replacing (those years, department) whose summary carries every
 * year's load id and record, one append to meta.load. Each year keeps its own load id and marker, so the
 * next load of any one of them finishes it as it would a load of that year alone.
 * docs/validation.md describes it for readers.
 */
final class LoadCommit {
    static final String LOAD_ID = "wcstat.load-id";
    static final String SOURCE = "wcstat.source";
    static final String YEAR = "wcstat.year";
    static final String RECORD = "wcstat.load-record";
    private static final String PENDING = "pending-";
    /** A commit of several years: the years, and {@link #LOAD_ID} and {@link #RECORD} suffixed ".year" for each. */
    static final String YEARS = "wcstat.years";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The writes of a load, staged as Spark plans: each extract's raw rows, the quarantined rows and the facts. */
    record Staged(List<SourceConfig.Extract> extracts, List<Dataset<Row>> raw, Dataset<Row> quarantined, Dataset<Row> facts) {
    }

    /** A load whose facts commit is in the table's history: its snapshot, id and record. */
    private record Committed(Snapshot snapshot, String loadId, String source, int year, String record) {
    }

    private final JobContext ctx;
    private final SourceConfig source;
    private final List<Integer> years;

    /** @param years those the load covers, ascending */
    LoadCommit(JobContext ctx, SourceConfig source, List<Integer> years) {
        this.ctx = ctx;
        this.source = source;
        this.years = List.copyOf(years);
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
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(PENDING))
                    .map(n -> n.substring(PENDING.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + locks + ": " + e.getMessage(), e);
        }
    }

    private void begin(Map<Integer, String> loadIds) {
        try {
            for (var e : loadIds.entrySet()) {
                Path p = pending(ctx.home(), source.department(), e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the load as begun: " + e.getMessage(), e);
        }
    }

    private void end(Collection<Integer> done) {
        try {
            for (int year : done) {
                Files.deleteIfExists(pending(ctx.home(), source.department(), year));
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
     * The steps above for a checked load: the raw tables are the department's own, written and cleaned under
     * its lock, so other departments' loads commit meanwhile; the shared tables under the warehouse's.
     *
     * @param loadIds the load id of each year to commit
     * @param results every extract's result for each of those years, without raw snapshots
     * @return the results with their raw snapshots
     */
    List<ExtractResult> commit(Map<Integer, String> loadIds, Staged staged, List<ExtractResult> results) {
        List<ExtractResult> done = new ArrayList<>();
        try (LoadLock ignored = LoadLock.forDepartmentCommit(ctx.home(), source.department())) {
            begin(loadIds);
            for (int i = 0; i < staged.extracts().size(); i++) {
                String extract = staged.extracts().get(i).name();
                Long snapshot = writeRaw(staged.extracts().get(i), staged.raw().get(i));
                results.stream().filter(r -> r.extract().equals(extract)).forEach(r -> done.add(r.withRawSnapshot(snapshot)));
            }
        }
        FaultPoint.reach("after-raw");
        List<String> earlier;
        try (LoadLock ignored = LoadLock.forCommit(ctx.home())) {
            if (done.stream().anyMatch(r -> r.rowsQuarantined() > 0)) {
                ctx.warehouse().append(staged.quarantined(), Warehouse.QUARANTINE);
            }
            FaultPoint.reach("after-quarantine");
            Column thisLoad = yearColumnIs("year", loadIds.keySet()).and(col("source").equalTo(source.department()));
            ctx.warehouse().replace(staged.facts(), Warehouse.FACTS, thisLoad, properties(loadIds, source.department(), done));
            FaultPoint.reach("after-facts");
            Long factsSnapshot = ctx.warehouse().snapshotId(Warehouse.FACTS);
            List<Row> record = new ArrayList<>();
            done.forEach(r -> record.add(r.loadRow(source.department(), factsSnapshot)));
            var spark = ctx.warehouse().spark();
            ctx.warehouse().append(spark.createDataFrame(record, spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);
            FaultPoint.reach("after-record");
            earlier = earlierLoads(loadIds);
            removeQuarantined(loadIds.keySet(), earlier);
        }
        try (LoadLock ignored = LoadLock.forDepartmentCommit(ctx.home(), source.department())) {
            removeRaw(loadIds.keySet(), earlier);
        }
        end(loadIds.keySet());
        return done;
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
     * lacks, then removes the department's staged rows of the given years that belong to no current load.
     * Call under the department's commit lock and the commit lock.
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
            Committed mine = current.get(source.department() + "/" + year);
            removeOtherLoads(year, mine != null ? mine.loadId() : latestRecorded(year));
        }
        end(unfinished);
    }

    /** After a load is recorded: the other loads recorded for the department's years, whose rows it replaces. */
    private List<String> earlierLoads(Map<Integer, String> keep) {
        List<String> earlier = new ArrayList<>(ctx.warehouse().spark().sql("SELECT DISTINCT load_id FROM " + Warehouse.LOADS
                        + " WHERE source = '" + source.department() + "' AND " + yearIs("year", keep.keySet()))
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        earlier.removeAll(keep.values());
        return earlier;
    }

    /**
     * Deletes the raw rows of the department's years that earlier loads wrote. By their ids, which the raw
     * tables' column metrics pin to whole files, so the delete drops files without reading them; a first
     * load has nothing to delete and costs nothing. Call under the department's commit lock.
     */
    private void removeRaw(Collection<Integer> years, List<String> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        for (SourceConfig.Extract e : source.extracts()) {
            String table = Warehouse.rawTable(source.department(), e.name());
            if (ctx.warehouse().exists(table)) {
                ctx.warehouse().spark().sql("DELETE FROM " + table + " WHERE " + yearIs("wc_year", years) + " AND " + loadIdIn(earlier));
            }
        }
    }

    /** Deletes the quarantined rows of the department's years that earlier loads wrote. Call under the commit lock. */
    private void removeQuarantined(Collection<Integer> years, List<String> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        deleteIfAny(Warehouse.QUARANTINE, yearIs("year", years) + " AND source = '" + source.department() + "' AND " + loadIdIn(earlier));
    }

    private static String loadIdIn(List<String> ids) {
        return "load_id IN ('" + String.join("', '", ids) + "')";
    }

    /** The condition on a year column, as SQL: = for one year, IN for several. */
    private static String yearIs(String column, Collection<Integer> years) {
        return years.size() == 1 ? column + " = " + years.iterator().next()
                : column + " IN (" + String.join(", ", years.stream().map(String::valueOf).toList()) + ")";
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
            Table t = Spark3Util.loadIcebergTable(ctx.warehouse().spark(), Warehouse.FACTS);
            t.refresh();
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
                    new Timestamp(((Number) m.get("started_at")).longValue()), ((Number) m.get("duration_ms")).longValue())
                    .loadRow(c.source(), c.snapshot().snapshotId()));
        }
        return rows;
    }
}
