package org.wcstat.cli;

import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.Jobs;
import org.wcstat.jobs.assess.AssessJob;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;

/** The assess stage on its own, with the progress of each plan and the warnings in its summary. */
@Command(name = "assess", description = "Judge progress towards the targets from the data up to one year (--year), raise early warnings and update the evaluations.")
final class AssessCommand extends StageCommand {
    AssessCommand() {
        super(Jobs.ASSESS);
    }

    @Override
    List<String> run(JobContext ctx) {
        AssessJob.Outcome outcome = new AssessJob().assess(ctx, year);
        List<String> lines = new ArrayList<>();
        lines.add("assess: " + outcome.summary());
        outcome.planLines().forEach(l -> lines.add("  " + l));
        return lines;
    }
}
