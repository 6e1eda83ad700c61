package org.wcstat.jobs;

import org.wcstat.core.WcstatException;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * JobMain's command line: one job of {@link Jobs} with the options it takes, or {@code run} for the whole
 * pipeline. A mistake is a {@link WcstatException.Kind#USAGE} failure whose message ends with the usage.
 *
 * @param job      the job, or empty for {@code run}
 * @param pipeline the pipeline file {@code run} runs, if given
 * @param conf     the configuration folder, if given
 */
record JobArguments(Optional<Jobs> job, int year, Optional<String> source, Set<JobOption> switches, Path home,
                    Optional<Path> conf, Optional<Path> pipeline) {
    static final String RUN = "run";

    static JobArguments parse(String[] args, Path workingDir) {
        if (args.length < 1) throw usage("name a job");
        String name = args[0];
        Optional<Jobs> job = name.equals(RUN) ? Optional.empty()
                : Optional.of(Jobs.find(name).orElseThrow(() -> usage("no job '" + name + "'; the jobs are " + Jobs.ids() + " and " + RUN)));
        Integer year = null;
        String source = null;
        Set<JobOption> switches = EnumSet.noneOf(JobOption.class);
        Path home = workingDir;
        Path conf = null;
        Path pipeline = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            Optional<JobOption> option = JobOption.ofFlag(a);
            if (option.isPresent() && (job.isEmpty() || !job.get().takes(option.get()))) {
                throw usage(a + " is an option of " + Jobs.takenBy(option.get()) + ", not of " + name);
            }
            if (option.isPresent() && !option.get().takesValue()) {
                switches.add(option.get());
                continue;
            }
            if (i + 1 >= args.length) throw usage(a + " needs a value");
            String v = args[++i];
            if (option.equals(Optional.of(JobOption.SOURCE))) {
                source = v;
                continue;
            }
            switch (a) {
                case "--year" -> year = year(v);
                case "--home" -> home = Path.of(v);
                case "--conf" -> conf = Path.of(v);
                case "--pipeline" -> {
                    if (job.isPresent()) throw usage("--pipeline is an option of " + RUN + ", not of " + name);
                    pipeline = Path.of(v);
                }
                default -> throw usage("unknown option " + a);
            }
        }
        if (year == null) throw usage("--year is required");
        return new JobArguments(job, year, Optional.ofNullable(source), switches, home, Optional.ofNullable(conf),
                Optional.ofNullable(pipeline));
    }

    /** The configuration folder: --conf, else the home's conf/ (a deployed home holds it, pipelines/README.md). */
    Path confDir() {
        return conf.orElse(home.resolve("conf"));
    }

    Path pipelineFile() {
        return pipeline.orElse(home.resolve("pipelines/yearly-load.yaml"));
    }

    private static int year(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw usage("--year takes a year, e.g. 2024, not '" + v + "'");
        }
    }

    private static WcstatException usage(String problem) {
        return new WcstatException(WcstatException.Kind.USAGE, problem + "\n" + usage());
    }

    /** One line per job, with the options it takes, from {@link Jobs}. */
    static String usage() {
        String common = "[--home DIR] [--conf DIR (default: <home>/conf)]";
        Stream<String> jobs = Stream.of(Jobs.values()).map(j -> j.id() + " --year Y "
                + j.options().stream().map(o -> o.usage() + " ").collect(Collectors.joining()) + common);
        Stream<String> run = Stream.of(RUN + " --year Y [--pipeline FILE (default: <home>/pipelines/yearly-load.yaml)] " + common);
        return Stream.concat(jobs, run).map(l -> "JobMain " + l).collect(Collectors.joining("\n       ", "usage: ", ""));
    }
}
