package org.wcstat.jobs.ingest;

import java.nio.file.Path;
import java.util.List;

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
}
