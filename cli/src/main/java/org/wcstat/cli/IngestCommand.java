package org.wcstat.cli;

import org.wcstat.jobs.Jobs;
import picocli.CommandLine.Command;

@Command(name = "ingest", description = "Pull one year from the departments' databases (all, or --source) into the warehouse.")
final class IngestCommand extends PerSourceCommand {
    IngestCommand() {
        super(Jobs.INGEST);
    }
}
