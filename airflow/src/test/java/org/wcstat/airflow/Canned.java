package org.wcstat.airflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The answers one Airflow generation gives, written as that generation's API documents them. */
interface Canned {

    ObjectMapper JSON = new ObjectMapper();

    ApiVersion version();

    OpenApiContract contract();

    /** Lets the client log in, where the generation needs that. */
    void allowLogin(FakeAirflow airflow);

    String dagRun(String runId, String state, String logicalDate, int year);

    /** Each task as {task id, state or null, try number}. */
    String taskInstances(String runId, Object[]... tasks);

    String cleared(String runId, String... taskIds);

    String dag(boolean paused);

    String error(int status, String title, String detail);

    static String text(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
