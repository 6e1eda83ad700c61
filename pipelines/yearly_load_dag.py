"""The yearly load of the women's and children's outline statistics, as an Airflow DAG.

The tasks come from yearly-load.yaml, the file `wcstat run` executes, so the DAG and the
command line cannot disagree about the stages or their order. Per-source stages get one
task per department (the file stems of conf/sources/*.yaml); they run in parallel.

Works on Airflow 2.7+ and Airflow 3.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.timetables.trigger import CronTriggerTimetable

DAG_ID = "wcstat_yearly_load"
JOB_CLASS = "org.wcstat.jobs.JobMain"

HERE = Path(__file__).resolve().parent

# Parse-time settings come from the environment: reading Airflow Variables while the
# scheduler parses the file would hit the metadata database on every parse.
PIPELINE_FILE = Path(os.environ.get("WCSTAT_PIPELINE_FILE", HERE / "yearly-load.yaml"))
SPARK_CONN_ID = os.environ.get("WCSTAT_SPARK_CONN_ID", "spark_default")

# Run-time settings are templates, so changing a Variable needs no redeploy.
JOBS_JAR = "{{ var.value.get('wcstat_jobs_jar', '/opt/wcstat/lib/wcstat-jobs.jar') }}"
WCSTAT_HOME = "{{ var.value.get('wcstat_home', '/opt/wcstat') }}"

# The year named in the run's conf, else the year before the run's logical date.
# Airflow 3 runs may have no logical date (None, or missing from the context); their run_after
# stands in for it. Airflow renders with StrictUndefined, so a missing name is only ever tested
# with "is defined". Airflow 2 always has a logical date and never reaches dag_run.run_after (3.x only).
YEAR = (
    "{{ (dag_run.conf or {}).get('year') or "
    "((logical_date if logical_date is defined and logical_date else dag_run.run_after).year - 1) }}"
)

# Spark needs these on Java 17 (the list Spark's JavaModuleOptions gives).
JAVA17_OPTIONS = " ".join(
    [
        "-XX:+IgnoreUnrecognizedVMOptions",
        "--add-modules=jdk.incubator.vector",
    ]
    + [
        f"--add-opens=java.base/{package}=ALL-UNNAMED"
        for package in (
            "java.lang",
            "java.lang.invoke",
            "java.lang.reflect",
            "java.io",
            "java.net",
            "java.nio",
            "java.util",
            "java.util.concurrent",
            "java.util.concurrent.atomic",
            "jdk.internal.ref",
            "sun.nio.ch",
            "sun.nio.cs",
            "sun.security.action",
            "sun.util.calendar",
        )
    ]
    + ["-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true"]
)


def sources_dir() -> Path:
    """Where the department source definitions live: deployed next to the DAG, or the repository's conf/."""
    configured = os.environ.get("WCSTAT_SOURCES_DIR")
    if configured:
        return Path(configured)
    beside = HERE / "conf" / "sources"
    return beside if beside.is_dir() else HERE.parent / "conf" / "sources"


def source_folders(directory: Path) -> list[Path]:
    """The sources folder, then those of the configuration folders its own extends (layer.yaml, conf/README.md)."""
    folders = [directory]
    conf = directory.parent
    while (conf / "layer.yaml").is_file() and len(folders) <= 8:
        with open(conf / "layer.yaml", encoding="utf-8") as handle:
            extends = (yaml.safe_load(handle) or {}).get("extends")
        if not extends:
            break
        conf = (conf / extends).resolve()
        folders.append(conf / "sources")
    return folders


def departments(directory: Path) -> list[str]:
    names = sorted({path.stem for folder in source_folders(directory) for path in folder.glob("*.yaml")})
    if not names:
        raise FileNotFoundError(
            f"no department sources (*.yaml) in {directory}: copy conf/sources next to the DAG "
            "or set WCSTAT_SOURCES_DIR (the demo district's departments are in demo/conf/sources)"
        )
    return names


def load_stages(pipeline_file: Path) -> list[dict]:
    with open(pipeline_file, encoding="utf-8") as handle:
        definition = yaml.safe_load(handle)
    stages = definition.get("stages") or []
    if not stages:
        raise ValueError(f"{pipeline_file} defines no stages")
    known: set[str] = set()
    for stage in stages:
        for required in ("id", "job"):
            if not stage.get(required):
                raise ValueError(f"{pipeline_file}: a stage lacks '{required}': {stage}")
        for upstream in stage.get("after") or []:
            # Requiring upstream stages to come first keeps the file readable top to bottom
            # and rules out cycles.
            if upstream not in known:
                raise ValueError(
                    f"{pipeline_file}: stage '{stage['id']}' runs after '{upstream}', "
                    "which is not defined before it"
                )
        known.add(stage["id"])
    return stages


def spark_task(stage: dict, source: str | None) -> SparkSubmitOperator:
    arguments = [stage["job"], "--year", YEAR]
    if source is not None:
        arguments += ["--source", source]
    arguments += ["--home", WCSTAT_HOME]
    task_id = stage["id"] if source is None else f"{stage['id']}_{source}"
    return SparkSubmitOperator(
        task_id=task_id,
        application=JOBS_JAR,
        java_class=JOB_CLASS,
        application_args=arguments,
        conn_id=SPARK_CONN_ID,
        name=f"wcstat-{task_id}",
        conf={
            "spark.driver.extraJavaOptions": JAVA17_OPTIONS,
            "spark.executor.extraJavaOptions": JAVA17_OPTIONS,
        },
        retries=int(stage.get("retries", 0)),
        retry_delay=timedelta(minutes=int(stage.get("retry_delay_minutes", 5))),
        execution_timeout=timedelta(minutes=int(stage.get("timeout_minutes", 60))),
    )


def wire(stage: dict, tasks: dict[str, dict[str | None, SparkSubmitOperator]]) -> None:
    downstream = tasks[stage["id"]]
    for upstream_id in stage.get("after") or []:
        upstream = tasks[upstream_id]
        for source, task in downstream.items():
            if source is not None and source in upstream:
                # Two per-source stages: a department waits only for its own upstream task.
                upstream[source] >> task
            else:
                list(upstream.values()) >> task


def build(dag: DAG, stages: list[dict], sources: list[str]) -> dict[str, dict[str | None, SparkSubmitOperator]]:
    tasks: dict[str, dict[str | None, SparkSubmitOperator]] = {}
    with dag:
        for stage in stages:
            if stage.get("per_source"):
                tasks[stage["id"]] = {source: spark_task(stage, source) for source in sources}
            else:
                tasks[stage["id"]] = {None: spark_task(stage, None)}
            wire(stage, tasks)
    return tasks


STAGES = load_stages(PIPELINE_FILE)
DEPARTMENTS = departments(sources_dir())

dag = DAG(
    dag_id=DAG_ID,
    description="Yearly load: ingest each department, then compute the indicators, publish the yearbook and maintain the warehouse.",
    # A trigger timetable makes the logical date the moment the run is due on both Airflow 2
    # and 3, so "the year before the logical date" is the year just closed. February gives
    # the departments a month to close their books.
    schedule=CronTriggerTimetable("0 2 1 2 *", timezone="Asia/Shanghai"),
    start_date=datetime(2021, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    tags=["wcstat", "yearly"],
    doc_md=__doc__,
)

TASKS = build(dag, STAGES, DEPARTMENTS)
