package org.wcstat.jobs.ingest;

/**
 * The points of a load, an assessment's commit or a publication at which the fault tests stop it. With
 * -Dwcstat.halt-at=&lt;point&gt; the JVM halts there at once, skipping shutdown hooks and finally blocks; with
 * -Dwcstat.pause-at=&lt;point&gt; it says "pausing at &lt;point&gt;" and waits there, for the test to kill it
 * from outside (kill -9) at a moment it knows.
 */
public final class FaultPoint {
    public static final String PROPERTY = "wcstat.halt-at";
    public static final String PAUSE = "wcstat.pause-at";

    private FaultPoint() {
    }

    public static void reach(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            System.out.println("halting at " + point);
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
        if (point.equals(System.getProperty(PAUSE))) {
            System.out.println("pausing at " + point);
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // only the kill ends the wait
                }
            }
        }
    }
}
