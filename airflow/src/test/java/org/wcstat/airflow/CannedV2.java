package org.wcstat.airflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Airflow 3.2's answers. */
final class CannedV2 implements Canned {

    static final String DAG = YearlyLoad.DAG_ID;
    static final String TOKEN = "eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJzdGF0cyJ9.c2lnbmF0dXJl";

    @Override
    public ApiVersion version() {
        return ApiVersion.V2;
    }

    @Override
    public OpenApiContract contract() {
        return OpenApiContract.airflow3();
    }

    @Override
    public void allowLogin(FakeAirflow airflow) {
        // /auth/token belongs to the auth manager, not to the /api/v2 document
        airflow.answerOutsideContract("POST", "/auth/token", 201, Canned.text(Canned.object().put("access_token", TOKEN)));
    }

    @Override
    public String dagRun(String runId, String state, String logicalDate, int year) {
        ObjectNode run = Canned.object()
                .put("dag_id", DAG)
                .put("dag_display_name", DAG)
                .put("dag_run_id", runId)
                .put("logical_date", logicalDate)
                .put("run_after", logicalDate == null ? "2026-03-05T10:00:00+08:00" : logicalDate)
                .put("run_type", "manual")
                .put("state", state)
                .put("triggered_by", "rest_api")
                .putNull("start_date")
                .putNull("end_date")
                .putNull("queued_at")
                .putNull("note");
        run.putArray("dag_versions").addObject()
                .put("id", "0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b")
                .put("version_number", 1)
                .put("dag_id", DAG)
                .put("dag_display_name", DAG)
                .put("created_at", "2026-01-10T09:00:00Z");
        run.putObject("conf").put("year", year);
        return Canned.text(run);
    }

    @Override
    public String taskInstances(String runId, Object[]... tasks) {
        ObjectNode answer = Canned.object();
        ArrayNode list = answer.putArray("task_instances");
        int n = 0;
        for (Object[] task : tasks) {
            list.add(instance(runId, (String) task[0], (String) task[1], (Integer) task[2], n++));
        }
        answer.put("total_entries", tasks.length);
        return Canned.text(answer);
    }

    private static ObjectNode instance(String runId, String taskId, String state, int tryNumber, int n) {
        ObjectNode instance = Canned.object()
                .put("id", String.format("0193a1b2-7c3d-7e4f-8a9b-%012d", n))
                .put("task_id", taskId)
                .put("task_display_name", taskId)
                .put("dag_id", DAG)
                .put("dag_display_name", DAG)
                .put("dag_run_id", runId)
                .put("map_index", -1)
                .put("run_after", "2026-02-01T02:00:00+08:00")
                .put("try_number", tryNumber)
                .put("max_tries", 3)
                .put("pool", "default_pool")
                .put("pool_slots", 1)
                .put("executor_config", "{}")
                .put("operator_name", "SparkSubmitOperator")
                .putNull("start_date")
                .putNull("end_date");
        if (state == null) {
            instance.putNull("state");
        } else {
            instance.put("state", state);
        }
        return instance;
    }

    @Override
    public String cleared(String runId, String... taskIds) {
        ObjectNode answer = Canned.object();
        ArrayNode list = answer.putArray("task_instances");
        int n = 0;
        for (String taskId : taskIds) {
            list.add(instance(runId, taskId, null, 1, n++));
        }
        answer.put("total_entries", taskIds.length);
        return Canned.text(answer);
    }

    @Override
    public String dag(boolean paused) {
        ObjectNode dag = Canned.object()
                .put("dag_id", DAG)
                .put("dag_display_name", DAG)
                .put("is_paused", paused)
                .put("is_stale", false)
                .put("fileloc", "/opt/airflow/dags/wcstat/yearly_load_dag.py")
                .put("timetable_partitioned", false)
                .put("max_active_tasks", 16)
                .put("max_consecutive_failed_dag_runs", 0)
                .put("has_task_concurrency_limits", false)
                .put("has_import_errors", false)
                .put("file_token", "Ii9vcHQvYWlyZmxvdy9kYWdzIg");
        dag.putArray("tags").addObject().put("name", "wcstat").put("dag_id", DAG).put("dag_display_name", DAG);
        dag.putArray("owners").add("airflow");
        return Canned.text(dag);
    }

    @Override
    public String error(int status, String title, String detail) {
        return Canned.text(Canned.object().put("detail", detail));
    }
}
