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
    protected void noLogicalDate(ObjectNode body) {
        // v2 requires the field; null asks for a run without a logical date
        body.putNull("logical_date");
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
