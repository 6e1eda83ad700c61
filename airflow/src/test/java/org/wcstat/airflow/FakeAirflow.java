package org.wcstat.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 that answers with canned JSON and holds every request and every canned answer
 * against Airflow's OpenAPI document. What does not fit ends up in {@link #violations()}.
 */
final class FakeAirflow implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as it arrived. */
    record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private record Answer(int status, String body, Duration delay, boolean inContract) {
    }

    private final OpenApiContract contract;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    FakeAirflow(OpenApiContract contract) {
        this.contract = contract;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next call of method on the raw (encoded) path; the last answer of a path repeats. */
    FakeAirflow answer(String method, String rawPath, int status, String body) {
        return queue(method, rawPath, new Answer(status, body, Duration.ZERO, true));
    }

    /** An answer Airflow's document does not declare (a 500, or the auth endpoint outside the API); not validated. */
    FakeAirflow answerOutsideContract(String method, String rawPath, int status, String body) {
        return queue(method, rawPath, new Answer(status, body, Duration.ZERO, false));
    }

    FakeAirflow answerSlowly(String method, String rawPath, Duration delay, int status, String body) {
        return queue(method, rawPath, new Answer(status, body, delay, true));
    }

    private synchronized FakeAirflow queue(String method, String rawPath, Answer answer) {
        answers.computeIfAbsent(method + " " + rawPath, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String rawPath) {
        return requests.stream().filter(r -> r.method.equals(method) && r.rawPath.equals(rawPath)).toList();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    private synchronized Answer next(String key) {
        Deque<Answer> queued = answers.get(key);
        if (queued == null || queued.isEmpty()) {
            return null;
        }
        return queued.size() > 1 ? queued.poll() : queued.peek();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            Request request = new Request(method, rawPath, rawQuery, Map.copyOf(headers), body);
            requests.add(request);

            Answer answer = next(method + " " + rawPath);
            if (answer == null) {
                violations.add("unexpected request " + method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
                reply(exchange, 501, "{\"detail\":\"no canned answer\"}");
                return;
            }
            if (answer.inContract) {
                violations.addAll(contract.checkRequest(method, rawPath, rawQuery, request.header("Authorization"),
                        request.header("Content-Type"), body));
                violations.addAll(contract.checkResponse(method, rawPath, answer.status, answer.body));
            }
            if (!answer.delay.isZero()) {
                try {
                    Thread.sleep(answer.delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply(exchange, answer.status, answer.body);
        } catch (IOException | RuntimeException e) {
            violations.add("the fake server failed: " + e);
            throw e;
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
