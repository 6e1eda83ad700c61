package org.wcstat.jobs;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in, for its conf/ and pom.xml. */
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
}
