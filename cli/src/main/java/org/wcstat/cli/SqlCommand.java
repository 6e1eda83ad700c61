package org.wcstat.cli;

import org.apache.spark.sql.SparkSession;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.wcstat.cli.sql.ResultFormat;
import org.wcstat.cli.sql.Role;
import org.wcstat.cli.sql.Shell;
import org.wcstat.cli.sql.SqlRunner;
import org.wcstat.cli.sql.StatementPolicy;
import org.wcstat.cli.sql.SqlSessions;
import org.wcstat.cli.sql.Statements;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.config.WarehouseSettings;
import org.wcstat.jobs.Spark;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sql", description = {"Spark SQL over the warehouse: an interactive shell, or the statements of -e or -f.",
        "Tables: indicators.value, indicators.series, indicators.assessment, indicators.warning, indicators.evaluation,",
        "facts.observation, meta.load (schemas/README.md); raw.* and quarantine.* with --role bureau only."})
final class SqlCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @ArgGroup(exclusive = true)
    Input input;

    static final class Input {
        @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "Run these statements (separated by ;) and exit.")
        String sql;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements of a file and exit.")
        Path file;
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default), csv or json.")
    String format;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "analyst",
            description = "analyst (default): raw.* and quarantine.* are hidden; bureau: every table.")
    String role;

    @Option(names = "--allow-writes", description = "bureau: let statements change the warehouse (DELETE, INSERT, ALTER, DROP …);"
            + " each names the tables it changes and their snapshot before it runs. Without it every role only reads.")
    boolean allowWrites;

    @Option(names = "--purge", description = "bureau, with --allow-writes: let DROP TABLE delete the table's files and history"
            + " (the Hadoop catalog always does; DROP TABLE … PURGE everywhere).")
    boolean purge;

    @Option(names = "--as-of-release", paramLabel = "Y",
            description = "Query every table as it was when the year Y yearbook was published (its tag release-Y).")
    Integer release;

    @Option(names = "--history", paramLabel = "FILE", description = "The shell's history file (default: ~/.wcstat_sql_history).")
    Path history = Path.of(System.getProperty("user.home"), ".wcstat_sql_history");

    @Override
    public Integer call() throws IOException {
        ResultFormat resultFormat;
        Role sessionRole;
        try {
            resultFormat = ResultFormat.of(format);
            sessionRole = Role.of(role);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Wcstat.CONFIG_ERROR;
        }
        String script = null;
        String scriptName = null;
        if (input != null && input.file != null) {
            try {
                script = Files.readString(input.file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                System.err.println(input.file + ": file not found");
                return Wcstat.CONFIG_ERROR;
            }
            scriptName = input.file.toString();
        } else if (input != null) {
            script = input.sql;
        }
        WarehouseSettings settings = WarehouseSettings.load(home.confDir());
        if (Session.noLocalWarehouse(settings, home.home)) {
            throw new ConfigException("no warehouse at " + settings.locationUri(home.home)
                    + "; pass the --home of a loaded warehouse, or load one with wcstat run --year Y");
        }
        SparkSession spark = SqlSessions.open(Spark.session(settings, home.home, System.getenv()), sessionRole, release);
        if ((allowWrites || purge) && sessionRole != Role.BUREAU) {
            System.err.println("--allow-writes and --purge are for --role bureau: the analyst role only reads");
            return Wcstat.CONFIG_ERROR;
        }
        if (purge && !allowWrites) {
            System.err.println("--purge needs --allow-writes");
            return Wcstat.CONFIG_ERROR;
        }
        StatementPolicy policy = new StatementPolicy(sessionRole, allowWrites, purge, settings.catalog().equals(WarehouseSettings.HADOOP));
        SqlRunner runner = new SqlRunner(spark, policy, resultFormat, System.out, System.err);
        if (script == null) {
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                new Shell(terminal, runner, history).run("wcstat sql on " + settings.locationUri(home.home) + " as " + sessionRole.option()
                        + (release == null ? "" : ", as of the " + release + " release"));
            }
            return 0;
        }
        for (Statements.Statement s : Statements.split(script)) {
            if (!runner.run(s.sql(), scriptName == null ? null : scriptName + ":" + s.line())) {
                return 1;
            }
        }
        return 0;
    }
}
