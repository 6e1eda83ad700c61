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
    protected void noLogicalDate(ObjectNode body) {
        // v1 fills in the current time when logical_date is absent
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
