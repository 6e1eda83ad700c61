package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Job;
import org.wcstat.jobs.Jobs;
import org.wcstat.jobs.publish.PublishJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** One stage on its own (ingest, compute, publish), as an Airflow task or a bureau re-running one step runs it. */
@Command(description = "Run one stage of the yearly load for one year.")
final class JobCommand implements Callable<Integer> {
    private final String job;

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "The year.")
    int year;

    @Option(names = "--source", paramLabel = "DEPT", description = "Only this department (ingest), e.g. health.")
    String source;

    @Option(names = "--republish", description = "publish: write a new revision of a year already published from other data;"
            + " the current release is kept as releases/<Y>-r<revision>.")
    boolean republish;

    @Option(names = "--from-tag", description = "publish: read the warehouse as the tag release-<Y> marks it, rebuilding"
            + " the year's release from the data it was made from (with --republish).")
    boolean fromTag;

    JobCommand(String job) {
        this.job = job;
    }

    @Override
    public Integer call() {
        if ((republish || fromTag) && !job.equals("publish")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    (republish ? "--republish" : "--from-tag") + " is an option of publish, not of " + job);
        }
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        Configuration config = home.load();
        Session.preflight(config, home.home, progress, List.of(job), Optional.ofNullable(source));
        JobContext ctx = Session.open(config, home.home, progress);
        progress.stage(job + " " + year);
        Job stage = job.equals("publish") ? new PublishJob(new PublishJob.Options(republish, fromTag)) : Jobs.get(job);
        String summary = stage.run(ctx, year, Optional.ofNullable(source));
        RunCommand.printSummary(progress, List.of(job + ": " + summary));
        return 0;
    }
}
