package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.core.pipeline.Pipeline;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.PipelineRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "run", description = {"Run the yearly load (pipelines/yearly-load.yaml) for one year or several: ingest, compute, assess, publish, maintain.",
        "With several years, ingest reads each department's extracts once for all of them; compute, assess and publish then run year by year,",
        "and maintain once at the end."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--year", paramLabel = "Y", description = "The year to load.")
        Integer year;

        @Option(names = "--years", paramLabel = "YEARS", converter = Years.Parser.class,
                description = "Several years: a range (2015-2025) or a list (2019,2021).")
        Years years;
    }

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        Configuration config = home.load();
        Pipeline pipeline = Pipeline.load(home.pipelinesDir().resolve("yearly-load.yaml"));
        Session.preflight(config, home.home, progress, pipeline.jobs(), Optional.empty());
        JobContext ctx = Session.open(config, home.home, progress);
        if (which.year != null) {
            printSummary(progress, PipelineRunner.run(ctx, pipeline, which.year));
            return 0;
        }
        PipelineRunner.Outcome outcome = PipelineRunner.run(ctx, pipeline, which.years.list());
        List<String> summary = new ArrayList<>(outcome.together());
        outcome.byYear().forEach((year, s) -> s.forEach(line -> summary.add(year + " " + line)));
        printSummary(progress, summary);
        return 0;
    }

    static void printSummary(ConsoleProgress progress, List<String> summary) {
        System.out.printf("%nDone in %.1f s:%n", progress.elapsed());
        summary.forEach(s -> System.out.println("  " + s));
    }
}
