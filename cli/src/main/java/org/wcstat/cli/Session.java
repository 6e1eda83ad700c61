package org.wcstat.cli;

import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;

/** Opens the warehouse of a home: the JVM's one SparkSession, with the tables made if missing. */
final class Session {
    private Session() {
    }

    static JobContext open(Configuration config, Path home, Progress progress) {
        progress.step("starting Spark (local mode) on warehouse " + home.resolve("warehouse"));
        Warehouse wh = new Warehouse(Spark.session(Spark.localWarehouse(home))).ensureTables();
        return new JobContext(config, home, wh, progress, System.getenv());
    }
}
