package org.wcstat.cli;

import org.wcstat.jobs.Jobs;
import picocli.CommandLine.Command;

/** Checks a year of the departments' data against conf/validation/ without loading it. */
@Command(name = "validate", description = {"Check one year of the departments' data (all, or --source) against their rules",
        "in conf/validation/, without loading it. Writes each department's report to",
        "<home>/reports/<year>/validation/<department>.{html,csv}; exits 1 when a load would fail."})
final class ValidateCommand extends PerSourceCommand {
    ValidateCommand() {
        super(Jobs.VALIDATE);
    }
}
