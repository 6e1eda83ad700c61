package org.wcstat.cli;

import org.wcstat.cli.demo.Demo;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.pipeline.Pipeline;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.PipelineRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "quickstart", description = "Create the demo departments, then run the yearly load for every year 2015-2025.")
final class QuickstartCommand implements Callable<Integer> {
    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2025;

    @Mixin
    HomeOptions home;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        Configuration config = home.load();
        Pipeline pipeline = Pipeline.load(home.pipelinesDir().resolve("yearly-load.yaml"));
        progress.stage("demo departments in " + Demo.departmentsDir(home.home).toAbsolutePath());
        Demo.create(home.home, progress::step).forEach((d, n) -> progress.step(String.format("%-16s %,9d rows", d, n)));
        JobContext ctx = Session.open(config, home.home, progress);
        List<String> summary = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            List<String> s = PipelineRunner.run(ctx, pipeline, year);
            summary.add(year + ": " + s.get(s.size() - 1));
        }
        RunCommand.printSummary(progress, summary);
        Path yearbook = ctx.releases().resolve(String.valueOf(LAST_YEAR)).resolve("yearbook.xlsx").toAbsolutePath();
        System.out.println("\nThe " + LAST_YEAR + " yearbook: " + yearbook);
        return 0;
    }
}
