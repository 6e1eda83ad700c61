package org.wcstat.airflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The yearly-load DAG's operations: runs named after the year they load. */
public final class YearlyLoad {

    public static final String DAG_ID = "wcstat_yearly_load";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AirflowApi api;
    private final String dagId;
    private final Clock clock;

    public YearlyLoad(AirflowApi api, String dagId, Clock clock) {
        this.api = api;
        this.dagId = dagId;
        this.clock = clock;
    }

    public YearlyLoad(AirflowApi api, String dagId) {
        this(api, dagId, Clock.system(ZONE));
    }

    public String dagId() {
        return dagId;
    }

    public AirflowApi api() {
        return api;
    }

    /** Starts a run for the year now; Airflow picks the logical date. */
    public DagRun trigger(int year) {
        return api.trigger(dagId, new TriggerRequest(runId("manual", year), null, conf(year)));
    }

    /**
     * One run per year, oldest first. Each run's logical date is the first instant of the following year,
     * so the DAG's default ("the year before the logical date") agrees with the conf.
     */
    public Backfill backfill(int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        List<DagRun> started = new ArrayList<>();
        Map<Integer, String> refused = new LinkedHashMap<>();
        for (int year = from; year <= to; year++) {
            OffsetDateTime logicalDate = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toOffsetDateTime();
            try {
                started.add(api.trigger(dagId, new TriggerRequest(runId("backfill", year), logicalDate, conf(year))));
            } catch (AirflowException e) {
                if (!e.isConflict()) {
                    throw e;
                }
                // an existing run for one year should not keep the other years from loading
                refused.put(year, e.getMessage());
            }
        }
        return new Backfill(List.copyOf(started), Map.copyOf(refused));
    }

    public DagRun run(Optional<String> runId) {
        return runId.map(id -> api.run(dagId, id)).orElseGet(this::latest);
    }

    public List<TaskInstance> tasks(DagRun run) {
        return api.taskInstances(dagId, run.runId());
    }

    /** Clears the failed tasks of the run (the latest when none is named); returns the run and the cleared task ids. */
    public Cleared clearFailed(Optional<String> runId) {
        String id = runId.orElseGet(() -> latest().runId());
        return new Cleared(id, api.clearFailed(dagId, id));
    }

    public boolean pause(boolean paused) {
        return api.setPaused(dagId, paused);
    }

    private DagRun latest() {
        return api.latestRun(dagId).orElseThrow(() -> new AirflowException("DAG " + dagId + " has no runs yet;"
                + " start one with `wcstat airflow trigger --year <year>`.", AirflowException.NO_STATUS, null));
    }

    /** Airflow 3 allows only [A-Za-z0-9_.~:+-] in run ids by default, so the year goes in as {@code y2024}. */
    String runId(String kind, int year) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZONE)).truncatedTo(ChronoUnit.SECONDS);
        return kind + "_y" + year + "__" + StableApi.format(now);
    }

    private static Map<String, Object> conf(int year) {
        return Map.of("year", year);
    }

    public record Backfill(List<DagRun> started, Map<Integer, String> refused) {
    }

    public record Cleared(String runId, List<String> taskIds) {
    }
}
