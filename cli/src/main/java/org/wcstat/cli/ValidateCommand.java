package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.ingest.ValidateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Checks a year of the departments' data against conf/validation/ without loading it. */
@Command(name = "validate", description = {"Check one year of the departments' data (all, or --source) against their rules",
        "in conf/validation/, without loading it. Writes each department's report to",
        "<home>/reports/<year>/validation/<department>.{html,csv}; exits 1 when a load would fail."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "The year.")
    int year;

    @Option(names = "--source", paramLabel = "DEPT", description = "Only this department, e.g. health.")
    String source;

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        Configuration config = home.load();
        Session.preflight(config, home.home, progress, List.of("validate"), Optional.ofNullable(source));
        JobContext ctx = Session.open(config, home.home, progress);
        progress.stage("validate " + year);
        String summary = new ValidateJob().run(ctx, year, Optional.ofNullable(source));
        RunCommand.printSummary(progress, List.of("validate: " + summary));
        return 0;
    }
}
