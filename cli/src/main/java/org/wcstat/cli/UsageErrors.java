package org.wcstat.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A command line that does not parse: picocli's message and the command's usage, as picocli prints them,
 * and for an option that belongs to another command (publish's --republish given to compute), which
 * command takes it.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    /** Beyond this many, naming the commands that take an option (--year, --home) says nothing useful. */
    private static final int OWNERS_WORTH_NAMING = 3;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            for (String arg : unmatched.getUnmatched()) {
                String option = arg.split("=", 2)[0];
                List<String> owners = owners(root(cmd), option);
                if (!owners.isEmpty() && owners.size() <= OWNERS_WORTH_NAMING) {
                    err.println(option + " is an option of " + String.join(" or ", owners) + ", not of " + name(cmd));
                }
            }
        }
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            cmd.usage(err, cmd.getColorScheme());
        }
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static CommandLine root(CommandLine cmd) {
        while (cmd.getParent() != null) cmd = cmd.getParent();
        return cmd;
    }

    /** The commands under the root that have the option, by their names without the root's. */
    private static List<String> owners(CommandLine root, String option) {
        List<String> owners = new ArrayList<>();
        collect(root, option, owners);
        return owners;
    }

    private static void collect(CommandLine cmd, String option, List<String> owners) {
        CommandLine.Model.OptionSpec o = cmd.getCommandSpec().findOption(option);
        if (cmd.getParent() != null && o != null && Arrays.asList(o.names()).contains(option)) {
            owners.add(name(cmd));
        }
        // a command with aliases is listed once
        new LinkedHashSet<>(cmd.getSubcommands().values()).forEach(sub -> collect(sub, option, owners));
    }

    /** "publish", "airflow trigger": the command as the user types it after wcstat. */
    private static String name(CommandLine cmd) {
        String qualified = cmd.getCommandSpec().qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? qualified : qualified.substring(space + 1);
    }
}
