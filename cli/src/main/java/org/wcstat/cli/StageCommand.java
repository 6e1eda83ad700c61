package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.JobOption;
import org.wcstat.jobs.Jobs;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * One stage of the yearly load on its own, as an Airflow task or a bureau re-running one step runs it.
 * Each stage's command declares the options of its job in {@link Jobs}, and only those.
 */
abstract class StageCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "The year.")
    int year;

    private final Jobs job;

    StageCommand(Jobs job) {
        this.job = job;
    }

    Jobs job() {
        return job;
    }

    /** The department given with --source, for the stages that take one. */
    Optional<String> source() {
        return Optional.empty();
    }

    /** The switches given, for the stages that take some. */
    Set<JobOption> switches() {
        return Set.of();
    }

    @Override
    public Integer call() {
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        Configuration config = home.load();
        Session.preflight(config, home.home, progress, List.of(job.id()), source());
        JobContext ctx = Session.open(config, home.home, progress);
        progress.stage(job.id() + " " + year);
        RunCommand.printSummary(progress, run(ctx));
        return 0;
    }

    /** Runs the job; the lines of its closing summary. */
    List<String> run(JobContext ctx) {
        return List.of(job.id() + ": " + job.create(switches()).run(ctx, year, source()));
    }
}
