package org.wcstat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /** A copy of the shipped conf/ in dst, for a test to change. */
    public static Path copyOfConf(Path dst) throws IOException {
        Path src = root().resolve("conf");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return dst;
    }
}
