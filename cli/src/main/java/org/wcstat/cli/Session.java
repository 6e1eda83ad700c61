package org.wcstat.cli;

import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.jobs.GroupCommit;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Preflight;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.ingest.LoadCoordination;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** Opens the warehouse of a home: the JVM's one SparkSession, with the tables made if missing. */
final class Session {
    private Session() {
    }

    /** Checks what the named stages need before Spark starts (org.wcstat.jobs.Preflight). */
    static void preflight(Configuration config, Path home, Progress progress, Collection<String> jobs, Optional<String> source) {
        new Preflight(config, home, System.getenv(), progress).check(Preflight.Needs.of(config, jobs, source));
    }

    static JobContext open(Configuration config, Path home, Progress progress) {
        WarehouseSettings settings = WarehouseSettings.load(config.folder());
        // a home's own conf/ comes before the checkout's: say which configuration this is
        progress.step("configuration " + config.folder().describe());
        progress.step("starting Spark (local mode) on warehouse " + settings.locationUri(home) + " (" + settings.catalog() + " catalog)");
        Warehouse wh = new Warehouse(Spark.session(settings, home, System.getenv())).ensureTables();
        // tables a killed run left half committed are finished before anything reads them
        GroupCommit.complete(wh, home, progress);
        JobContext ctx = new JobContext(config, home, wh, progress, System.getenv());
        LoadCoordination.finishKilledLoads(ctx);
        return ctx;
    }

    /**
     * The warehouse as it is, making nothing: empty when the home has none yet. A local warehouse's
     * folder is looked for before Spark starts; any other, by its table of loads.
     */
    static Optional<Warehouse> existing(WarehouseSettings settings, Path home) {
        if (noLocalWarehouse(settings, home)) {
            return Optional.empty();
        }
        Warehouse wh = new Warehouse(Spark.session(settings, home, System.getenv()));
        return wh.exists(Warehouse.LOADS) ? Optional.of(wh) : Optional.empty();
    }

    /** The warehouse is a folder on this machine, and not there. */
    static boolean noLocalWarehouse(WarehouseSettings settings, Path home) {
        return settings.isLocal(home) && !Files.isDirectory(Path.of(URI.create(settings.locationUri(home))));
    }
}
