package org.wcstat.jobs.disseminate;

import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.WarehouseSettings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a published release folder into the dissemination database conf/warehouse.yaml names, with the dimension
 * tables its codes join to. Used by wcstat publish once the release is in place, and by wcstat disseminate.
 */
public final class Dissemination {
    private final Configuration config;
    private final DisseminationDatabase database;

    public Dissemination(Configuration config, DisseminationDatabase database) {
        this.config = config;
        this.database = database;
    }

    /** The dissemination database of the configuration, if conf/warehouse.yaml names one. */
    public static Optional<Dissemination> configured(Configuration config, Map<String, String> env) {
        WarehouseSettings.Dissemination d = WarehouseSettings.load(config.folder()).dissemination();
        if (d == null) return Optional.empty();
        String where = config.folder().file(WarehouseSettings.FILE) + ": dissemination.";
        String user = d.user() == null ? null : d.user().resolve(env, where + "user");
        String password = d.password() == null ? null : d.password().resolve(env, where + "password");
        return Optional.of(new Dissemination(config, new DisseminationDatabase(d.url(), user, password, d.readerRole(), d.prefix())));
    }

    /** Loads releases/&lt;year&gt;/ (or a kept revision's folder) as its manifest describes it. */
    public DisseminationDatabase.Outcome load(Path releaseDir) {
        ReleaseFolder release = ReleaseFolder.read(releaseDir);
        return database.load(release, DimensionTables.of(config, release.tables()));
    }
}
