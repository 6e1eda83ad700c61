package org.wcstat.cli;

import org.wcstat.jobs.Jobs;
import picocli.CommandLine.Option;

import java.util.Optional;

/** A stage that runs for every department, or for the one --source names. */
abstract class PerSourceCommand extends StageCommand {
    @Option(names = "--source", paramLabel = "DEPT", description = "Only this department, e.g. health.")
    String source;

    PerSourceCommand(Jobs job) {
        super(job);
    }

    @Override
    Optional<String> source() {
        return Optional.ofNullable(source);
    }
}
