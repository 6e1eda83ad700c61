package org.wcstat.cli;

import org.wcstat.core.config.ConfigException;
import org.wcstat.jobs.PipelineRunner;
import org.wcstat.jobs.Preflight;
import org.wcstat.jobs.ingest.IngestFailedException;
import org.wcstat.jobs.publish.PublishException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The wcstat command. */
@Command(name = "wcstat", mixinStandardHelpOptions = true, version = "wcstat 0.1.0",
        description = {"The women's and children's statistics warehouse of a county statistics bureau:",
                "loads the departments' data, computes the outlines' monitoring indicators, assesses progress and publishes the yearbook."},
        subcommands = {QuickstartCommand.class, DemoCommand.class, RunCommand.class, AssessCommand.class, ValidateCommand.class, CatalogCommand.class, AirflowCommand.class, SqlCommand.class, MaintainCommand.class,
                CommandLine.HelpCommand.class})
public final class Wcstat {
    /** Exit code for a configuration or usage problem the user can fix. */
    static final int CONFIG_ERROR = 2;

    private Wcstat() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Wcstat());
        String[][] stages = {
                {"ingest", "Pull one year from the departments' databases (all, or --source) into the warehouse."},
                {"compute", "Compute every indicator of the catalog for one year, in one pass over the facts."},
                {"publish", "Write one year's yearbook release under <home>/releases/<year>/."}};
        for (String[] stage : stages) {
            CommandLine sub = new CommandLine(new JobCommand(stage[0]));
            sub.getCommandSpec().usageMessage().description(stage[1]);
            cl.addSubcommand(stage[0], sub);
        }
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // the root's stream, which a test may replace: a subcommand added as its own CommandLine may hold another
            java.io.PrintWriter err = cl.getErr();
            err.println(message(e));
            if (System.getenv("WCSTAT_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return e instanceof ConfigException || e instanceof Preflight.PreflightException ? CONFIG_ERROR : 1;
        });
        return cl;
    }

    /** What went wrong, without a stack trace: the user can act on the message; WCSTAT_DEBUG=1 shows the trace. */
    static String message(Exception e) {
        if (e instanceof ConfigException) {
            return "configuration error: " + e.getMessage();
        }
        if (e instanceof Preflight.PreflightException) {
            return "cannot start: " + e.getMessage();
        }
        if (e instanceof IngestFailedException || e instanceof PipelineRunner.StageFailedException || e instanceof PublishException) {
            return "error: " + e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return "error: " + e.getMessage() + (root != e ? "\n  cause: " + root : "")
                + "\n  (set WCSTAT_DEBUG=1 to see the stack trace)";
    }
}
