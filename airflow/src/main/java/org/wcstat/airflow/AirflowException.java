package org.wcstat.airflow;

import java.net.URI;

/** A failed exchange with Airflow, with a message that says what failed, where, and what to do about it. */
public class AirflowException extends RuntimeException {

    /** No HTTP status: the request never got an answer. */
    public static final int NO_STATUS = 0;

    private final int status;
    private final URI url;

    public AirflowException(String message, int status, URI url) {
        super(message);
        this.status = status;
        this.url = url;
    }

    public AirflowException(String message, URI url, Throwable cause) {
        super(message, cause);
        this.status = NO_STATUS;
        this.url = url;
    }

    public int status() {
        return status;
    }

    public URI url() {
        return url;
    }

    /** True when Airflow said the run (or its logical date) already exists. */
    public boolean isConflict() {
        return status == 409;
    }
}
