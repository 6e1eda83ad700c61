package org.wcstat.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Airflow 3's stable API, {@code /api/v2}, with a bearer token from {@code POST /auth/token}. */
public final class V2Api extends StableApi {

    public V2Api(AirflowHttp http, Credentials credentials) {
        super(http.authorizeWith(new TokenAuthorization(credentials)));
    }

    @Override
    public ApiVersion version() {
        return ApiVersion.V2;
    }

    @Override
    public DagRun trigger(String dagId, TriggerRequest request) {
        ObjectNode body = object().put("dag_run_id", request.runId());
        // v2 requires the field; null asks for a run without a logical date
        if (request.logicalDate() != null) {
            body.put("logical_date", format(request.logicalDate()));
        } else {
            body.putNull("logical_date");
        }
        body.set("conf", confOf(request));
        return toRun(http.call(Call.send("POST", dag(dagId) + "/dagRuns", body, "trigger DAG " + dagId)
                .onConflict(conflictAdvice(dagId, request.runId()))));
    }

    @Override
    protected String latestOrder() {
        return "-run_after";
    }

    @Override
    protected DagRun toRun(JsonNode node) {
        return toRun(node, node.path("logical_date"));
    }
}
