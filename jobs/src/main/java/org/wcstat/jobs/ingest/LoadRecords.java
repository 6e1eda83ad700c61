package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The meta.load records of one ingest, written in one append at its end instead of one per department: a
 * county's yearly run loads 17 departments, and each append is a Spark job and a commit to the same table.
 *
 * <p>A committed load keeps its marker ({@link LoadCommit#pending}) until its record is written, so a kill
 * between its facts commit and this append is finished by the next command as before: it records the load
 * from its facts commit's snapshot summary. What such a command records is not recorded twice, as both check
 * meta.load under the warehouse's commit lock.
 */
final class LoadRecords {
    /** A load waiting for its record: its department, the years whose markers go once it is written, the rows. */
    private record Waiting(String department, Collection<Integer> years, List<Row> rows) {
    }

    private final List<Waiting> waiting = new ArrayList<>();

    /** A committed load's record, written by {@link #write}; its markers stay until then. */
    synchronized void committed(String department, Collection<Integer> years, List<Row> rows) {
        waiting.add(new Waiting(department, List.copyOf(years), List.copyOf(rows)));
    }

    /** A failed load's record: it has no marker, nothing committed. */
    synchronized void failed(List<Row> rows) {
        waiting.add(new Waiting(null, List.of(), List.copyOf(rows)));
    }

    /** Appends every record not yet in meta.load in one commit, then removes the recorded loads' markers. */
    synchronized void write(JobContext ctx) {
        if (waiting.isEmpty()) return;
        SparkSession spark = ctx.warehouse().spark();
        try (LoadLock commit = LoadLock.forCommit(ctx.home())) {
            List<Row> rows = new ArrayList<>();
            waiting.forEach(w -> rows.addAll(w.rows()));
            Set<String> already = recordedByAnotherCommand(ctx, waiting);
            List<Row> missing = rows.stream().filter(r -> !already.contains(r.getString(0))).toList();
            if (!missing.isEmpty()) {
                ctx.warehouse().append(spark.createDataFrame(missing, spark.table(Warehouse.LOADS).schema()), Warehouse.LOADS);
            }
            FaultPoint.reach("after-record");
        }
        for (Waiting w : waiting) {
            if (w.department() != null) LoadCommit.end(ctx.home(), w.department(), w.years());
        }
        waiting.clear();
    }

    /**
     * The committed loads whose records another command wrote: one that opened the warehouse while this ingest
     * ran found their markers, left until now, and recorded them from their facts commits.
     */
    private static Set<String> recordedByAnotherCommand(JobContext ctx, List<Waiting> waiting) {
        Set<String> ids = new HashSet<>();
        for (Waiting w : waiting) {
            if (w.department() != null) w.rows().forEach(r -> ids.add(r.getString(0)));
        }
        if (ids.isEmpty()) return Set.of();
        SparkSession spark = ctx.warehouse().spark();
        spark.sql("REFRESH TABLE " + Warehouse.LOADS);
        return new HashSet<>(spark.table(Warehouse.LOADS).where(col("status").equalTo("ok").and(col("load_id").isin(ids.toArray())))
                .select("load_id").distinct().as(Encoders.STRING()).collectAsList());
    }
}
