package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.LoadedMeasures;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where wcstat works (--home) and where its configuration is (--conf), shared by every subcommand. */
final class HomeOptions {
    static final String DEFAULT_HOME = "wcstat-home";

    @Option(names = "--home", paramLabel = "DIR", description = "Where the department databases, warehouse and releases live (default: ./" + DEFAULT_HOME + ").")
    Path home = Path.of(DEFAULT_HOME);

    @Option(names = "--conf", paramLabel = "DIR", description = "The configuration folder (default: the checkout's conf/).")
    Path conf;

    Path confDir() {
        return conf != null ? conf : repo().resolve("conf");
    }

    Path pipelinesDir() {
        return repo().resolve("pipelines");
    }

    /** The options as given, to repeat in a command shown to run next: empty for the defaults. */
    String asOptions() {
        StringBuilder s = new StringBuilder();
        if (!home.equals(Path.of(DEFAULT_HOME))) s.append(" --home ").append(quoted(home));
        if (conf != null) s.append(" --conf ").append(quoted(conf));
        return s.toString();
    }

    private static String quoted(Path p) {
        String s = p.toString();
        return s.matches("[\\w./:@%+,=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * With --conf, the checkout's conf/ is the configuration it was copied from: it names the files measures came from;
     * where it cannot (the files were changed in place), the warehouse's loads do.
     */
    Configuration load() {
        return Configuration.load(confDir(), conf == null ? null : repo().resolve("conf"), new LoadedMeasures(confDir(), home, System.getenv()));
    }

    /** The checkout bin/wcstat runs from; the working directory otherwise. */
    static Path repo() {
        String r = System.getProperty("wcstat.repo");
        return r != null ? Path.of(r) : Path.of("");
    }
}
