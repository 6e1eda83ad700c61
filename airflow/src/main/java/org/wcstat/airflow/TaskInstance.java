package org.wcstat.airflow;

import java.net.URI;
import java.util.List;

/**
 * One task of a run.
 *
 * @param state null while the scheduler has not looked at it yet
 * @param logs the logs endpoint of each try, first try first
 */
public record TaskInstance(String taskId, String state, int tryNumber, List<URI> logs) {

    public String stateOrNone() {
        return state == null ? "none" : state;
    }
}
