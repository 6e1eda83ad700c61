package org.wcstat.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Airflow 2's stable API, {@code /api/v1}, with basic auth. */
public final class V1Api extends StableApi {

    public V1Api(AirflowHttp http, Credentials credentials) {
        super(http.authorizeWith(new BasicAuthorization(credentials)));
    }

    @Override
    public ApiVersion version() {
        return ApiVersion.V1;
    }

    @Override
    public DagRun trigger(String dagId, TriggerRequest request) {
        ObjectNode body = object().put("dag_run_id", request.runId());
        // v1 fills in the current time when logical_date is absent
        if (request.logicalDate() != null) {
            body.put("logical_date", format(request.logicalDate()));
        }
        body.set("conf", confOf(request));
        return toRun(http.call(Call.send("POST", dag(dagId) + "/dagRuns", body, "trigger DAG " + dagId)
                .onConflict(conflictAdvice(dagId, request.runId()))));
    }

    @Override
    protected String latestOrder() {
        return "-execution_date";
    }

    @Override
    protected DagRun toRun(JsonNode node) {
        JsonNode logical = node.path("logical_date");
        return toRun(node, logical.isTextual() ? logical : node.path("execution_date"));
    }
}
