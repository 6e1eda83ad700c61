package org.wcstat.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.functions;
import org.wcstat.core.Progress;
import org.wcstat.jobs.ingest.FaultPoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several tables changed together. Iceberg commits one table at a time, so each table's new rows are first
 * written to a branch of its own ({@code wcstat_<group>}), off its current main; readers of main see none of
 * it. Then a marker file in the home records, per table, the main snapshot the branch grew from and the
 * branch's snapshot, and main is fast-forwarded to the branch table after table. A run killed before the
 * marker is written leaves every table as it was (the branches are replaced by the next run); one killed
 * between the fast-forwards leaves the marker, and the next command that opens the warehouse
 * ({@link #complete}) fast-forwards the rest: readers of the tables see the old state or the new, never a mix
 * for longer than that. jobs/ingest/LoadCommit does the same for a load, with the facts commit as its point.
 */
public final class GroupCommit {
    /** The fault tests halt a run here (jobs/ingest/FaultPoint): every table staged, nothing recorded or fast-forwarded. */
    public static final String STAGED = "staged-on-branches";
    /** ... and here, after the first table's fast-forward. */
    public static final String BETWEEN_FAST_FORWARDS = "between-fast-forwards";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One table's part of the group: main before, and the branch's snapshot that becomes main. */
    record Step(String table, long from, long to) {
    }

    private final Warehouse warehouse;
    private final Path home;
    private final String group;
    private final List<Step> staged = new ArrayList<>();

    /** @param group names the branches and the marker, e.g. "assess" */
    public GroupCommit(Warehouse warehouse, Path home, String group) {
        this.warehouse = warehouse;
        this.home = home;
        this.group = group;
    }

    /** Where a group's pending fast-forwards are recorded. */
    static Path marker(Path home, String group) {
        return home.resolve("locks").resolve("pending-" + group + "-fast-forwards.json");
    }

    String branch() {
        return "wcstat_" + group;
    }

    /**
     * Replaces the rows matching {@code condition} with {@code rows} on the table's branch, made afresh from main;
     * the other rows are kept. Main is untouched until {@link #commit()}.
     */
    public void stage(Dataset<Row> rows, String table, Column condition) {
        Table t = warehouse.icebergTable(table);
        if (t.currentSnapshot() == null) {
            // a branch grows from a snapshot: a table never written gets an empty one
            t.newAppend().commit();
        }
        long main = t.currentSnapshot().snapshotId();
        if (t.refs().containsKey(branch())) {
            t.manageSnapshots().replaceBranch(branch(), main).commit();
        } else {
            t.manageSnapshots().createBranch(branch(), main).commit();
        }
        // the branch's whole content, written at once: an overwrite by a filter must drop whole files, and the
        // series is not partitioned by year, so "year <= 2024" would cut through its files
        Dataset<Row> kept = warehouse.spark().read().option("snapshot-id", main).table(table).filter(functions.not(condition));
        try {
            kept.unionByName(rows).writeTo(table + ".branch_" + branch()).overwrite(functions.lit(true));
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(table + " does not exist; it is created at the start of every job", e);
        }
        t.refresh();
        staged.add(new Step(table, main, t.refs().get(branch()).snapshotId()));
    }

    /** Makes every staged table's main what its branch holds, all of them or, after a kill, the rest by {@link #complete}. */
    public void commit() {
        FaultPoint.reach(STAGED);
        Path marker = marker(home, group);
        write(marker, staged);
        for (int i = 0; i < staged.size(); i++) {
            if (i == 1) FaultPoint.reach(BETWEEN_FAST_FORWARDS);
            fastForward(warehouse, staged.get(i), group);
        }
        delete(marker);
        for (Step s : staged) {
            Table t = warehouse.icebergTable(s.table());
            if (t.refs().containsKey(branch())) t.manageSnapshots().removeBranch(branch()).commit();
        }
        staged.clear();
    }

    /**
     * Finishes the fast-forwards a killed run left recorded in the home, for every group: call when opening the
     * warehouse. Costs a file lookup when there is nothing to finish.
     */
    public static void complete(Warehouse warehouse, Path home, Progress progress) {
        Path locks = home.resolve("locks");
        if (!Files.isDirectory(locks)) return;
        List<Path> markers;
        try (var files = Files.list(locks)) {
            markers = files.filter(p -> p.getFileName().toString().matches("pending-.+-fast-forwards\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + locks + ": " + e.getMessage(), e);
        }
        for (Path marker : markers) {
            String group = marker.getFileName().toString().replaceFirst("^pending-", "").replaceFirst("-fast-forwards\\.json$", "");
            List<Step> steps = read(marker);
            progress.warn("completing the " + group + " commit a run ended in the middle of: " + steps.size() + " table(s) from " + marker);
            for (Step s : steps) {
                // the killed run was another process: what this one has cached of the tables may predate it
                warehouse.spark().sql("REFRESH TABLE " + s.table());
                fastForward(warehouse, s, group);
            }
            delete(marker);
        }
    }

    /** Main of the step's table to its branch snapshot, unless already there; refused if main moved on meanwhile. */
    private static void fastForward(Warehouse warehouse, Step s, String group) {
        Table t = warehouse.icebergTable(s.table());
        long main = t.currentSnapshot() == null ? -1 : t.currentSnapshot().snapshotId();
        if (main == s.to()) return;
        if (main != s.from()) {
            throw new IllegalStateException(s.table() + " was changed (snapshot " + main + ") after the " + group + " run staged its rows on snapshot "
                    + s.from() + "; its other tables may hold the new rows. Run the " + group + " stage again for the same year to make them agree");
        }
        t.manageSnapshots().replaceBranch(SnapshotRef.MAIN_BRANCH, s.to()).commit();
    }


    private static void write(Path marker, List<Step> steps) {
        try {
            Files.createDirectories(marker.getParent());
            Path tmp = marker.resolveSibling(marker.getFileName() + ".tmp");
            List<Map<String, Object>> json = new ArrayList<>();
            for (Step s : steps) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("table", s.table());
                m.put("from", s.from());
                m.put("to", s.to());
                json.add(m);
            }
            Files.writeString(tmp, JSON.writeValueAsString(json));
            // whole or absent: a marker cut short would name fewer tables than were staged
            Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the pending commit in " + marker + ": " + e.getMessage(), e);
        }
    }

    private static List<Step> read(Path marker) {
        try {
            List<Map<String, Object>> json = JSON.readValue(Files.readString(marker), new TypeReference<>() {
            });
            List<Step> steps = new ArrayList<>();
            for (Map<String, Object> m : json) {
                steps.add(new Step((String) m.get("table"), ((Number) m.get("from")).longValue(), ((Number) m.get("to")).longValue()));
            }
            return steps;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(marker + " records a commit a run did not finish, but cannot be read (" + e.getMessage()
                    + "); run the stage again for the same year, then delete the file", e);
        }
    }

    private static void delete(Path marker) {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + marker + ": " + e.getMessage(), e);
        }
    }
}
