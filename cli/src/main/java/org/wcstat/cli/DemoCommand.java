package org.wcstat.cli;

import org.wcstat.cli.demo.Demo;
import org.wcstat.core.config.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", description = "Create the embedded department databases (H2 files, one per department) with synthetic data for 2015-2025.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Override
    public Integer call() throws Exception {
        create(home.home, home.loadDemo(), new ConsoleProgress(System.out, System.err));
        return 0;
    }

    /** Writes what the configuration's sources read. */
    static void create(Path home, Configuration config, ConsoleProgress progress) throws Exception {
        progress.stage("demo departments in " + Demo.departmentsDir(home).toAbsolutePath());
        Map<String, Integer> rows = Demo.create(home, config.sources(), progress::step);
        rows.forEach((d, n) -> progress.step(String.format("%-16s %,9d rows", d, n)));
    }
}
