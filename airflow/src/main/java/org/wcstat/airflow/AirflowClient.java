package org.wcstat.airflow;

import java.net.URI;
import java.time.Duration;

/** Opens the right API for a server: the one asked for, or the one the server turns out to speak. */
public final class AirflowClient {

    private AirflowClient() {
    }

    public static AirflowApi connect(URI url, ApiVersion version, Credentials credentials, Duration timeout) {
        AirflowHttp http = new AirflowHttp(url, timeout);
        ApiVersion chosen = version != null ? version : detect(http);
        return chosen == ApiVersion.V1 ? new V1Api(http, credentials) : new V2Api(http, credentials);
    }

    /** Asks {@code /api/v2/version}, which only Airflow 3 serves; Airflow 2 answers it with 404. */
    static ApiVersion detect(AirflowHttp http) {
        try {
            http.exchange(Call.get(ApiVersion.V2.prefix() + "/version", "read the Airflow version"), null);
            return ApiVersion.V2;
        } catch (AirflowException e) {
            if (e.status() == 404) {
                return ApiVersion.V1;
            }
            if (e.status() == 401 || e.status() == 403) {
                // the endpoint exists, so this is Airflow 3 guarding even its version
                return ApiVersion.V2;
            }
            throw e;
        }
    }
}
