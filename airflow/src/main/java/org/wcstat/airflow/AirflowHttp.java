package org.wcstat.airflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Sends JSON calls to one Airflow server and turns every failure into an {@link AirflowException}. */
public final class AirflowHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient client;
    private Authorization authorization;

    public AirflowHttp(URI base, Duration timeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    AirflowHttp authorizeWith(Authorization authorization) {
        this.authorization = authorization;
        return this;
    }

    public URI base() {
        return base;
    }

    URI resolve(String path) {
        return URI.create(base + path);
    }

    /** Sends an authorized call; a refused cached token is renewed once. */
    JsonNode call(Call call) {
        try {
            return exchange(call, authorization == null ? null : authorization.header(this));
        } catch (AirflowException e) {
            if (e.status() == 401 && authorization != null && authorization.reset()) {
                return exchange(call, authorization.header(this));
            }
            throw e;
        }
    }

    /** Sends a call with the given Authorization header (or none) and returns the JSON answer. */
    JsonNode exchange(Call call, String authorizationHeader) {
        URI url = resolve(call.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json");
        if (authorizationHeader != null) {
            request.header("Authorization", authorizationHeader);
        }
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(write(call.body())));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AirflowException(ErrorMessages.timeout(call, url, timeout), url, e);
        } catch (ConnectException e) {
            throw new AirflowException(ErrorMessages.unreachable(call, url, base), url, e);
        } catch (IOException e) {
            throw new AirflowException(ErrorMessages.broken(call, url, e), url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirflowException("interrupted while waiting for Airflow to " + call.purpose(), url, e);
        }
        if (response.statusCode() >= 300) {
            throw new AirflowException(
                    ErrorMessages.forStatus(call, url, response.statusCode(), detail(response.body())),
                    response.statusCode(), url);
        }
        return read(response.body(), call, url);
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON body", e);
        }
    }

    private static JsonNode read(String body, Call call, URI url) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AirflowException("Airflow answered " + call.method() + " " + url + " with something that is not"
                    + " JSON; is " + url.resolve("/") + " the Airflow API server? (" + e.getOriginalMessage() + ")",
                    200, url);
        }
    }

    /** The human part of an error answer: Airflow 2 sends RFC 7807 {@code detail}, Airflow 3 FastAPI's {@code detail}. */
    static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode detail = node.path("detail");
            if (detail.isTextual()) {
                return detail.asText();
            }
            if (!detail.isMissingNode() && !detail.isNull()) {
                return detail.toString();
            }
            return node.path("title").asText(body.strip());
        } catch (JsonProcessingException e) {
            String text = body.strip();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }
}
