package org.wcstat.jobs;

import org.wcstat.jobs.assess.AssessJob;
import org.wcstat.jobs.compute.ComputeJob;
import org.wcstat.jobs.ingest.IngestJob;
import org.wcstat.jobs.ingest.ValidateJob;
import org.wcstat.jobs.maintain.MaintainJob;
import org.wcstat.jobs.publish.PublishJob;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The jobs, by the name a pipeline stage, a wcstat stage command and a JobMain submission give them, with
 * the options each takes: the one list of them.
 */
public enum Jobs {
    INGEST(EnumSet.of(JobOption.SOURCE), switches -> new IngestJob()),
    COMPUTE(EnumSet.noneOf(JobOption.class), switches -> new ComputeJob()),
    ASSESS(EnumSet.noneOf(JobOption.class), switches -> new AssessJob()),
    PUBLISH(EnumSet.of(JobOption.REPUBLISH, JobOption.FROM_TAG), switches -> new PublishJob(
            new PublishJob.Options(switches.contains(JobOption.REPUBLISH), switches.contains(JobOption.FROM_TAG)))),
    MAINTAIN(EnumSet.noneOf(JobOption.class), switches -> new MaintainJob()),
    VALIDATE(EnumSet.of(JobOption.SOURCE), switches -> new ValidateJob());

    private final Set<JobOption> options;
    private final Function<Set<JobOption>, Job> factory;

    Jobs(Set<JobOption> options, Function<Set<JobOption>, Job> factory) {
        this.options = Collections.unmodifiableSet(options);
        this.factory = factory;
    }

    /** The name: ingest, compute, assess, publish, validate. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<JobOption> options() {
        return options;
    }

    public boolean takes(JobOption option) {
        return options.contains(option);
    }

    /** The job, set by the switches given ({@link JobOption#REPUBLISH}, {@link JobOption#FROM_TAG}); an option it does not take is refused. */
    public Job create(Set<JobOption> switches) {
        for (JobOption s : switches) {
            if (!takes(s)) {
                throw new IllegalArgumentException(s.flag() + " is an option of " + takenBy(s) + ", not of " + id());
            }
        }
        return factory.apply(switches);
    }

    public static Optional<Jobs> find(String id) {
        return Arrays.stream(values()).filter(j -> j.id().equals(id)).findFirst();
    }

    /** The jobs' names, for a message that lists them. */
    public static String ids() {
        return Arrays.stream(values()).map(Jobs::id).collect(Collectors.joining(", "));
    }

    /** The jobs that take an option, e.g. "ingest or validate". */
    public static String takenBy(JobOption option) {
        return Arrays.stream(values()).filter(j -> j.takes(option)).map(Jobs::id).collect(Collectors.joining(" or "));
    }
}
