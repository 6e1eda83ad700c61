package org.wcstat.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a server that speaks one API generation: what it sends, what it makes of the answers and how
 * it fails. Every request and every canned answer is checked against that generation's OpenAPI document.
 */
abstract class ApiContractTest {

    static final String DAG = YearlyLoad.DAG_ID;
    static final String RUN_ID = "manual__2025-01-01T00:00:00+08:00";
    static final String RUN_ID_ENCODED = "manual__2025-01-01T00%3A00%3A00%2B08%3A00";
    // 2026-03-05T10:00:00+08:00
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T02:00:00Z"), ZoneOffset.UTC);

    protected final Canned canned;
    protected FakeAirflow airflow;
    protected YearlyLoad load;

    ApiContractTest(Canned canned) {
        this.canned = canned;
    }

    String api() {
        return canned.version().prefix();
    }

    String dagPath() {
        return api() + "/dags/" + DAG;
    }

    @BeforeEach
    void start() {
        airflow = new FakeAirflow(canned.contract());
        canned.allowLogin(airflow);
        load = new YearlyLoad(connect(Duration.ofSeconds(5)), DAG, CLOCK);
    }

    AirflowApi connect(Duration timeout) {
        return AirflowClient.connect(airflow.url(), canned.version(), new Credentials("stats", "s3cret:pa55"), timeout);
    }

    @AfterEach
    void stop() {
        airflow.close();
        assertEquals(List.of(), airflow.violations(), "requests and answers must follow " + canned.version() + "'s contract");
    }

    /** The requests to the API itself, without logging in. */
    List<FakeAirflow.Request> apiRequests() {
        return airflow.requests().stream().filter(r -> r.rawPath().startsWith(api())).toList();
    }

    @Test
    void triggerStartsARunForTheYearWithTheYearInTheConf() {
        String runId = "manual_y2024__2026-03-05T10:00:00+08:00";
        airflow.answer("POST", dagPath() + "/dagRuns", 200, canned.dagRun(runId, "queued", "2026-03-05T10:00:00+08:00", 2024));

        DagRun run = load.trigger(2024);

        FakeAirflow.Request sent = apiRequests().get(0);
        assertEquals("POST", sent.method());
        JsonNode body = sent.json();
        assertEquals(runId, body.path("dag_run_id").asText());
        assertEquals(2024, body.path("conf").path("year").asInt());
        assertTriggerLogicalDate(body, null);
        assertEquals(runId, run.runId());
        assertEquals("queued", run.state());
        assertEquals(2024, run.conf().path("year").asInt());
    }

    /** How the body carries the logical date; expected null means "let Airflow decide". */
    abstract void assertTriggerLogicalDate(JsonNode body, String expected);

    @Test
    void backfillStartsOneRunPerYearWithDistinctIdsAndZonedLogicalDates() {
        for (int year = 2021; year <= 2023; year++) {
            String logicalDate = (year + 1) + "-01-01T00:00:00+08:00";
            airflow.answer("POST", dagPath() + "/dagRuns", 200,
                    canned.dagRun("backfill_y" + year + "__2026-03-05T10:00:00+08:00", "queued", logicalDate, year));
        }

        YearlyLoad.Backfill backfill = load.backfill(2021, 2023);

        List<FakeAirflow.Request> sent = apiRequests();
        assertEquals(3, sent.size());
        for (int i = 0; i < 3; i++) {
            int year = 2021 + i;
            JsonNode body = sent.get(i).json();
            assertEquals(year, body.path("conf").path("year").asInt());
            assertEquals("backfill_y" + year + "__2026-03-05T10:00:00+08:00", body.path("dag_run_id").asText());
            assertTriggerLogicalDate(body, (year + 1) + "-01-01T00:00:00+08:00");
        }
        assertEquals(3, sent.stream().map(r -> r.json().path("dag_run_id").asText()).distinct().count());
        assertEquals(List.of(2022, 2023, 2024), backfill.started().stream().map(r -> r.logicalDate().getYear()).toList());
        assertEquals(OffsetDateTime.parse("2022-01-01T00:00:00+08:00"), backfill.started().get(0).logicalDate());
        assertTrue(backfill.refused().isEmpty());
    }

    @Test
    void backfillGoesOnPastAYearThatAlreadyHasARunAndSaysHowToRerunIt() {
        airflow.answer("POST", dagPath() + "/dagRuns", 200,
                canned.dagRun("backfill_y2021__2026-03-05T10:00:00+08:00", "queued", "2022-01-01T00:00:00+08:00", 2021));
        airflow.answer("POST", dagPath() + "/dagRuns", 409,
                canned.error(409, "Conflict", "DAGRun with DAG ID: 'wcstat_yearly_load' and DAGRun logical date: "
                        + "'2023-01-01 00:00:00+08:00' already exists"));
        airflow.answer("POST", dagPath() + "/dagRuns", 200,
                canned.dagRun("backfill_y2023__2026-03-05T10:00:00+08:00", "queued", "2024-01-01T00:00:00+08:00", 2023));

        YearlyLoad.Backfill backfill = load.backfill(2021, 2023);

        assertEquals(3, apiRequests().size());
        assertEquals(2, backfill.started().size());
        String refused = backfill.refused().get(2022);
        assertTrue(refused.contains("already exists"), refused);
        assertTrue(refused.contains("wcstat airflow clear --run-id backfill_y2022__2026-03-05T10:00:00+08:00"), refused);
        assertTrue(refused.contains(airflow.url() + dagPath() + "/dagRuns"), refused);
    }

    @Test
    void statusReadsTheRunWithItsIdEncodedAndListsLogsPerTry() {
        String runPath = dagPath() + "/dagRuns/" + RUN_ID_ENCODED;
        airflow.answer("GET", runPath, 200, canned.dagRun(RUN_ID, "running", "2025-01-01T00:00:00+08:00", 2024));
        airflow.answer("GET", runPath + "/taskInstances", 200, canned.taskInstances(RUN_ID,
                new Object[] {"ingest_health", "success", 1},
                new Object[] {"ingest_education", "up_for_retry", 2},
                new Object[] {"compute", null, 0}));

        DagRun run = load.run(Optional.of(RUN_ID));
        List<TaskInstance> tasks = load.tasks(run);

        assertEquals(RUN_ID, run.runId());
        assertEquals(OffsetDateTime.parse("2025-01-01T00:00:00+08:00"), run.logicalDate());
        assertEquals(runPath, apiRequests().get(0).rawPath());
        assertEquals(runPath + "/taskInstances", apiRequests().get(1).rawPath());
        TaskInstance retried = tasks.get(1);
        assertEquals("up_for_retry", retried.state());
        assertEquals(List.of(
                URI.create(airflow.url() + runPath + "/taskInstances/ingest_education/logs/1"),
                URI.create(airflow.url() + runPath + "/taskInstances/ingest_education/logs/2")), retried.logs());
        assertEquals(1, tasks.get(0).logs().size());
        assertNull(tasks.get(2).state());
        assertEquals("none", tasks.get(2).stateOrNone());
        assertEquals(List.of(), tasks.get(2).logs());
    }

    @Test
    void statusWithoutARunIdReadsTheLatestRun() {
        airflow.answer("GET", dagPath() + "/dagRuns", 200, "{\"dag_runs\":[" + canned.dagRun(RUN_ID, "success",
                "2025-01-01T00:00:00+08:00", 2024) + "],\"total_entries\":7}");

        DagRun run = load.run(Optional.empty());

        assertEquals(RUN_ID, run.runId());
        assertEquals("limit=1&order_by=" + latestOrder(), apiRequests().get(0).rawQuery());
    }

    abstract String latestOrder();

    @Test
    void statusOfADagWithoutRunsSaysHowToStartOne() {
        airflow.answer("GET", dagPath() + "/dagRuns", 200, "{\"dag_runs\":[],\"total_entries\":0}");

        AirflowException e = assertThrows(AirflowException.class, () -> load.run(Optional.empty()));

        assertTrue(e.getMessage().contains("wcstat airflow trigger --year"), e.getMessage());
    }

    @Test
    void clearSendsARealClearOfTheFailedTasksOfTheRun() {
        airflow.answer("POST", dagPath() + "/clearTaskInstances", 200, canned.cleared(RUN_ID, "ingest_health", "compute"));

        YearlyLoad.Cleared cleared = load.clearFailed(Optional.of(RUN_ID));

        JsonNode body = apiRequests().get(0).json();
        assertTrue(body.has("dry_run"), "dry_run defaults to true on the server, so it must be sent");
        assertFalse(body.path("dry_run").asBoolean(true));
        assertTrue(body.path("only_failed").asBoolean(false));
        assertEquals(RUN_ID, body.path("dag_run_id").asText());
        assertEquals(List.of("ingest_health", "compute"), cleared.taskIds());
        assertEquals(RUN_ID, cleared.runId());
    }

    @Test
    void pauseAndUnpausePatchOnlyTheFlag() {
        airflow.answer("PATCH", dagPath(), 200, canned.dag(true));
        airflow.answer("PATCH", dagPath(), 200, canned.dag(false));

        assertTrue(load.pause(true));
        assertFalse(load.pause(false));

        List<FakeAirflow.Request> sent = apiRequests();
        assertEquals("update_mask=is_paused", sent.get(0).rawQuery());
        assertEquals("{\"is_paused\":true}", sent.get(0).body());
        assertEquals("{\"is_paused\":false}", sent.get(1).body());
    }

    @Test
    void anUnknownDagIsA404ThatNamesTheUrlAndWhatToCheck() {
        airflow.answer("PATCH", dagPath(), 404, canned.error(404, "DAG not found", "Dag with id wcstat_yearly_load was not found"));

        AirflowException e = assertThrows(AirflowException.class, () -> load.pause(true));

        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("PATCH " + airflow.url() + dagPath() + "?update_mask=is_paused answered 404"), e.getMessage());
        assertTrue(e.getMessage().contains("was not found"), e.getMessage());
        assertTrue(e.getMessage().contains("--dag"), e.getMessage());
        assertTrue(e.getMessage().contains("--api"), e.getMessage());
    }

    @Test
    void aRefusedLoginIsA401ThatSaysWhichVariablesToSet() {
        airflow.answer("GET", dagPath() + "/dagRuns/" + RUN_ID_ENCODED, 401,
                canned.error(401, "Unauthorized", "Invalid credentials"));

        AirflowException e = assertThrows(AirflowException.class, () -> load.run(Optional.of(RUN_ID)));

        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("did not accept the login"), e.getMessage());
        assertTrue(e.getMessage().contains(Credentials.USER) && e.getMessage().contains(Credentials.PASSWORD_FILE), e.getMessage());
        assertTrue(e.getMessage().contains(airflow.url() + dagPath() + "/dagRuns/" + RUN_ID_ENCODED), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), "the password never shows");
    }

    @Test
    void aForbiddenCallIsA403ThatSaysWhatPermissionIsMissing() {
        airflow.answer("PATCH", dagPath(), 403, canned.error(403, "Forbidden", "Forbidden"));

        AirflowException e = assertThrows(AirflowException.class, () -> load.pause(true));

        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("may not pause DAG " + DAG), e.getMessage());
        assertTrue(e.getMessage().contains("role"), e.getMessage());
    }

    @Test
    void aRunIdInUseIsA409ThatSaysHowToRerun() {
        airflow.answer("POST", dagPath() + "/dagRuns", 409, canned.error(409, "Conflict",
                "DAGRun with DAG ID: 'wcstat_yearly_load' and DAGRun ID: 'manual_y2024__2026-03-05T10:00:00+08:00' already exists"));

        AirflowException e = assertThrows(AirflowException.class, () -> load.trigger(2024));

        assertTrue(e.isConflict());
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertTrue(e.getMessage().contains("`wcstat airflow clear --run-id manual_y2024__2026-03-05T10:00:00+08:00`"), e.getMessage());
        assertTrue(e.getMessage().contains("POST " + airflow.url() + dagPath() + "/dagRuns"), e.getMessage());
    }

    @Test
    void aServerErrorIsA500ThatPointsAtTheServerLog() {
        airflow.answerOutsideContract("GET", dagPath() + "/dagRuns/" + RUN_ID_ENCODED + "/taskInstances", 500,
                canned.error(500, "Internal Server Error", "database is locked"));

        AirflowException e = assertThrows(AirflowException.class,
                () -> load.tasks(new DagRun(DAG, RUN_ID, "running", null, Canned.object())));

        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("failed on its side"), e.getMessage());
        assertTrue(e.getMessage().contains("database is locked"), e.getMessage());
        assertTrue(e.getMessage().contains("log"), e.getMessage());
        // the request itself was still a valid one
        FakeAirflow.Request sent = apiRequests().get(0);
        assertEquals(List.of(), canned.contract().checkRequest(sent.method(), sent.rawPath(), sent.rawQuery(),
                sent.header("Authorization"), sent.header("Content-Type"), sent.body()));
    }

    @Test
    void aSilentServerIsATimeoutThatSaysHowLongItWaited() {
        load = new YearlyLoad(connect(Duration.ofMillis(300)), DAG, CLOCK);
        airflow.answerSlowly("GET", dagPath() + "/dagRuns/" + RUN_ID_ENCODED, Duration.ofSeconds(3), 200,
                canned.dagRun(RUN_ID, "running", "2025-01-01T00:00:00+08:00", 2024));

        long started = System.nanoTime();
        AirflowException e = assertThrows(AirflowException.class, () -> load.run(Optional.of(RUN_ID)));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0, "gave up in time");
        assertEquals(AirflowException.NO_STATUS, e.status());
        assertTrue(e.getMessage().contains("did not answer within 300ms"), e.getMessage());
        assertTrue(e.getMessage().contains("GET " + airflow.url() + dagPath() + "/dagRuns/" + RUN_ID_ENCODED), e.getMessage());
        assertTrue(e.getMessage().contains("--timeout"), e.getMessage());
    }

    @Test
    void anUnreachableServerSaysWhichUrlToCheck() {
        airflow.close();
        AirflowException e = assertThrows(AirflowException.class, () -> load.run(Optional.of(RUN_ID)));

        assertTrue(e.getMessage().contains("Cannot connect to Airflow at " + airflow.url()), e.getMessage());
        assertTrue(e.getMessage().contains("WCSTAT_AIRFLOW_URL"), e.getMessage());
        airflow = new FakeAirflow(canned.contract());
    }
}
