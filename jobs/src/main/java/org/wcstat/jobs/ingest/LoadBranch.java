package org.wcstat.jobs.ingest;

import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.wcstat.jobs.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;

import static org.apache.spark.sql.functions.expr;

/**
 * A load's write-audit-publish branch on one of the tables it stages before its facts commit (its
 * department's raw tables and quarantine.rejected): the branch grows from the table's main, takes the load's
 * rows and loses the rows of the load's (department, years) that other loads wrote, and becomes main in one
 * step once the facts commit has made the load happen. Readers of main never see a load that did not happen,
 * nor the rows of two loads of one year side by side.
 */
final class LoadBranch {
    static final String PREFIX = "wcstat_load_";
    private static final String METRICS_OF_LOAD_ID = "write.metadata.metrics.column.load_id";

    /**
     * The rows of a table a load of (department, years) owns: those of its years (and department, in a table
     * every department shares), by column.
     */
    record Scope(String yearColumn, Optional<String> source, Collection<Integer> years, Collection<String> loadIds) {
        /** The rows of the scope's years, whoever wrote them, as SQL. */
        String ofYears() {
            return yearColumn + " IN (" + String.join(", ", years.stream().map(String::valueOf).toList()) + ")"
                    + source.map(s -> " AND source = '" + s + "'").orElse("");
        }

        /** ... of them, those another load wrote, as SQL. */
        String others() {
            return ofYears() + " AND load_id NOT IN ('" + String.join("', '", loadIds) + "')";
        }

        /** The same, as an Iceberg filter: what the table's metadata can answer without reading a file. */
        Expression othersFilter() {
            Expression e = Expressions.and(Expressions.in(yearColumn, years.toArray()), Expressions.notIn("load_id", loadIds.toArray()));
            return source.map(s -> Expressions.and(Expressions.equal("source", s), e)).orElse(e);
        }
    }

    private final Warehouse warehouse;
    private final String name;

    LoadBranch(Warehouse warehouse, String name) {
        this.warehouse = warehouse;
        this.name = name;
    }

    /** The branch of the load of which {@code firstLoadId} is the first year's id. Iceberg's branch names are free; Spark's identifiers are not. */
    static LoadBranch of(Warehouse warehouse, String firstLoadId) {
        return new LoadBranch(warehouse, PREFIX + firstLoadId.replaceAll("[^A-Za-z0-9_]", "_"));
    }

    String name() {
        return name;
    }

    /**
     * Stages the load's rows on the table's branch, made afresh from main: appends them and deletes the rows of
     * the scope other loads wrote, in one commit where it can. A table never written gets an empty main first, as
     * a branch grows from a snapshot.
     *
     * @param rows the load's rows; null for none
     * @return the branch's snapshot, or null when there was nothing to stage (no rows, nothing to delete): then no branch
     */
    Long stage(String table, Dataset<Row> rows, Scope scope) {
        Table t = warehouse.icebergTable(table);
        if (t.currentSnapshot() == null) {
            t.newAppend().commit();
            t.refresh();
        }
        boolean replaces = anyOthers(t, t.currentSnapshot().snapshotId(), scope);
        if (rows == null && !replaces) {
            return null;
        }
        long main = t.currentSnapshot().snapshotId();
        if (t.refs().containsKey(name)) {
            t.manageSnapshots().replaceBranch(name, main).commit();
        } else {
            t.manageSnapshots().createBranch(name, main).commit();
        }
        String branch = table + ".branch_" + name;
        if (rows != null && replaces && exactLoadIds(t)) {
            replaceOthers(branch, rows, scope);
        } else {
            if (rows != null) append(branch, rows);
            if (replaces) deleteOthers(branch, scope);
        }
        t.refresh();
        return t.refs().get(name).snapshotId();
    }

    /**
     * The load's rows in, the other loads' rows of the scope out, in one commit: an overwrite by filter drops
     * whole files, which their load_id bounds and years say match. Should a file hold the rows of
     * several loads, Iceberg refuses to drop it whole and commits nothing: the rows then go in and out as two
     * commits, the DELETE rewriting that file.
     */
    private void replaceOthers(String branch, Dataset<Row> rows, Scope scope) {
        try {
            rows.writeTo(branch).overwrite(expr(scope.others()));
        } catch (NoSuchTableException e) {
            throw missing(branch, e);
        } catch (RuntimeException e) {
            if (!refusedToDropPartOfAFile(e)) throw e;
            append(branch, rows);
            deleteOthers(branch, scope);
        }
    }

    /**
     * Whether the table keeps every file's load ids whole in its metadata (raw tables do): only then can an
     * overwrite tell a file of other loads from one that holds this load's rows too, as ids share their first
     * 16 characters, which is all Iceberg keeps by default.
     */
    private static boolean exactLoadIds(Table t) {
        return "full".equals(t.properties().get(METRICS_OF_LOAD_ID));
    }

    /** Iceberg's refusal, as Spark passes it on (wrapped or not), to drop a file only some of whose rows the filter matches. */
    private static boolean refusedToDropPartOfAFile(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ValidationException) return true;
        }
        return false;
    }

    private static void append(String branch, Dataset<Row> rows) {
        try {
            rows.writeTo(branch).append();
        } catch (NoSuchTableException e) {
            throw missing(branch, e);
        }
    }

    /** Spark's DELETE drops whole files where it can and rewrites the others. */
    private void deleteOthers(String branch, Scope scope) {
        warehouse.spark().sql("DELETE FROM " + branch + " WHERE " + scope.others());
    }

    private static IllegalStateException missing(String branch, NoSuchTableException e) {
        return new IllegalStateException(branch + " does not exist; its table is created at the start of every job", e);
    }

    /**
     * How many rows the scope's loads wrote to the table as of a snapshot of the load's branch, by its metadata alone:
     * a load's files hold its rows only, and on its branch the scope's years hold no other load's files. (A table
     * made before raw tables kept load ids whole bounds each file by an id's first 16 characters, which loads of
     * other years can share: the years tell them apart.)
     */
    long rowsOf(String table, long snapshot, Scope scope) {
        Table t = warehouse.icebergTable(table);
        long rows = 0;
        Expression ofLoads = Expressions.and(Expressions.in(scope.yearColumn(), scope.years().toArray()),
                Expressions.in("load_id", scope.loadIds().toArray()));
        try (CloseableIterable<FileScanTask> files = t.newScan().useSnapshot(snapshot).filter(ofLoads).planFiles()) {
            for (FileScanTask f : files) rows += f.file().recordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot plan a scan of " + t.name() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Whether the snapshot holds rows of the scope another load wrote, by the table's metadata alone. */
    private static boolean anyOthers(Table t, long snapshot, Scope scope) {
        try (CloseableIterable<?> files = t.newScan().useSnapshot(snapshot).filter(scope.othersFilter()).planFiles()) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot plan a scan of " + t.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the branch main and drops it; nothing when there is no branch (never staged, or published already).
     * Main grew meanwhile only when a command that does not take the load's locks wrote to the table (compaction
     * by maintenance after a kill): then the branch's rows of the scope replace main's in one commit.
     */
    void publish(String table, Scope scope) {
        if (!warehouse.exists(table)) return;
        Table t = warehouse.icebergTable(table);
        SnapshotRef ref = t.refs().get(name);
        if (ref == null) return;
        long main = t.currentSnapshot().snapshotId();
        if (main == ref.snapshotId()) {
            t.manageSnapshots().removeBranch(name).commit();
        } else if (SnapshotUtil.isAncestorOf(t, ref.snapshotId(), main)) {
            // main moves and the branch goes in one metadata commit: a kill leaves both or neither
            t.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, name).removeBranch(name).commit();
        } else {
            Dataset<Row> staged = warehouse.spark().read().option("branch", name).table(table).where(expr(scope.ofYears()));
            warehouse.replace(staged, table, expr(scope.ofYears()));
            t.refresh();
            t.manageSnapshots().removeBranch(name).commit();
        }
    }

    /** Drops the branch of a load that will not happen; main is as it was. */
    void drop(String table) {
        if (!warehouse.exists(table)) return;
        Table t = warehouse.icebergTable(table);
        if (t.refs().containsKey(name)) t.manageSnapshots().removeBranch(name).commit();
    }
}
