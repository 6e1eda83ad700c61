# TEST STAND-IN, NOT AIRFLOW.
# A minimal imitation of the part of Apache Airflow that yearly_load_dag.py uses, so the DAG
# file can be imported and checked where Airflow is not installed. Never deploy it.

from __future__ import annotations

from datetime import timedelta

import jinja2

from airflow.models.dag import DAG


class BaseOperator:
    """Task with Airflow's `>>` wiring and template rendering of its template_fields."""

    template_fields: tuple[str, ...] = ()

    def __init__(self, *, task_id: str, retries: int = 0,
                 retry_delay: timedelta = timedelta(seconds=300),
                 execution_timeout: timedelta | None = None, dag: DAG | None = None):
        if not isinstance(retry_delay, timedelta):
            raise TypeError("retry_delay must be a timedelta")
        if execution_timeout is not None and not isinstance(execution_timeout, timedelta):
            raise TypeError("execution_timeout must be a timedelta")
        self.task_id = task_id
        self.retries = retries
        self.retry_delay = retry_delay
        self.execution_timeout = execution_timeout
        self.upstream_task_ids: set[str] = set()
        self.downstream_task_ids: set[str] = set()
        self.dag = None
        owner = dag or DAG.current()
        if owner is None:
            raise RuntimeError(f"task {task_id!r} was created outside a DAG")
        owner.add_task(self)

    def set_downstream(self, other: "BaseOperator") -> None:
        self.downstream_task_ids.add(other.task_id)
        other.upstream_task_ids.add(self.task_id)

    def __rshift__(self, other):
        for task in other if isinstance(other, (list, tuple)) else [other]:
            self.set_downstream(task)
        return other

    def __rrshift__(self, other):
        for task in other if isinstance(other, (list, tuple)) else [other]:
            task.set_downstream(self)
        return self

    def render_template_fields(self, context: dict) -> dict:
        """Renders each template field the way Airflow does before execute(), returning the results."""
        # Airflow's default for DAG.template_undefined: a missing name is an error, not an empty string
        environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
        return {name: _render(environment, getattr(self, name), context) for name in self.template_fields}


def _render(environment: jinja2.Environment, value, context: dict):
    if isinstance(value, str):
        return environment.from_string(value).render(**context)
    if isinstance(value, list):
        return [_render(environment, item, context) for item in value]
    if isinstance(value, dict):
        return {key: _render(environment, item, context) for key, item in value.items()}
    return value
