package org.wcstat.airflow;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Follows a run until it finishes, printing a line whenever a task or the run changes state. */
public final class RunWaiter {

    private final AirflowApi api;
    private final PrintStream out;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final Pause pause;

    public RunWaiter(AirflowApi api, PrintStream out, Duration interval, Duration timeout, Clock clock, Pause pause) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive");
        }
        this.api = api;
        this.out = out;
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
        this.pause = pause;
    }

    public RunWaiter(AirflowApi api, PrintStream out, Duration interval, Duration timeout) {
        this(api, out, interval, timeout, Clock.systemDefaultZone(), Pause.REAL);
    }

    /** Returns the finished run (success or failed); throws when the timeout passes first. */
    public DagRun await(String dagId, String runId) {
        Instant deadline = clock.instant().plus(timeout);
        Map<String, String> seen = new HashMap<>();
        String runState = null;
        while (true) {
            DagRun run = api.run(dagId, runId);
            if (!run.state().equals(runState)) {
                say("run " + runId + ": " + (runState == null ? "" : runState + " -> ") + run.state());
                runState = run.state();
            }
            List<TaskInstance> tasks = api.taskInstances(dagId, runId);
            for (TaskInstance task : tasks) {
                String before = seen.put(task.taskId(), task.stateOrNone());
                if (!task.stateOrNone().equals(before)) {
                    say("  " + task.taskId() + ": " + (before == null ? "" : before + " -> ") + task.stateOrNone()
                            + (task.tryNumber() > 1 ? " (try " + task.tryNumber() + ")" : ""));
                }
            }
            if (run.finished()) {
                tasks.stream().filter(task -> "failed".equals(task.state()) && !task.logs().isEmpty())
                        .forEach(task -> say("  log of " + task.taskId() + ": " + task.logs().get(task.logs().size() - 1)));
                return run;
            }
            if (!clock.instant().plus(interval).isBefore(deadline)) {
                throw new AirflowException("run " + runId + " of DAG " + dagId + " is still " + run.state() + " after "
                        + ErrorMessages.seconds(timeout) + "; it goes on in Airflow. Follow it with"
                        + " `wcstat airflow status --run-id " + runId + "`, or wait longer with --timeout.",
                        AirflowException.NO_STATUS, null);
            }
            try {
                pause.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AirflowException("interrupted while waiting for run " + runId, null, e);
            }
        }
    }

    private void say(String line) {
        LocalTime now = LocalTime.ofInstant(clock.instant(), ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
        out.println(now + " " + line);
    }
}
