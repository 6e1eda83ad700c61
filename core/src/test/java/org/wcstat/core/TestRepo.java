package org.wcstat.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wcstat.core.yaml.ConfFolder;

/** The checkout the tests run in, for its shipped conf/ and pipelines/. */
public final class TestRepo {
    private TestRepo() {
    }

    public static Path root() {
        String r = System.getProperty("wcstat.repo");
        if (r != null && isRoot(Path.of(r))) {
            return Path.of(r).toAbsolutePath();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !isRoot(p)) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the folder holding conf/ and pom.xml above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }

    private static boolean isRoot(Path p) {
        return Files.isDirectory(p.resolve("conf")) && Files.isRegularFile(p.resolve("pom.xml"));
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
