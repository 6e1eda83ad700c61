package org.wcstat.jobs.ingest;

import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An ingest run in a JVM of its own, so a test can kill it mid-load:
 * {@code ChildIngest <conf> <home> <year>}. Progress goes to stdout, one line each, for the test to follow.
 */
public final class ChildIngest {
    private ChildIngest() {
    }

    public static void main(String[] args) {
        Path conf = Path.of(args[0]);
        Path home = Path.of(args[1]);
        int year = Integer.parseInt(args[2]);
        Progress printing = new Progress() {
            @Override
            public void stage(String name) {
                say("stage: " + name);
            }

            @Override
            public void step(String message) {
                say("step: " + message);
            }

            @Override
            public void warn(String message) {
                say("warn: " + message);
            }
        };
        say("starting");
        JobContext ctx = new JobContext(Configuration.load(conf), home,
                new Warehouse(Spark.session(Spark.localWarehouse(home))).ensureTables(), printing, System.getenv());
        say("done: " + new IngestJob(10).run(ctx, year, Optional.empty()));
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
