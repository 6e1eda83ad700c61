package org.wcstat.airflow;

/** Sleeps between polls; tests replace it so they need not wait. */
@FunctionalInterface
public interface Pause {

    Pause REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(java.time.Duration duration) throws InterruptedException;
}
