package org.wcstat.cli;

import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.maintain.MaintainJob;
import org.wcstat.jobs.maintain.MaintenanceReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Maintenance of the whole warehouse on its own, as the yearly load's last stage does it. */
@Command(name = "maintain", description = {"Keep the warehouse lean: on every table, compact small data files, merge manifests,",
        "expire the snapshots older than maintenance.snapshot_age_days of conf/warehouse.yaml but the last keep_last",
        "and every release's tagged ones, and remove the files no snapshot references."})
final class MaintainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Option(names = "--older-than", paramLabel = "DAYS", description = "Expire snapshots, and remove unreferenced files, older than this"
            + " many days, in place of maintenance.snapshot_age_days; 0 only while nothing else writes to the warehouse.")
    Integer olderThan;

    @Override
    public Integer call() {
        if (olderThan != null && olderThan < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--older-than " + olderThan
                    + " is not a number of days: give 0 or more, e.g. --older-than 7");
        }
        ConsoleProgress progress = new ConsoleProgress(System.out, System.err);
        Configuration config = home.load();
        Session.preflight(config, home.home, progress, List.of("maintain"), Optional.empty());
        JobContext ctx = Session.open(config, home.home, progress);
        progress.stage("maintain");
        MaintenanceReport report = new MaintainJob(new MaintainJob.Options(olderThan)).maintain(ctx);
        List<String> lines = new ArrayList<>();
        lines.add("maintain: " + report.summary());
        report.lines().forEach(l -> lines.add("  " + l));
        RunCommand.printSummary(progress, lines);
        return 0;
    }
}
