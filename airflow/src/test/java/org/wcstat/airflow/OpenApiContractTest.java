package org.wcstat.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract check itself must refuse what Airflow would refuse, or the contract tests prove nothing. */
class OpenApiContractTest {

    static final String BASIC = "Basic c3RhdHM6czNjcmV0";
    static final String BEARER = "Bearer abc.def.ghi";
    static final String JSON = "application/json";
    static final String V1_RUNS = "/api/v1/dags/wcstat_yearly_load/dagRuns";
    static final String V2_RUNS = "/api/v2/dags/wcstat_yearly_load/dagRuns";

    final OpenApiContract v1 = OpenApiContract.airflow2();
    final OpenApiContract v2 = OpenApiContract.airflow3();

    static void refused(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem about " + expected + ", got " + problems);
    }

    @Test
    void validRequestsPass() {
        assertEquals(List.of(), v1.checkRequest("POST", V1_RUNS, null, BASIC, JSON,
                "{\"dag_run_id\":\"manual_y2024__2026-03-05T10:00:00+08:00\",\"logical_date\":\"2025-01-01T00:00:00+08:00\",\"conf\":{\"year\":2024}}"));
        assertEquals(List.of(), v2.checkRequest("POST", V2_RUNS, null, BEARER, JSON,
                "{\"dag_run_id\":\"r\",\"logical_date\":null,\"conf\":{\"year\":2024}}"));
        assertEquals(List.of(), v2.checkRequest("GET", V2_RUNS, "limit=1&order_by=-run_after", BEARER, null, ""));
    }

    @Test
    void unknownFieldsAndZonelessDatesAreRefusedInV2() {
        refused(v2.checkRequest("POST", V2_RUNS, null, BEARER, JSON, "{\"dag_run_id\":\"r\",\"execution_date\":null}"),
                "execution_date");
        refused(v2.checkRequest("POST", V2_RUNS, null, BEARER, JSON, "{\"dag_run_id\":\"r\",\"logical_date\":\"2025-01-01T00:00:00\"}"),
                "logical_date");
        refused(v2.checkRequest("PATCH", "/api/v2/dags/wcstat_yearly_load", null, BEARER, JSON, "{\"is_paused\":\"yes\"}"),
                "is_paused");
    }

    @Test
    void readOnlyFieldsAndWrongTypesAreRefusedInV1() {
        refused(v1.checkRequest("POST", V1_RUNS, null, BASIC, JSON, "{\"dag_run_id\":\"r\",\"dag_id\":\"wcstat_yearly_load\"}"),
                "dag_id is read-only");
        refused(v1.checkRequest("POST", "/api/v1/dags/wcstat_yearly_load/clearTaskInstances", null, BASIC, JSON,
                "{\"dry_run\":\"false\"}"), "dry_run");
        refused(v1.checkRequest("POST", V1_RUNS, null, BASIC, JSON, ""), "required body is missing");
    }

    @Test
    void parametersMustBeDeclaredAndFitTheirSchema() {
        refused(v2.checkRequest("GET", V2_RUNS, "limit=many", BEARER, null, ""), "query parameter limit");
        refused(v2.checkRequest("GET", V2_RUNS, "sort=-run_after", BEARER, null, ""), "sort is not defined");
        refused(v1.checkRequest("GET", "/api/v1/dags/wcstat_yearly_load/dagRuns/r/taskInstances/t/logs/first", null, BASIC, null, ""),
                "task_try_number");
        refused(v2.checkRequest("GET", "/api/v2/dags/wcstat_yearly_load/runs", null, BEARER, null, ""), "no such operation");
        refused(v1.checkRequest("GET", "/api/v2/dags/wcstat_yearly_load", null, BASIC, null, ""), "outside /api/v1");
    }

    @Test
    void theSecuritySchemeMustBeUsed() {
        refused(v1.checkRequest("GET", V1_RUNS, null, null, null, ""), "no Authorization");
        refused(v2.checkRequest("GET", V2_RUNS, null, BASIC, null, ""), "no Authorization");
        refused(v1.checkRequest("GET", V1_RUNS, null, BEARER, null, ""), "no Authorization");
    }

    @Test
    void answersMustHaveADeclaredStatusAndFitTheSchema() {
        CannedV2 canned2 = new CannedV2();
        CannedV1 canned1 = new CannedV1();
        assertEquals(List.of(), v2.checkResponse("POST", V2_RUNS, 200, canned2.dagRun("r", "queued", null, 2024)));
        assertEquals(List.of(), v1.checkResponse("POST", V1_RUNS, 409, canned1.error(409, "Conflict", "exists")));
        refused(v2.checkResponse("POST", V2_RUNS, 200, canned2.dagRun("r", "done", null, 2024)), "state");
        refused(v2.checkResponse("POST", V2_RUNS, 200, "{\"dag_run_id\":\"r\",\"dag_id\":\"d\",\"state\":\"queued\"}"),
                "dag_versions");
        refused(v2.checkResponse("GET", V2_RUNS + "/r", 500, "{\"detail\":\"boom\"}"), "status 500 is not declared");
        refused(v1.checkResponse("POST", V1_RUNS, 409, "{\"detail\":\"exists\"}"), "required");
        refused(v1.checkResponse("GET", V1_RUNS + "/r/taskInstances", 200,
                canned1.taskInstances("r", new Object[] {"compute", "finished", 1})), "state");
    }
}
