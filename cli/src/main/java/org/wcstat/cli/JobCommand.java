package org.wcstat.cli;

import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Jobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** One stage on its own (ingest, compute, publish), as an Airflow task or a bureau re-running one step runs it. */
@Command(description = "Run one stage of the yearly load for one year.")
final class JobCommand implements Callable<Integer> {
    private final String job;

    @Mixin
    HomeOptions home;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "The year.")
    int year;

    @Option(names = "--source", paramLabel = "DEPT", description = "Only this department (ingest), e.g. health.")
    String source;

    JobCommand(String job) {
        this.job = job;
    }

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        JobContext ctx = Session.open(home.load(), home.home, progress);
        progress.stage(job + " " + year);
        String summary = Jobs.get(job).run(ctx, year, Optional.ofNullable(source));
        RunCommand.printSummary(progress, List.of(job + ": " + summary));
        return 0;
    }
}
