package org.wcstat.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Airflow 3: a JWT from {@code POST /auth/token}, fetched once and renewed when it expires. */
final class TokenAuthorization implements Authorization {

    static final String TOKEN_PATH = "/auth/token";

    private final Credentials credentials;
    private String token;

    TokenAuthorization(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public synchronized String header(AirflowHttp http) {
        if (token == null) {
            token = fetch(http);
        }
        return "Bearer " + token;
    }

    @Override
    public synchronized boolean reset() {
        boolean hadToken = token != null;
        token = null;
        return hadToken;
    }

    private String fetch(AirflowHttp http) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("username", credentials.user())
                .put("password", credentials.password());
        JsonNode answer = http.exchange(Call.send("POST", TOKEN_PATH, body,
                "log in as " + credentials.user() + " to get an API token"), null);
        JsonNode accessToken = answer.path("access_token");
        if (!accessToken.isTextual() || accessToken.asText().isEmpty()) {
            throw new AirflowException("Airflow answered " + TOKEN_PATH + " without an access_token;"
                    + " is this an Airflow 3 API server? For Airflow 2 use --api v1.", 0, http.resolve(TOKEN_PATH));
        }
        return accessToken.asText();
    }
}
