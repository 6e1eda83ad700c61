package org.wcstat.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunWaiterTest {

    static final String DAG = "wcstat_yearly_load";
    static final String RUN = "manual_y2024__2026-03-05T10:00:00+08:00";

    /** A clock the waiter's pauses move forward, so no test sleeps. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-03-05T02:00:00Z");
        final List<Duration> pauses = new ArrayList<>();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pause(Duration duration) {
            pauses.add(duration);
            now = now.plus(duration);
        }
    }

    /** Plays back one poll after another: run state and task states. */
    static final class Script implements AirflowApi {
        final Deque<String> runStates = new ArrayDeque<>();
        final Deque<List<TaskInstance>> taskStates = new ArrayDeque<>();

        Script poll(String runState, TaskInstance... tasks) {
            runStates.add(runState);
            taskStates.add(List.of(tasks));
            return this;
        }

        @Override
        public ApiVersion version() {
            return ApiVersion.V2;
        }

        @Override
        public DagRun run(String dagId, String runId) {
            String state = runStates.size() > 1 ? runStates.poll() : runStates.peek();
            return new DagRun(dagId, runId, state, null, Canned.object());
        }

        @Override
        public List<TaskInstance> taskInstances(String dagId, String runId) {
            return taskStates.size() > 1 ? taskStates.poll() : taskStates.peek();
        }

        @Override
        public DagRun trigger(String dagId, TriggerRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<DagRun> latestRun(String dagId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> clearFailed(String dagId, String runId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean setPaused(String dagId, boolean paused) {
            throw new UnsupportedOperationException();
        }
    }

    static TaskInstance task(String id, String state, int tries) {
        List<URI> logs = new ArrayList<>();
        for (int i = 1; i <= tries; i++) {
            logs.add(URI.create("http://airflow:8080/api/v2/dags/" + DAG + "/dagRuns/x/taskInstances/" + id + "/logs/" + i));
        }
        return new TaskInstance(id, state, tries, logs);
    }

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    final ManualClock clock = new ManualClock();

    List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
    }

    @Test
    void printsALineOnlyWhenAStateChanges() {
        Script script = new Script()
                .poll("queued", task("ingest_health", null, 0), task("compute", null, 0))
                .poll("running", task("ingest_health", "running", 1), task("compute", null, 0))
                .poll("running", task("ingest_health", "running", 1), task("compute", null, 0))
                .poll("running", task("ingest_health", "up_for_retry", 1), task("compute", null, 0))
                .poll("running", task("ingest_health", "success", 2), task("compute", "running", 1))
                .poll("success", task("ingest_health", "success", 2), task("compute", "success", 1));

        DagRun run = new RunWaiter(script, out, Duration.ofSeconds(10), Duration.ofHours(1), clock, clock::pause).await(DAG, RUN);

        assertEquals("success", run.state());
        assertEquals(List.of(
                "run " + RUN + ": queued",
                "  ingest_health: none",
                "  compute: none",
                "run " + RUN + ": queued -> running",
                "  ingest_health: none -> running",
                "  ingest_health: running -> up_for_retry",
                "  ingest_health: up_for_retry -> success (try 2)",
                "  compute: none -> running",
                "run " + RUN + ": running -> success",
                "  compute: running -> success"), lines());
        assertEquals(5, clock.pauses.size());
        assertTrue(clock.pauses.stream().allMatch(Duration.ofSeconds(10)::equals));
    }

    @Test
    void aFailedRunEndsTheWaitAndPointsAtTheFailedTasksLog() {
        Script script = new Script()
                .poll("running", task("ingest_health", "running", 1))
                .poll("failed", task("ingest_health", "failed", 3));

        DagRun run = new RunWaiter(script, out, Duration.ofSeconds(5), Duration.ofHours(1), clock, clock::pause).await(DAG, RUN);

        assertEquals("failed", run.state());
        assertTrue(lines().contains("  log of ingest_health: http://airflow:8080/api/v2/dags/" + DAG
                + "/dagRuns/x/taskInstances/ingest_health/logs/3"), lines().toString());
    }

    @Test
    void givesUpAfterTheTimeoutAndSaysTheRunGoesOn() {
        Script script = new Script().poll("running", task("compute", "running", 1));
        RunWaiter waiter = new RunWaiter(script, out, Duration.ofMinutes(1), Duration.ofMinutes(5), clock, clock::pause);

        AirflowException e = assertThrows(AirflowException.class, () -> waiter.await(DAG, RUN));

        assertTrue(e.getMessage().contains("still running after 300s"), e.getMessage());
        assertTrue(e.getMessage().contains("wcstat airflow status --run-id " + RUN), e.getMessage());
        assertEquals(4, clock.pauses.size(), "polls at 0, 1, 2, 3 and 4 minutes, no pause past the deadline");
    }

    @Test
    void refusesAPollIntervalOfZero() {
        assertThrows(IllegalArgumentException.class,
                () -> new RunWaiter(new Script(), out, Duration.ZERO, Duration.ofMinutes(1), clock, clock::pause));
    }
}
