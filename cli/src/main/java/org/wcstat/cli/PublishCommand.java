package org.wcstat.cli;

import org.wcstat.jobs.JobOption;
import org.wcstat.jobs.Jobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.Set;

@Command(name = "publish", description = {"Write one year's yearbook release under <home>/releases/<year>/.",
        "A release is never changed in place: --republish writes a new revision (docs/releases.md)."})
final class PublishCommand extends StageCommand {
    @Option(names = "--republish", description = "Write a new revision of a year already published from other data;"
            + " the current release is kept as releases/<Y>-r<revision>.")
    boolean republish;

    @Option(names = "--from-tag", description = "Read the warehouse as the tag release-<Y> marks it, rebuilding"
            + " the year's release from the data it was made from (with --republish).")
    boolean fromTag;

    PublishCommand() {
        super(Jobs.PUBLISH);
    }

    @Override
    Set<JobOption> switches() {
        Set<JobOption> s = EnumSet.noneOf(JobOption.class);
        if (republish) s.add(JobOption.REPUBLISH);
        if (fromTag) s.add(JobOption.FROM_TAG);
        return s;
    }
}
