package org.wcstat.airflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Airflow 2: HTTP basic auth on every call (needs the basic_auth API auth backend). */
final class BasicAuthorization implements Authorization {

    private final String header;

    BasicAuthorization(Credentials credentials) {
        String pair = credentials.user() + ":" + credentials.password();
        this.header = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String header(AirflowHttp http) {
        return header;
    }
}
