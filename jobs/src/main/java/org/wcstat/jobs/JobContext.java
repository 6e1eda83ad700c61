package org.wcstat.jobs;

import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;

import java.nio.file.Path;
import java.util.Map;

/** What every job needs: the configuration, the home it works in, the warehouse, and where to report. */
public record JobContext(Configuration config, Path home, Warehouse warehouse, Progress progress, Map<String, String> env) {

    public Path releases() {
        return releases(home);
    }

    /** Where a home's releases are: releases/&lt;year&gt;/ (docs/releases.md). */
    public static Path releases(Path home) {
        return home.resolve("releases");
    }
}
