package org.wcstat.core;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
