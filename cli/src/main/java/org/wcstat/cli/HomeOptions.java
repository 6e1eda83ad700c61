package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.core.yaml.ConfFolder;
import org.wcstat.jobs.LoadedMeasures;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where wcstat works (--home) and where its configuration is (--conf), shared by every subcommand. */
final class HomeOptions {
    static final String DEFAULT_HOME = "wcstat-home";
    /** The demo district's departments, over the checkout's conf/. */
    static final String DEMO_CONF = "demo/conf";

    @Option(names = "--home", paramLabel = "DIR", description = "Where the department databases, warehouse and releases live (default: ./" + DEFAULT_HOME + ").")
    Path home = Path.of(DEFAULT_HOME);

    @Option(names = "--conf", paramLabel = "DIR", description = "The configuration folder (default: the home's conf/ if it has one,"
            + " as a home made by quickstart or demo does; else the checkout's conf/).")
    Path conf;

    /** --conf; else the home's conf/ (a deployed home holds it, and `wcstat demo` writes the demo's); else the checkout's conf/. */
    Path confDir() {
        if (conf != null) return conf;
        Path own = homeConf();
        return Files.isDirectory(own) ? own : repo().resolve("conf");
    }

    /**
     * The demo's configuration: as {@link #confDir()}, but a home without a conf/ of its own gets one, a layer.yaml
     * extending the checkout's demo/conf, so that every later command on the home reads the demo district's departments
     * while the checkout's conf/ stays the county's.
     */
    Path demoConfDir() throws IOException {
        if (conf != null || Files.isDirectory(homeConf())) return confDir();
        Path own = Files.createDirectories(homeConf());
        Files.writeString(own.resolve(ConfFolder.LAYER_FILE), "# The demo district's departments (the checkout's demo/conf) over the county's conf/,"
                + " written by wcstat demo.\n# Put a file here to change one of theirs for this home only (conf/README.md).\n"
                + "extends: " + repo().resolve(DEMO_CONF).toAbsolutePath().normalize() + "\n");
        return own;
    }

    private Path homeConf() {
        return home.resolve("conf");
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
     * A county's configuration starts from the demo's (demo/conf over conf/): its sources name the files measures came
     * from; where they cannot (the files were changed in place), the warehouse's loads do.
     */
    Configuration load() {
        return load(confDir());
    }

    /** The demo's configuration ({@link #demoConfDir()}), loaded. */
    Configuration loadDemo() throws IOException {
        return load(demoConfDir());
    }

    private Configuration load(Path dir) {
        return Configuration.load(dir, repo().resolve(DEMO_CONF), new LoadedMeasures(dir, home, System.getenv()));
    }

    /** The checkout bin/wcstat runs from; the working directory otherwise. */
    static Path repo() {
        String r = System.getProperty("wcstat.repo");
        return r != null ? Path.of(r) : Path.of("");
    }
}
