package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.assess.AssessJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The assess stage on its own, with the progress of each plan and the warnings in its summary. */
@Command(name = "assess", description = "Judge progress towards the targets from the data up to one year, raise early warnings and update the evaluations.")
final class AssessCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "The latest year of data to judge on.")
    int year;

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        Configuration config = home.load();
        Session.preflight(config, home.home, progress, List.of("assess"), Optional.empty());
        JobContext ctx = Session.open(config, home.home, progress);
        progress.stage("assess " + year);
        AssessJob.Outcome outcome = new AssessJob().assess(ctx, year);
        List<String> lines = new ArrayList<>();
        lines.add("assess: " + outcome.summary());
        outcome.planLines().forEach(l -> lines.add("  " + l));
        RunCommand.printSummary(progress, lines);
        return 0;
    }
}
