"""Imports yearly_load_dag.py against the Airflow stand-in in tests/stub and checks what it builds."""
from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import unittest
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import yaml

PIPELINES = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent / "stub"))

from airflow.models.baseoperator import BaseOperator  # noqa: E402  (the stand-in, found via sys.path)
from airflow.timetables.trigger import CronTriggerTimetable  # noqa: E402

DEPARTMENTS = ["civil_affairs", "education", "health"]


def load_dag_module(pipeline_file: Path, sources: Path):
    """Imports the DAG file afresh, as the scheduler would, with the given stage file and sources."""
    saved = {key: os.environ.get(key) for key in ("WCSTAT_PIPELINE_FILE", "WCSTAT_SOURCES_DIR")}
    os.environ["WCSTAT_PIPELINE_FILE"] = str(pipeline_file)
    os.environ["WCSTAT_SOURCES_DIR"] = str(sources)
    try:
        spec = importlib.util.spec_from_file_location("yearly_load_dag", PIPELINES / "yearly_load_dag.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class Variables:
    """What `var.value` offers templates: get(name, default)."""

    def __init__(self, values: dict):
        self._values = values

    def get(self, name, default=None):
        return self._values.get(name, default)


ABSENT = object()


def context(conf=None, logical_date=ABSENT, run_after=ABSENT, variables=None) -> dict:
    """A task's template context; ABSENT leaves a name out, as Airflow 2 does for run_after."""
    dag_run = SimpleNamespace(conf=conf)
    if run_after is not ABSENT:
        dag_run.run_after = run_after
    result = {"dag_run": dag_run, "var": SimpleNamespace(value=Variables(variables or {}))}
    if logical_date is not ABSENT:
        result["logical_date"] = logical_date
    return result


class YearlyLoadDagTest(unittest.TestCase):

    def setUp(self):
        self.workdir = tempfile.TemporaryDirectory()
        self.sources = Path(self.workdir.name) / "sources"
        self.sources.mkdir()
        for department in DEPARTMENTS:
            (self.sources / f"{department}.yaml").write_text(f"name: {department}\n", encoding="utf-8")
        (self.sources / "README.md").write_text("not a source\n", encoding="utf-8")
        self.pipeline_file = PIPELINES / "yearly-load.yaml"
        with open(self.pipeline_file, encoding="utf-8") as handle:
            self.stages = yaml.safe_load(handle)["stages"]
        self.module = load_dag_module(self.pipeline_file, self.sources)
        self.dag = self.module.dag

    def tearDown(self):
        self.workdir.cleanup()

    def per_source_ids(self, stage_id):
        return {f"{stage_id}_{department}" for department in DEPARTMENTS}

    def test_dag_settings(self):
        self.assertEqual("wcstat_yearly_load", self.dag.dag_id)
        self.assertIsInstance(self.dag.schedule, CronTriggerTimetable)
        self.assertEqual("0 2 1 2 *", self.dag.schedule.expression)
        self.assertEqual("Asia/Shanghai", self.dag.schedule.timezone)
        self.assertFalse(self.dag.catchup)
        self.assertEqual(1, self.dag.max_active_runs)
        self.assertEqual(datetime(2021, 1, 1, tzinfo=timezone.utc), self.dag.start_date)
        self.assertIn("wcstat", self.dag.tags)

    def test_one_ingest_task_per_department_then_the_stages_in_order(self):
        expected = self.per_source_ids("ingest") | {"compute", "assess", "publish", "maintain"}
        self.assertEqual(expected, set(self.dag.task_ids))
        for task_id in self.per_source_ids("ingest"):
            task = self.dag.get_task(task_id)
            self.assertEqual(set(), task.upstream_task_ids, task_id)
            self.assertEqual({"compute"}, task.downstream_task_ids, task_id)
        self.assertEqual(self.per_source_ids("ingest"), self.dag.get_task("compute").upstream_task_ids)
        self.assertEqual({"assess"}, self.dag.get_task("compute").downstream_task_ids)
        self.assertEqual({"compute"}, self.dag.get_task("assess").upstream_task_ids)
        self.assertEqual({"publish"}, self.dag.get_task("assess").downstream_task_ids)
        self.assertEqual({"assess"}, self.dag.get_task("publish").upstream_task_ids)
        self.assertEqual({"maintain"}, self.dag.get_task("publish").downstream_task_ids)
        self.assertEqual({"publish"}, self.dag.get_task("maintain").upstream_task_ids)
        self.assertEqual(set(), self.dag.get_task("maintain").downstream_task_ids)

    def test_retries_delays_and_timeouts_come_from_the_stage_file(self):
        for stage in self.stages:
            ids = self.per_source_ids(stage["id"]) if stage.get("per_source") else {stage["id"]}
            for task_id in ids:
                task = self.dag.get_task(task_id)
                self.assertEqual(stage["retries"], task.retries, task_id)
                self.assertEqual(timedelta(minutes=stage["retry_delay_minutes"]), task.retry_delay, task_id)
                self.assertEqual(timedelta(minutes=stage["timeout_minutes"]), task.execution_timeout, task_id)

    def test_tasks_submit_the_jobs_jar_with_job_year_source_and_home(self):
        ingest = self.dag.get_task("ingest_health")
        self.assertEqual("org.wcstat.jobs.JobMain", ingest.java_class)
        self.assertEqual("spark_default", ingest.conn_id)
        rendered = ingest.render_template_fields(context(conf={"year": 2023}))
        self.assertEqual(
            ["ingest", "--year", "2023", "--source", "health", "--home", "/opt/wcstat"],
            rendered["application_args"])
        self.assertEqual("/opt/wcstat/lib/wcstat-jobs.jar", rendered["application"])
        options = rendered["conf"]["spark.driver.extraJavaOptions"]
        self.assertIn("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", options)
        self.assertIn("--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", options)

        compute = self.dag.get_task("compute").render_template_fields(
            context(conf={"year": 2023}, variables={"wcstat_home": "/srv/wcstat",
                                                    "wcstat_jobs_jar": "/srv/jobs.jar"}))
        self.assertEqual(["compute", "--year", "2023", "--home", "/srv/wcstat"], compute["application_args"])
        self.assertEqual("/srv/jobs.jar", compute["application"])

        assess = self.dag.get_task("assess").render_template_fields(context(conf={"year": 2023}))
        self.assertEqual(["assess", "--year", "2023", "--home", "/opt/wcstat"], assess["application_args"])

        maintain = self.dag.get_task("maintain").render_template_fields(context(conf={"year": 2023}))
        self.assertEqual(["maintain", "--year", "2023", "--home", "/opt/wcstat"], maintain["application_args"])

    def year_for(self, **run) -> str:
        rendered = self.dag.get_task("publish").render_template_fields(context(**run))
        arguments = rendered["application_args"]
        return arguments[arguments.index("--year") + 1]

    def test_year_comes_from_the_run_conf(self):
        self.assertEqual("2019", self.year_for(conf={"year": 2019},
                                               logical_date=datetime(2026, 2, 1, tzinfo=timezone.utc)))

    def test_year_defaults_to_the_year_before_the_logical_date(self):
        self.assertEqual("2025", self.year_for(conf={}, logical_date=datetime(2026, 2, 1, tzinfo=timezone.utc)))
        # a backfill of an old year behaves like the scheduled run it stands for
        self.assertEqual("2021", self.year_for(conf=None, logical_date=datetime(2022, 1, 1, tzinfo=timezone.utc)))

    def test_year_falls_back_to_run_after_when_the_run_has_no_logical_date(self):
        run_after = datetime(2025, 7, 3, tzinfo=timezone.utc)
        self.assertEqual("2024", self.year_for(conf={}, logical_date=None, run_after=run_after))
        self.assertEqual("2024", self.year_for(conf={}, run_after=run_after))

    def test_airflow_2_runs_never_touch_run_after(self):
        # Airflow 2's DagRun has no run_after; with StrictUndefined any use of it would fail the task
        self.assertEqual("2021", self.year_for(conf={}, logical_date=datetime(2022, 2, 1, tzinfo=timezone.utc)))
        self.assertEqual("2019", self.year_for(conf={"year": "2019"}, logical_date=datetime(2022, 2, 1, tzinfo=timezone.utc)))

    def test_new_stages_in_the_file_appear_without_touching_the_dag(self):
        definition = yaml.safe_load(self.pipeline_file.read_text(encoding="utf-8"))
        stages = definition["stages"]
        stages.insert(1, {"id": "validate", "job": "validate", "per_source": True, "after": ["ingest"],
                          "retries": 0, "retry_delay_minutes": 1, "timeout_minutes": 10})
        stages[2]["after"] = ["validate"]
        stages.insert(4, {"id": "review", "job": "review", "after": ["assess"],
                          "retries": 1, "retry_delay_minutes": 2, "timeout_minutes": 20})
        stages[5]["after"] = ["review"]
        extended = Path(self.workdir.name) / "yearly-load.yaml"
        extended.write_text(yaml.safe_dump(definition), encoding="utf-8")

        dag = load_dag_module(extended, self.sources).dag

        self.assertEqual(self.per_source_ids("ingest") | self.per_source_ids("validate")
                         | {"compute", "assess", "review", "publish", "maintain"}, set(dag.task_ids))
        # department by department: validating health waits for health's ingest only
        self.assertEqual({"ingest_health"}, dag.get_task("validate_health").upstream_task_ids)
        self.assertEqual(self.per_source_ids("validate"), dag.get_task("compute").upstream_task_ids)
        self.assertEqual({"review"}, dag.get_task("publish").upstream_task_ids)
        self.assertEqual(timedelta(minutes=20), dag.get_task("review").execution_timeout)
        rendered = dag.get_task("validate_education").render_template_fields(context(conf={"year": 2024}))
        self.assertEqual(["validate", "--year", "2024", "--source", "education", "--home", "/opt/wcstat"],
                         rendered["application_args"])

    def test_a_stage_after_an_unknown_stage_is_refused(self):
        broken = Path(self.workdir.name) / "broken.yaml"
        broken.write_text(yaml.safe_dump({"stages": [{"id": "compute", "job": "compute", "after": ["ingest"]}]}),
                          encoding="utf-8")
        with self.assertRaisesRegex(ValueError, "runs after 'ingest'"):
            load_dag_module(broken, self.sources)

    def test_no_department_sources_is_a_clear_error(self):
        empty = Path(self.workdir.name) / "empty"
        empty.mkdir()
        with self.assertRaisesRegex(FileNotFoundError, "WCSTAT_SOURCES_DIR"):
            load_dag_module(self.pipeline_file, empty)

    def test_departments_of_a_folder_that_extends_another_are_both_folders(self):
        # a county's conf/ extending the shared one (layer.yaml): its own justice, and health from the shared folder
        shared = Path(self.workdir.name) / "shared" / "conf"
        (shared / "sources").mkdir(parents=True)
        (shared / "sources" / "health.yaml").write_text("department: health\n", encoding="utf-8")
        county = Path(self.workdir.name) / "county" / "conf"
        (county / "sources").mkdir(parents=True)
        (county / "sources" / "justice.yaml").write_text("department: justice\n", encoding="utf-8")
        (county / "layer.yaml").write_text("extends: ../../shared/conf\n", encoding="utf-8")
        dag = load_dag_module(self.pipeline_file, county / "sources").dag
        self.assertIn("ingest_health", dag.task_ids)
        self.assertIn("ingest_justice", dag.task_ids)

    def test_every_task_is_an_operator_of_this_dag(self):
        for task_id in self.dag.task_ids:
            task = self.dag.get_task(task_id)
            self.assertIsInstance(task, BaseOperator)
            self.assertIs(self.dag, task.dag)


if __name__ == "__main__":
    unittest.main()
