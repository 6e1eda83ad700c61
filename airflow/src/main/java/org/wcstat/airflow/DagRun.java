package org.wcstat.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A DAG run as Airflow reports it.
 *
 * @param logicalDate null for Airflow 3 runs without one
 * @param conf the run's conf object (an empty object when none)
 */
public record DagRun(String dagId, String runId, String state, OffsetDateTime logicalDate, JsonNode conf) {

    public boolean finished() {
        return "success".equals(state) || "failed".equals(state);
    }

    public boolean succeeded() {
        return "success".equals(state);
    }
}
