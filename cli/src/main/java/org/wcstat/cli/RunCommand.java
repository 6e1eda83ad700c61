package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.core.pipeline.Pipeline;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.PipelineRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "run", description = "Run the yearly load (pipelines/yearly-load.yaml) for one year: ingest, compute, assess, publish, maintain.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "The year to load.")
    int year;

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        Configuration config = home.load();
        Pipeline pipeline = Pipeline.load(home.pipelinesDir().resolve("yearly-load.yaml"));
        Session.preflight(config, home.home, progress, pipeline.jobs(), Optional.empty());
        JobContext ctx = Session.open(config, home.home, progress);
        List<String> summary = PipelineRunner.run(ctx, pipeline, year);
        printSummary(progress, summary);
        return 0;
    }

    static void printSummary(ConsoleProgress progress, List<String> summary) {
        System.out.printf("%nDone in %.1f s:%n", progress.elapsed());
        summary.forEach(s -> System.out.println("  " + s));
    }
}
