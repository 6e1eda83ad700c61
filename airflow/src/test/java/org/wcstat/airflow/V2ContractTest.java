package org.wcstat.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Airflow 3: {@code /api/v2} with a token from {@code POST /auth/token}. */
class V2ContractTest extends ApiContractTest {

    V2ContractTest() {
        super(new CannedV2());
    }

    @Override
    void assertTriggerLogicalDate(JsonNode body, String expected) {
        assertTrue(body.has("logical_date"), "v2 requires logical_date, if only as null: " + body);
        if (expected == null) {
            assertTrue(body.get("logical_date").isNull(), body.toString());
        } else {
            assertEquals(expected, body.get("logical_date").asText());
        }
    }

    @Override
    String latestOrder() {
        return "-run_after";
    }

    @Test
    void logsInOnceWithUsernameAndPasswordThenSendsTheBearerToken() {
        String runPath = dagPath() + "/dagRuns/" + RUN_ID_ENCODED;
        airflow.answer("GET", runPath, 200, canned.dagRun(RUN_ID, "running", null, 2024));
        airflow.answer("GET", runPath + "/taskInstances", 200, canned.taskInstances(RUN_ID, new Object[] {"compute", "running", 1}));

        DagRun run = load.run(Optional.of(RUN_ID));
        load.tasks(run);

        List<FakeAirflow.Request> logins = airflow.requests("POST", "/auth/token");
        assertEquals(1, logins.size());
        JsonNode login = logins.get(0).json();
        assertEquals("stats", login.path("username").asText());
        assertEquals("s3cret:pa55", login.path("password").asText());
        assertTrue(logins.get(0).header("Content-Type").startsWith("application/json"));
        for (FakeAirflow.Request request : apiRequests()) {
            assertEquals("Bearer " + CannedV2.TOKEN, request.header("Authorization"));
        }
        assertEquals(null, run.logicalDate(), "Airflow 3 runs may have no logical date");
    }

    @Test
    void anExpiredTokenIsRenewedOnce() {
        String runPath = dagPath() + "/dagRuns/" + RUN_ID_ENCODED;
        airflow.answer("GET", runPath, 200, canned.dagRun(RUN_ID, "running", null, 2024));
        airflow.answer("GET", runPath, 401, canned.error(401, "Unauthorized", "Token expired"));
        airflow.answer("GET", runPath, 200, canned.dagRun(RUN_ID, "success", null, 2024));

        load.run(Optional.of(RUN_ID));
        DagRun run = load.run(Optional.of(RUN_ID));

        assertEquals("success", run.state());
        assertEquals(2, airflow.requests("POST", "/auth/token").size());
        assertEquals(3, airflow.requests("GET", runPath).size());
    }

    @Test
    void aRefusedLoginSaysSoBeforeAnyApiCall() {
        airflow.close();
        airflow = new FakeAirflow(canned.contract());
        airflow.answerOutsideContract("POST", "/auth/token", 401, "{\"detail\":\"Invalid credentials\"}");
        load = new YearlyLoad(connect(java.time.Duration.ofSeconds(5)), DAG, CLOCK);

        AirflowException e = assertThrows(AirflowException.class, () -> load.pause(true));

        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("log in as stats"), e.getMessage());
        assertTrue(e.getMessage().contains("POST " + airflow.url() + "/auth/token answered 401 (Invalid credentials)"), e.getMessage());
        assertEquals(List.of(), apiRequests());
    }
}
