package org.wcstat.jobs.ingest;

import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.JobContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What another job that commits to the warehouse's tables must respect of loads: the commit locks they
 * take turns on, and the loads that died before finishing, whose facts commit the next load finds in the
 * history of facts.observation (so that history must not be cut while one is pending).
 */
public final class LoadCoordination {
    private LoadCoordination() {
    }

    /** A held lock; closing releases it. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for the warehouse's commit lock, which loads hold while they write the tables every department shares. */
    public static Lock commitLock(Path home) {
        return LoadLock.forCommit(home)::close;
    }

    /**
     * Waits for the department's commit lock, held by a load from staging its raw tables to their fast-forward;
     * take it before {@link #commitLock}.
     */
    public static Lock departmentCommitLock(Path home, String department) {
        return LoadLock.forDepartmentCommit(home, department)::close;
    }

    /** Waits for the publications' lock, held for the whole of a publication. */
    public static Lock publishLock(Path home) {
        return LoadLock.forPublish(home)::close;
    }

    /** Loads begun and not finished, as "department-year": running now, or killed and waiting for the next load. */
    public static List<String> unfinishedLoads(Path home) {
        return LoadCommit.unfinished(home);
    }

    /**
     * Finishes every load killed before it finished, as the next load of its department and year would: one killed
     * after its facts commit is recorded and its branches become main, one killed before has its branches dropped.
     * A load still running holds its load lock and is left alone. Call when opening the warehouse, so that readers
     * never meet the facts of a load whose raw rows are not yet visible; costs a folder listing when there is none.
     *
     * @return the loads finished, as "department-year"
     */
    public static List<String> finishKilledLoads(JobContext ctx) {
        List<String> finished = new ArrayList<>();
        for (String pending : unfinishedLoads(ctx.home())) {
            int dash = pending.lastIndexOf('-');
            String department = pending.substring(0, dash);
            int year = Integer.parseInt(pending.substring(dash + 1));
            Optional<SourceConfig> source = ctx.config().sources().stream().filter(s -> s.department().equals(department)).findFirst();
            if (source.isEmpty()) continue; // not this configuration's department: its own loads finish it
            LoadLock load;
            try {
                load = LoadLock.forLoad(ctx.home(), department, year);
            } catch (LoadLock.LoadBusyException running) {
                continue;
            }
            try (load; LoadLock raw = LoadLock.forDepartmentCommit(ctx.home(), department); LoadLock commit = LoadLock.forCommit(ctx.home())) {
                LoadCommit killed = new LoadCommit(ctx, source.get(), List.of(year));
                if (!killed.unfinished().isEmpty()) {
                    killed.recover(List.of(year));
                    finished.add(pending);
                }
            }
        }
        return finished;
    }
}
