package org.wcstat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcstat.jobs.JobOption;
import org.wcstat.jobs.Jobs;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command and subcommand answers --help and -h with its own usage, and lists only its own options. */
class HelpTest {

    /** Every command under wcstat, as the words typed after it: [ingest], [catalog, check], [airflow, trigger] … */
    static Stream<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        walk(Wcstat.commandLine(), List.of(), paths);
        return paths.stream();
    }

    private static void walk(CommandLine cmd, List<String> path, List<List<String>> paths) {
        for (CommandLine sub : new LinkedHashSet<>(cmd.getSubcommands().values())) {
            List<String> p = new ArrayList<>(path);
            p.add(sub.getCommandName());
            paths.add(p);
            walk(sub, p, paths);
        }
    }

    @Test
    void theTreeHoldsEveryCommand() {
        Set<String> names = commands().map(p -> String.join(" ", p)).collect(Collectors.toCollection(TreeSet::new));
        for (String expected : List.of("quickstart", "demo", "run", "ingest", "compute", "assess", "publish", "validate",
                "catalog", "catalog check", "catalog export", "sql", "status", "disseminate", "airflow", "airflow trigger", "airflow status",
                "airflow backfill", "airflow clear", "airflow pause", "airflow unpause")) {
            assertTrue(names.contains(expected), expected + " is not among " + names);
        }
    }

    @ParameterizedTest(name = "wcstat {0} --help")
    @MethodSource("commands")
    void helpPrintsTheCommandsOwnUsageAndExitsZero(List<String> path) {
        String expected = command(Wcstat.commandLine(), path).getUsageMessage();
        // picocli prints a header first for some (help), then the usage line
        assertTrue(expected.contains("Usage: wcstat " + String.join(" ", path) + " "), expected);
        for (String flag : List.of("--help", "-h")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Wcstat.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            List<String> args = new ArrayList<>(path);
            args.add(flag);
            int code = cl.execute(args.toArray(String[]::new));
            assertEquals(0, code, "wcstat " + String.join(" ", args) + ": " + err);
            assertEquals(expected, out.toString(), "wcstat " + String.join(" ", args));
            assertEquals("", err.toString());
        }
    }

    @Test
    void eachStageListsOnlyItsOwnOptions() {
        String ingest = usage("ingest");
        assertTrue(ingest.contains("--source=DEPT"), ingest);
        assertFalse(ingest.contains("--republish"), ingest);
        assertFalse(ingest.contains("--from-tag"), ingest);

        String publish = usage("publish");
        assertTrue(publish.contains("--republish"), publish);
        assertTrue(publish.contains("--from-tag"), publish);
        assertFalse(publish.contains("--source"), publish);

        String compute = usage("compute");
        for (String other : List.of("--source", "--republish", "--from-tag")) {
            assertFalse(compute.contains(other), compute);
        }
        for (String stage : List.of("ingest", "compute", "publish")) {
            String u = usage(stage);
            for (String shared : List.of("--year=Y", "--home=DIR", "--conf=DIR")) {
                assertTrue(u.contains(shared), stage + " lacks " + shared + ":\n" + u);
            }
        }
    }

    /** The stage commands take exactly the options the job registry gives their jobs, which JobMain takes too. */
    @Test
    void theStageCommandsTakeTheOptionsOfTheirJobs() {
        Set<String> common = Set.of("--year", "--home", "--conf", "--help", "--version");
        for (Jobs job : Jobs.values()) {
            CommandLine cmd = Wcstat.commandLine().getSubcommands().get(job.id());
            assertNotNull(cmd, "no command for the job " + job.id());
            if (job == Jobs.MAINTAIN) {
                // maintain tends the whole warehouse, not a year: its command takes how old history may get instead
                assertEquals(Set.of("--home", "--conf", "--older-than", "--help", "--version"), cmd.getCommandSpec().options().stream()
                        .map(OptionSpec::longestName).collect(Collectors.toSet()));
                continue;
            }
            assertEquals(job, ((StageCommand) cmd.getCommand()).job());
            Set<String> options = cmd.getCommandSpec().options().stream().map(OptionSpec::longestName)
                    .filter(n -> !common.contains(n)).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = job.options().stream().map(JobOption::flag).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, options, job.id());
        }
    }

    private static String usage(String command) {
        return Wcstat.commandLine().getSubcommands().get(command).getUsageMessage();
    }

    private static CommandLine command(CommandLine root, List<String> path) {
        CommandLine cmd = root;
        for (String name : path) {
            cmd = cmd.getSubcommands().get(name);
            assertNotNull(cmd, "no command " + path);
        }
        return cmd;
    }
}
