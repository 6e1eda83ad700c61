package org.wcstat.jobs.ingest;

/**
 * The points of a load (or of an assessment's commit) at which the fault tests kill it: with
 * -Dwcstat.halt-at=&lt;point&gt; the JVM halts there at once, as kill -9 would, skipping shutdown hooks and
 * finally blocks.
 */
public final class FaultPoint {
    public static final String PROPERTY = "wcstat.halt-at";

    private FaultPoint() {
    }

    public static void reach(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            System.out.println("halting at " + point);
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
