package org.wcstat.jobs.assess;

import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.util.Map;

/**
 * An assess run in a JVM of its own, so a test can kill it between its tables' commits:
 * {@code ChildAssess <conf> <home> <year>}, with -Dwcstat.halt-at=&lt;point&gt; (jobs/ingest/FaultPoint).
 */
public final class ChildAssess {
    private ChildAssess() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[1]);
        JobContext ctx = new JobContext(Configuration.load(Path.of(args[0])), home,
                new Warehouse(Spark.session(Spark.localWarehouse(home))).ensureTables(), Progress.SILENT, Map.of());
        System.out.println("done: " + new AssessJob().assess(ctx, Integer.parseInt(args[2])).summary());
        System.out.flush();
    }
}
