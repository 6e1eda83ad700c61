package org.wcstat.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * docs/validation.md describes it for readers.
 */
final class LoadCommit {
    static final String LOAD_ID = "wcstat.load-id";
    static final String SOURCE = "wcstat.source";
    static final String YEAR = "wcstat.year";
    static final String RECORD = "wcstat.load-record";
    private static final String PENDING = "pending-";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobContext ctx;
    private final SourceConfig source;
    private final int year;

    LoadCommit(JobContext ctx, SourceConfig source, int year) {
        this.ctx = ctx;
        this.source = source;
        this.year = year;
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

    void begin(String loadId) {
        try {
            Path p = pending(ctx.home(), source.department(), year);
            Files.createDirectories(p.getParent());
            Files.writeString(p, loadId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the load as begun: " + e.getMessage(), e);
        }
    }

    void end() {
        try {
            Files.deleteIfExists(pending(ctx.home(), source.department(), year));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the load as finished: " + e.getMessage(), e);
        }
    }

    /** Whether a load of the department's year died while writing, leaving work to finish. */
    boolean unfinished() {
        return Files.exists(pending(ctx.home(), source.department(), year));
    }

    /** The snapshot properties of a load's facts commit. */
    static Map<String, String> properties(String loadId, String department, int year, List<SourceLoad.ExtractResult> results) {
        List<Map<String, Object>> record = new ArrayList<>();
        for (SourceLoad.ExtractResult r : results) {
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
            return Map.of(LOAD_ID, loadId, SOURCE, department, YEAR, String.valueOf(year), RECORD, JSON.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the load record: " + e.getMessage(), e);
        }
    }

    /**
     * Finishes what a killed load left: records every load whose facts commit is current but which
     * meta.load lacks, then removes the department's staged rows of the year that belong to no current load.
     * Call under the commit lock.
     */
    void recover() {
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
        Map<String, Snapshot> current = currentLoads();
        List<Row> missing = new ArrayList<>();
        for (Snapshot s : current.values()) {
            if (!recorded.contains(s.summary().get(LOAD_ID))) {
                missing.addAll(rows(s));
            }
        }
        if (!missing.isEmpty()) {
            ctx.progress().warn("recording " + missing.size() + " extract load(s) whose facts were committed by a run that"
                    + " ended before recording them");
            ctx.warehouse().append(spark.createDataFrame(missing, spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);
        }
        Snapshot mine = current.get(source.department() + "/" + year);
        String keep = mine != null ? mine.summary().get(LOAD_ID) : latestRecorded();
        removeOtherLoads(keep);
        end();
    }

    /** After a load is recorded: the other loads recorded for the department's year, whose rows it replaces. */
    List<String> earlierLoads(String keep) {
        List<String> earlier = new ArrayList<>(ctx.warehouse().spark().sql("SELECT DISTINCT load_id FROM " + Warehouse.LOADS
                + " WHERE source = '" + source.department() + "' AND year = " + year).as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        earlier.remove(keep);
        return earlier;
    }

    /**
     * Deletes the raw rows of the department's year that earlier loads wrote. By their ids, which the raw
     * tables' column metrics pin to whole files, so the delete drops files without reading them; a first
     * load has nothing to delete and costs nothing. Call under the department's commit lock.
     */
    void removeRaw(List<String> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        for (SourceConfig.Extract e : source.extracts()) {
            String table = Warehouse.rawTable(source.department(), e.name());
            if (ctx.warehouse().exists(table)) {
                ctx.warehouse().spark().sql("DELETE FROM " + table + " WHERE wc_year = " + year + " AND " + loadIdIn(earlier));
            }
        }
    }

    /** Deletes the quarantined rows of the department's year that earlier loads wrote. Call under the commit lock. */
    void removeQuarantined(List<String> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        deleteIfAny(Warehouse.QUARANTINE, "year = " + year + " AND source = '" + source.department() + "' AND " + loadIdIn(earlier));
    }

    private static String loadIdIn(List<String> ids) {
        return "load_id IN ('" + String.join("', '", ids) + "')";
    }

    /** Deletes the department's raw and quarantine rows of the year that another load than {@code keep} wrote. */
    void removeOtherLoads(String keep) {
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
    private Map<String, Snapshot> currentLoads() {
        Map<String, Snapshot> latest = new LinkedHashMap<>();
        try {
            Table t = Spark3Util.loadIcebergTable(ctx.warehouse().spark(), Warehouse.FACTS);
            t.refresh();
            if (t.currentSnapshot() == null) {
                return latest;
            }
            for (Snapshot s : SnapshotUtil.ancestorsOf(t.currentSnapshot().snapshotId(), t::snapshot)) {
                Map<String, String> p = s.summary();
                if (p.containsKey(LOAD_ID)) {
                    latest.putIfAbsent(p.get(SOURCE) + "/" + p.get(YEAR), s);
                }
            }
            return latest;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the history of " + Warehouse.FACTS + ": " + e.getMessage(), e);
        }
    }

    /** The last load of the department's year recorded ok, for facts committed before loads carried their id. */
    private String latestRecorded() {
        List<Row> r = ctx.warehouse().spark().sql("SELECT load_id FROM " + Warehouse.LOADS + " WHERE status = 'ok' AND source = '"
                + source.department() + "' AND year = " + year + " ORDER BY started_at DESC LIMIT 1").collectAsList();
        return r.isEmpty() ? null : r.get(0).getString(0);
    }

    private static List<Row> rows(Snapshot s) {
        Map<String, String> p = s.summary();
        List<Map<String, Object>> record;
        try {
            record = JSON.readValue(p.get(RECORD), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + s.snapshotId() + " of " + Warehouse.FACTS + " has an unreadable load record: "
                    + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> m : record) {
            Object raw = m.get("raw_snapshot_id");
            rows.add(RowFactory.create(p.get(LOAD_ID), p.get(SOURCE), m.get("extract"), Integer.parseInt(p.get(YEAR)),
                    new Timestamp(((Number) m.get("started_at")).longValue()), ((Number) m.get("duration_ms")).longValue(),
                    ((Number) m.get("rows_read")).longValue(), ((Number) m.get("rows_written")).longValue(),
                    ((Number) m.get("rows_quarantined")).longValue(), ((Number) m.get("facts_rows")).longValue(),
                    raw == null ? null : ((Number) raw).longValue(), s.snapshotId(), "ok", null));
        }
        return rows;
    }
}
