package org.wcstat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `wcstat airflow trigger` as a user runs it: a separate process, credentials in its environment,
 * against a local HTTP server answering as Airflow 2's /api/v1 does.
 */
class AirflowCommandTest {
    static final String PASSWORD = "s3cret-Pa55";
    static final String RUN = "{\"dag_run_id\": \"manual_y2024__2026-03-05T10:00:00+08:00\", \"dag_id\": \"wcstat_yearly_load\","
            + " \"state\": \"queued\", \"logical_date\": \"2025-01-01T00:00:00+08:00\", \"conf\": {\"year\": 2024}}";
    static final String CONFLICT = "{\"type\": \"about:blank\", \"title\": \"Conflict\", \"status\": 409,"
            + " \"detail\": \"DAGRun with DAG ID: 'wcstat_yearly_load' and DAGRun ID exists\"}";

    HttpServer server;
    final List<String> bodies = new ArrayList<>();
    final List<String> authorizations = new ArrayList<>();
    int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/dags/wcstat_yearly_load/dagRuns", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = (status == 200 ? RUN : CONFLICT).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void triggerSendsTheYearInTheRunsConfWithBasicAuthFromTheEnvironment() throws Exception {
        Result r = wcstat("airflow", "trigger", "--year", "2024", "--api", "v1", "--url", url());
        assertEquals(0, r.code, r.out + r.err);
        assertTrue(r.out.contains("manual_y2024__2026-03-05T10:00:00+08:00"), r.out);
        assertEquals(1, bodies.size());
        JsonNode body = new ObjectMapper().readTree(bodies.get(0));
        assertEquals(2024, body.at("/conf/year").asInt());
        String expected = "Basic " + Base64.getEncoder().encodeToString(("bureau:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, authorizations.get(0));
        assertFalse((r.out + r.err).contains(PASSWORD), "the password must never be printed");
    }

    @Test
    void aRunThatAlreadyExistsSaysSoAndHowToRunAgain() throws Exception {
        status = 409;
        Result r = wcstat("airflow", "trigger", "--year", "2024", "--api", "v1", "--url", url());
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.err.contains("already exists"), r.err);
        assertTrue(r.err.contains("wcstat airflow clear"), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    record Result(int code, String out, String err) {
    }

    private static Result wcstat(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-cp", System.getProperty("java.class.path"), Wcstat.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("WCSTAT_AIRFLOW_USER", "bureau");
        pb.environment().put("WCSTAT_AIRFLOW_PASSWORD", PASSWORD);
        Process p = pb.start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "wcstat did not finish");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
