package org.wcstat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wcstat.core.yaml.ConfFolder;

/** The checkout the tests run in, for its conf/ and pipelines/. */
public final class TestRepo {
    private TestRepo() {
    }

    public static Path root() {
        String r = System.getProperty("wcstat.repo");
        Path p = r != null ? Path.of(r) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("conf"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository's conf/ from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The demo district's configuration as the demo and quickstart read it: demo/conf over the county's conf/. */
    public static Path demoConf() {
        return root().resolve("demo/conf");
    }

    /** A copy of the demo's configuration a test may change, in one folder (conf/ with demo/conf's files over it). */
    public static Path copyOfConf(Path dst) throws IOException {
        return ConfFolder.open(demoConf()).copyTo(dst);
    }
}
