package org.wcstat.airflow;

import java.util.List;
import java.util.Optional;

/** The calls this project makes to Airflow's stable REST API, whatever its generation. */
public interface AirflowApi {

    ApiVersion version();

    DagRun trigger(String dagId, TriggerRequest request);

    DagRun run(String dagId, String runId);

    /** The most recent run, by logical date on Airflow 2 and by run_after on Airflow 3. */
    Optional<DagRun> latestRun(String dagId);

    List<TaskInstance> taskInstances(String dagId, String runId);

    /** Clears the failed (and upstream-failed) tasks of a run so the scheduler runs them again; returns their ids. */
    List<String> clearFailed(String dagId, String runId);

    /** Pauses or unpauses the DAG; returns the paused flag Airflow reports afterwards. */
    boolean setPaused(String dagId, boolean paused);
}
