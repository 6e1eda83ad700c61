package org.wcstat.airflow;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Words for failures: what failed, at which URL, and how to fix it. */
final class ErrorMessages {

    private ErrorMessages() {
    }

    static String forStatus(Call call, URI url, int status, String detail) {
        String where = call.method() + " " + url + " answered " + status + suffix(detail);
        return switch (status) {
            case 401 -> "Airflow did not accept the login while trying to " + call.purpose() + ": " + where + ". "
                    + "Set " + Credentials.USER + " and " + Credentials.PASSWORD + " (or " + Credentials.PASSWORD_FILE
                    + ") to an Airflow user's login; on Airflow 2 the API must allow basic auth"
                    + " ([api] auth_backends includes airflow.api.auth.backend.basic_auth).";
            case 403 -> "The Airflow user may not " + call.purpose() + ": " + where + ". "
                    + "Give the user a role with that permission on the DAG (for example Op), or log in as another user.";
            case 404 -> "Airflow has no such resource while trying to " + call.purpose() + ": " + where + ". "
                    + "Check the DAG id (--dag) and run id, that the DAG file is deployed and imports without errors,"
                    + " and that --api matches the server (v1 for Airflow 2, v2 for Airflow 3).";
            case 409 -> "It already exists, so Airflow refused to " + call.purpose() + ": " + where + ". "
                    + (call.conflictAdvice() != null ? call.conflictAdvice()
                            : "Re-run the existing run with `wcstat airflow clear --run-id <run id>`.");
            case 400, 422 -> "Airflow rejected the request to " + call.purpose() + ": " + where + ". "
                    + "This client and the server disagree on the API; check that --api matches the server version.";
            default -> status >= 500
                    ? "Airflow failed on its side while trying to " + call.purpose() + ": " + where + ". "
                            + "Look at the Airflow API server (webserver) log, and try again once it is healthy."
                    : "Airflow refused to " + call.purpose() + ": " + where + ".";
        };
    }

    static String timeout(Call call, URI url, Duration timeout) {
        return "Airflow did not answer within " + seconds(timeout) + " while trying to " + call.purpose()
                + ": " + call.method() + " " + url + ". Check that the Airflow API server is up and not overloaded,"
                + " or allow more time with --timeout.";
    }

    static String unreachable(Call call, URI url, URI base) {
        return "Cannot connect to Airflow at " + base + " to " + call.purpose() + " (" + call.method() + " " + url + ")."
                + " Check --url (or WCSTAT_AIRFLOW_URL) and that the Airflow API server is running.";
    }

    static String broken(Call call, URI url, IOException e) {
        return "The connection to Airflow failed while trying to " + call.purpose() + ": " + call.method() + " " + url
                + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").";
    }

    private static String suffix(String detail) {
        return detail == null || detail.isBlank() ? "" : " (" + detail + ")";
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }
}
