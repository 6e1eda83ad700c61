package org.wcstat.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What v1 and v2 share: resource paths, task instances, pausing. */
abstract class StableApi implements AirflowApi {

    /** ISO-8601 with an explicit offset, never a bare local time: Airflow would read that in its own zone. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    // the yearly DAG has one task per department plus a few stages: one page is plenty
    static final int PAGE = 100;

    protected final AirflowHttp http;

    StableApi(AirflowHttp http) {
        this.http = http;
    }

    protected String dag(String dagId) {
        return version().prefix() + "/dags/" + PathSegment.encode(dagId);
    }

    protected String runPath(String dagId, String runId) {
        return dag(dagId) + "/dagRuns/" + PathSegment.encode(runId);
    }

    protected static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    protected static String format(OffsetDateTime time) {
        return time.format(DATE_TIME);
    }

    protected abstract DagRun toRun(JsonNode node);

    /** How the version writes a trigger without a logical date: v1 leaves the field out, v2 sends null. */
    protected abstract void noLogicalDate(ObjectNode body);

    @Override
    public DagRun trigger(String dagId, TriggerRequest request) {
        ObjectNode body = object().put("dag_run_id", request.runId());
        if (request.logicalDate() != null) {
            body.put("logical_date", format(request.logicalDate()));
        } else {
            noLogicalDate(body);
        }
        body.set("conf", confOf(request));
        return toRun(http.call(Call.send("POST", dag(dagId) + "/dagRuns", body, "trigger DAG " + dagId)
                .onConflict(conflictAdvice(dagId, request.runId()))));
    }

    protected abstract String latestOrder();

    @Override
    public DagRun run(String dagId, String runId) {
        return toRun(http.call(Call.get(runPath(dagId, runId), "read run " + runId + " of DAG " + dagId)));
    }

    @Override
    public Optional<DagRun> latestRun(String dagId) {
        JsonNode answer = http.call(Call.get(dag(dagId) + "/dagRuns?limit=1&order_by=" + PathSegment.encodeQuery(latestOrder()),
                "list the runs of DAG " + dagId));
        JsonNode runs = answer.path("dag_runs");
        return runs.isEmpty() ? Optional.empty() : Optional.of(toRun(runs.get(0)));
    }

    @Override
    public List<TaskInstance> taskInstances(String dagId, String runId) {
        JsonNode answer = http.call(Call.get(runPath(dagId, runId) + "/taskInstances?limit=" + PAGE,
                "list the tasks of run " + runId + " of DAG " + dagId));
        List<TaskInstance> tasks = new ArrayList<>();
        for (JsonNode task : answer.path("task_instances")) {
            String taskId = task.path("task_id").asText();
            int tries = task.path("try_number").asInt(0);
            List<URI> logs = new ArrayList<>();
            for (int attempt = 1; attempt <= tries; attempt++) {
                logs.add(http.resolve(runPath(dagId, runId) + "/taskInstances/" + PathSegment.encode(taskId) + "/logs/" + attempt));
            }
            JsonNode state = task.path("state");
            tasks.add(new TaskInstance(taskId, state.isTextual() ? state.asText() : null, tries, List.copyOf(logs)));
        }
        return tasks;
    }

    @Override
    public List<String> clearFailed(String dagId, String runId) {
        ObjectNode body = object()
                .put("dry_run", false)
                .put("dag_run_id", runId)
                .put("only_failed", true)
                .put("reset_dag_runs", true);
        JsonNode answer = http.call(Call.send("POST", dag(dagId) + "/clearTaskInstances", body,
                "clear the failed tasks of run " + runId + " of DAG " + dagId));
        List<String> cleared = new ArrayList<>();
        for (JsonNode task : answer.path("task_instances")) {
            cleared.add(task.path("task_id").asText());
        }
        return cleared;
    }

    @Override
    public boolean setPaused(String dagId, boolean paused) {
        ObjectNode body = object().put("is_paused", paused);
        JsonNode answer = http.call(Call.send("PATCH", dag(dagId) + "?update_mask=is_paused", body,
                (paused ? "pause" : "unpause") + " DAG " + dagId));
        return answer.path("is_paused").asBoolean(paused);
    }

    protected static OffsetDateTime dateTime(JsonNode node) {
        return node.isTextual() ? OffsetDateTime.parse(node.asText()) : null;
    }

    protected static DagRun toRun(JsonNode node, JsonNode logicalDate) {
        JsonNode conf = node.path("conf");
        return new DagRun(node.path("dag_id").asText(), node.path("dag_run_id").asText(), node.path("state").asText(null),
                dateTime(logicalDate), conf.isObject() ? conf : object());
    }

    protected JsonNode confOf(TriggerRequest request) {
        return JsonSupport.MAPPER.valueToTree(request.conf());
    }

    protected String conflictAdvice(String dagId, String runId) {
        return "A run with id " + runId + " (or the same logical date) already exists in DAG " + dagId + ". To run it again,"
                + " clear it with `wcstat airflow clear --run-id " + runId + "`; to start a separate run, trigger again"
                + " (a new run id) after a moment.";
    }
}
