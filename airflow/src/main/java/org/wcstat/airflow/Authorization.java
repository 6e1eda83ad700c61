package org.wcstat.airflow;

/** Supplies the Authorization header for API calls. */
interface Authorization {

    String header(AirflowHttp http);

    /** Forgets whatever was cached, after Airflow refused it. Returns true if a retry could succeed. */
    default boolean reset() {
        return false;
    }
}
