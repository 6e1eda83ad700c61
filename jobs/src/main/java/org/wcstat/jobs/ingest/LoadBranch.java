package org.wcstat.jobs.ingest;

import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.spark.Spark3Util;
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
     * the scope other loads wrote. A table never written gets an empty main first, as a branch grows from a snapshot.
     *
     * @param rows the load's rows; null for none
     * @return the branch's snapshot, or null when there was nothing to stage (no rows, nothing to delete): then no branch
     */
    Long stage(String table, Dataset<Row> rows, Scope scope) {
        Table t = load(table);
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
        if (rows != null) {
            try {
                rows.writeTo(branch).append();
            } catch (NoSuchTableException e) {
                throw new IllegalStateException(table + " does not exist; it is created at the start of every job", e);
            }
        }
        if (replaces) {
            // the other loads' files: whole files, as their load_id bounds (exact: full metrics) and years say
            warehouse.spark().sql("DELETE FROM " + branch + " WHERE " + scope.others());
        }
        t.refresh();
        return t.refs().get(name).snapshotId();
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
        Table t = load(table);
        SnapshotRef ref = t.refs().get(name);
        if (ref == null) return;
        long main = t.currentSnapshot().snapshotId();
        if (main != ref.snapshotId()) {
            if (SnapshotUtil.isAncestorOf(t, ref.snapshotId(), main)) {
                t.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, name).commit();
            } else {
                Dataset<Row> staged = warehouse.spark().read().option("branch", name).table(table).where(expr(scope.ofYears()));
                warehouse.replace(staged, table, expr(scope.ofYears()));
            }
            t.refresh();
        }
        t.manageSnapshots().removeBranch(name).commit();
    }

    /** Drops the branch of a load that will not happen; main is as it was. */
    void drop(String table) {
        if (!warehouse.exists(table)) return;
        Table t = load(table);
        if (t.refs().containsKey(name)) t.manageSnapshots().removeBranch(name).commit();
    }

    private Table load(String table) {
        try {
            Table t = Spark3Util.loadIcebergTable(warehouse.spark(), table);
            t.refresh();
            return t;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + table + ": " + e.getMessage(), e);
        }
    }
}
