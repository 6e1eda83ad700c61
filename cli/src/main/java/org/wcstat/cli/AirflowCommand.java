package org.wcstat.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wcstat.airflow.AirflowApi;
import org.wcstat.airflow.AirflowClient;
import org.wcstat.airflow.AirflowException;
import org.wcstat.airflow.ApiVersion;
import org.wcstat.airflow.Credentials;
import org.wcstat.airflow.DagRun;
import org.wcstat.airflow.RunWaiter;
import org.wcstat.airflow.TaskInstance;
import org.wcstat.airflow.YearlyLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Drives the yearly load in Airflow through its REST API (v1 on Airflow 2, v2 on Airflow 3). */
@Command(name = "airflow",
        description = {"Run the yearly load in Airflow: trigger, follow, backfill, clear, pause.",
                "Credentials come from WCSTAT_AIRFLOW_USER and WCSTAT_AIRFLOW_PASSWORD (or WCSTAT_AIRFLOW_PASSWORD_FILE)."},
        subcommands = {AirflowCommand.Trigger.class, AirflowCommand.Status.class, AirflowCommand.Backfill.class,
                AirflowCommand.Clear.class, AirflowCommand.Pause.class, AirflowCommand.Unpause.class})
public final class AirflowCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE;
    }

    /** Where Airflow is and how to talk to it; every subcommand takes these. */
    static final class Connection {
        @Option(names = "--url", defaultValue = "${env:WCSTAT_AIRFLOW_URL:-http://localhost:8080}",
                description = "Airflow's address (default: $WCSTAT_AIRFLOW_URL, else ${DEFAULT-VALUE}).")
        URI url;

        @Option(names = "--api", defaultValue = "auto", paramLabel = "v1|v2|auto",
                description = "REST API: v1 for Airflow 2, v2 for Airflow 3; auto asks the server (default).")
        String api;

        @Option(names = "--dag", defaultValue = YearlyLoad.DAG_ID, description = "DAG id (default: ${DEFAULT-VALUE}).")
        String dag;

        @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
                description = "How long one request may take (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        YearlyLoad open() {
            ApiVersion version = api.equalsIgnoreCase("auto") ? null : ApiVersion.parse(api);
            Credentials credentials = Credentials.fromEnvironment(System.getenv());
            AirflowApi client = AirflowClient.connect(url, version, credentials, Duration.ofSeconds(timeoutSeconds));
            return new YearlyLoad(client, dag);
        }
    }

    /** Runs a subcommand; failures become one clear line on stderr and a non-zero exit code. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() {
            try {
                return run(connection.open());
            } catch (AirflowException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return FAILED;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return USAGE;
            }
        }

        abstract int run(YearlyLoad load);

        void describe(DagRun run) {
            out().println("run " + run.runId() + " of " + run.dagId() + ": " + run.state()
                    + (run.logicalDate() == null ? "" : ", logical date " + run.logicalDate())
                    + (run.conf().has("year") ? ", year " + run.conf().path("year").asText() : ""));
        }
    }

    @Command(name = "trigger", description = "Start the yearly load for a year; --wait follows it to the end.")
    static final class Trigger extends Action {
        @Option(names = "--year", required = true, paramLabel = "Y", description = "The year to load.")
        int year;

        @Option(names = "--wait", description = "Follow the run, printing each task's state changes, until it ends.")
        boolean await;

        @Option(names = "--poll", defaultValue = "15", paramLabel = "SECONDS", description = "Poll interval with --wait (default: ${DEFAULT-VALUE}).")
        long pollSeconds;

        @Option(names = "--wait-timeout", defaultValue = "240", paramLabel = "MINUTES",
                description = "Give up waiting after this long; the run goes on (default: ${DEFAULT-VALUE}).")
        long waitMinutes;

        @Override
        int run(YearlyLoad load) {
            DagRun run = load.trigger(year);
            out().print("triggered ");
            describe(run);
            if (!await) {
                out().println("follow it with: wcstat airflow status --run-id " + run.runId());
                return 0;
            }
            out().flush();
            RunWaiter waiter = new RunWaiter(load.api(), System.out, Duration.ofSeconds(pollSeconds), Duration.ofMinutes(waitMinutes));
            DagRun finished = waiter.await(load.dagId(), run.runId());
            if (finished.succeeded()) {
                out().println("run " + finished.runId() + " succeeded");
                return 0;
            }
            spec.commandLine().getErr().println("error: run " + finished.runId() + " " + finished.state()
                    + "; read the task logs above, fix the cause, then re-run the failed tasks with"
                    + " `wcstat airflow clear --run-id " + finished.runId() + "`");
            return FAILED;
        }
    }

    @Command(name = "status", description = "Show a run (the latest by default), its tasks and where their logs are.")
    static final class Status extends Action {
        @Option(names = "--run-id", paramLabel = "R", description = "The run to show (default: the latest).")
        String runId;

        @Override
        int run(YearlyLoad load) {
            DagRun run = load.run(Optional.ofNullable(runId));
            describe(run);
            List<TaskInstance> tasks = load.tasks(run);
            int width = tasks.stream().mapToInt(t -> t.taskId().length()).max().orElse(4);
            for (TaskInstance task : tasks) {
                String log = task.logs().isEmpty() ? "" : "  log: " + task.logs().get(task.logs().size() - 1);
                out().printf("  %-" + width + "s  %-16s try %d%s%n", task.taskId(), task.stateOrNone(), task.tryNumber(), log);
            }
            return "failed".equals(run.state()) ? FAILED : 0;
        }
    }

    @Command(name = "backfill", description = "Start one run per year from --from to --to, each with conf year=Y.")
    static final class Backfill extends Action {
        @Option(names = "--from", required = true, paramLabel = "Y1", description = "First year to load.")
        int from;

        @Option(names = "--to", required = true, paramLabel = "Y2", description = "Last year to load.")
        int to;

        @Override
        int run(YearlyLoad load) {
            YearlyLoad.Backfill backfill = load.backfill(from, to);
            for (DagRun run : backfill.started()) {
                out().print("triggered ");
                describe(run);
            }
            for (Map.Entry<Integer, String> refused : backfill.refused().entrySet()) {
                spec.commandLine().getErr().println("error: year " + refused.getKey() + ": " + refused.getValue());
            }
            return backfill.refused().isEmpty() ? 0 : FAILED;
        }
    }

    @Command(name = "clear", description = "Clear the failed tasks of a run (the latest by default) so Airflow runs them again.")
    static final class Clear extends Action {
        @Option(names = "--run-id", paramLabel = "R", description = "The run whose failed tasks to clear (default: the latest).")
        String runId;

        @Override
        int run(YearlyLoad load) {
            YearlyLoad.Cleared cleared = load.clearFailed(Optional.ofNullable(runId));
            if (cleared.taskIds().isEmpty()) {
                out().println("run " + cleared.runId() + " has no failed tasks to clear");
            } else {
                out().println("cleared in run " + cleared.runId() + ": " + String.join(", ", cleared.taskIds()));
            }
            return 0;
        }
    }

    @Command(name = "pause", description = "Pause the DAG: no new scheduled runs.")
    static final class Pause extends Action {
        @Override
        int run(YearlyLoad load) {
            boolean paused = load.pause(true);
            out().println("DAG " + load.dagId() + (paused ? " is paused" : " is still not paused"));
            return paused ? 0 : FAILED;
        }
    }

    @Command(name = "unpause", description = "Unpause the DAG: scheduled runs resume.")
    static final class Unpause extends Action {
        @Override
        int run(YearlyLoad load) {
            boolean paused = load.pause(false);
            out().println("DAG " + load.dagId() + (paused ? " is still paused" : " is unpaused"));
            return paused ? FAILED : 0;
        }
    }
}
