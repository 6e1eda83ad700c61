package org.wcstat.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wcstat.core.yaml.ConfFolder;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The flags Spark needs on Java 17, as the build gives them to every JVM (spark.jvm.flags in pom.xml), for a child JVM. */
    public static List<String> sparkJvmFlags() throws IOException {
        String pom = Files.readString(root().resolve("pom.xml"));
        Matcher m = Pattern.compile("<spark\\.jvm\\.flags>(.*?)</spark\\.jvm\\.flags>", Pattern.DOTALL).matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("no spark.jvm.flags in " + root().resolve("pom.xml"));
        }
        return Arrays.asList(m.group(1).trim().split("\\s+"));
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
