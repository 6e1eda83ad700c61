package org.wcstat.airflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Airflow 2.10's answers. */
final class CannedV1 implements Canned {

    static final String DAG = YearlyLoad.DAG_ID;

    @Override
    public ApiVersion version() {
        return ApiVersion.V1;
    }

    @Override
    public OpenApiContract contract() {
        return OpenApiContract.airflow2();
    }

    @Override
    public void allowLogin(FakeAirflow airflow) {
        // basic auth: nothing to fetch first
    }

    @Override
    public String dagRun(String runId, String state, String logicalDate, int year) {
        ObjectNode run = Canned.object()
                .put("dag_id", DAG)
                .put("dag_run_id", runId)
                .put("logical_date", logicalDate)
                .put("execution_date", logicalDate)
                .put("data_interval_start", logicalDate)
                .put("data_interval_end", logicalDate)
                .put("external_trigger", true)
                .put("run_type", "manual")
                .put("state", state)
                .putNull("start_date")
                .putNull("end_date")
                .putNull("last_scheduling_decision")
                .putNull("note");
        run.putObject("conf").put("year", year);
        return Canned.text(run);
    }

    @Override
    public String taskInstances(String runId, Object[]... tasks) {
        ObjectNode answer = Canned.object();
        ArrayNode list = answer.putArray("task_instances");
        for (Object[] task : tasks) {
            ObjectNode instance = list.addObject()
                    .put("task_id", (String) task[0])
                    .put("dag_id", DAG)
                    .put("dag_run_id", runId)
                    .put("execution_date", "2025-02-01T02:00:00+08:00")
                    .put("try_number", (Integer) task[2])
                    .put("max_tries", 3)
                    .put("map_index", -1)
                    .put("pool", "default_pool")
                    .put("pool_slots", 1)
                    .put("operator", "SparkSubmitOperator")
                    .putNull("start_date")
                    .putNull("end_date")
                    .putNull("duration");
            if (task[1] == null) {
                instance.putNull("state");
            } else {
                instance.put("state", (String) task[1]);
            }
        }
        answer.put("total_entries", tasks.length);
        return Canned.text(answer);
    }

    @Override
    public String cleared(String runId, String... taskIds) {
        ObjectNode answer = Canned.object();
        ArrayNode list = answer.putArray("task_instances");
        for (String taskId : taskIds) {
            list.addObject().put("task_id", taskId).put("dag_id", DAG).put("dag_run_id", runId)
                    .put("execution_date", "2025-02-01T02:00:00+08:00");
        }
        return Canned.text(answer);
    }

    @Override
    public String dag(boolean paused) {
        return Canned.text(Canned.object().put("dag_id", DAG).put("is_paused", paused).put("is_active", true)
                .put("fileloc", "/opt/airflow/dags/wcstat/yearly_load_dag.py"));
    }

    @Override
    public String error(int status, String title, String detail) {
        return Canned.text(Canned.object().put("type", "https://airflow.apache.org/docs/apache-airflow/2.10.0/"
                + "stable-rest-api-ref.html#section/Errors/" + title.replace(" ", "")).put("title", title)
                .put("status", status).put("detail", detail));
    }
}
