package org.wcstat.cli;

import org.wcstat.core.Failure;
import org.wcstat.core.WcstatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The wcstat command. */
@Command(name = "wcstat", version = "wcstat 0.1.0",
        // every subcommand takes -h/--help and -V/--version, those added later too
        mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        description = {"The women's and children's statistics warehouse of a county statistics bureau:",
                "loads the departments' data, computes the outlines' monitoring indicators, assesses progress and publishes the yearbook."},
        subcommands = {StatusCommand.class, QuickstartCommand.class, DemoCommand.class, RunCommand.class, IngestCommand.class, ComputeCommand.class,
                AssessCommand.class, PublishCommand.class, ValidateCommand.class, CatalogCommand.class, AirflowCommand.class,
                SqlCommand.class, MaintainCommand.class, DiffCommand.class, DisseminateCommand.class, TemplateCommand.class, CommandLine.HelpCommand.class})
public final class Wcstat {
    /** Exit code for a configuration or usage problem the user can fix. */
    static final int CONFIG_ERROR = WcstatException.Kind.CONFIGURATION.exitCode();

    private Wcstat() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Wcstat());
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Failure failure = Failure.of(e);
            cmd.getErr().println(failure.message() + (failure.explained() ? "" : "\n  (set WCSTAT_DEBUG=1 to see the stack trace)"));
            if (System.getenv("WCSTAT_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return failure.exitCode();
        });
        return cl;
    }
}
