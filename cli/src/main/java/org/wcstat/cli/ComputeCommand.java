package org.wcstat.cli;

import org.wcstat.jobs.Jobs;
import picocli.CommandLine.Command;

@Command(name = "compute", description = "Compute every indicator of the catalog for one year, in one pass over the facts.")
final class ComputeCommand extends StageCommand {
    ComputeCommand() {
        super(Jobs.COMPUTE);
    }
}
