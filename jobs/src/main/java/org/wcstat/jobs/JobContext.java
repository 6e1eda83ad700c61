package org.wcstat.jobs;

import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;

import java.nio.file.Path;
import java.util.Map;

/** What every job needs: the configuration, the home it works in, the warehouse, and where to report. */
public record JobContext(Configuration config, Path home, Warehouse warehouse, Progress progress, Map<String, String> env) {

    public Path releases() {
        return home.resolve("releases");
    }
}
