# TEST STAND-IN, NOT AIRFLOW.
# A minimal imitation of the part of Apache Airflow that yearly_load_dag.py uses, so the DAG
# file can be imported and checked where Airflow is not installed. Never deploy it.

from __future__ import annotations

from datetime import datetime


class DAG:
    """Collects the operators created inside its `with` block, like Airflow's DAG."""

    _active: list["DAG"] = []

    def __init__(self, dag_id: str, *, schedule=None, start_date: datetime | None = None,
                 catchup: bool = True, max_active_runs: int = 16, tags=None,
                 description: str | None = None, doc_md: str | None = None, **unsupported):
        if unsupported:
            raise TypeError(f"the stand-in DAG does not know {sorted(unsupported)}")
        if start_date is not None and start_date.tzinfo is None:
            raise ValueError("start_date must be timezone-aware")
        self.dag_id = dag_id
        self.schedule = schedule
        self.start_date = start_date
        self.catchup = catchup
        self.max_active_runs = max_active_runs
        self.tags = list(tags or [])
        self.description = description
        self.doc_md = doc_md
        self.task_dict: dict = {}

    def __enter__(self) -> "DAG":
        DAG._active.append(self)
        return self

    def __exit__(self, *exc) -> None:
        DAG._active.pop()

    @classmethod
    def current(cls) -> "DAG | None":
        return cls._active[-1] if cls._active else None

    def add_task(self, task) -> None:
        if task.task_id in self.task_dict:
            raise ValueError(f"duplicate task id {task.task_id!r} in DAG {self.dag_id!r}")
        self.task_dict[task.task_id] = task
        task.dag = self

    @property
    def task_ids(self) -> list[str]:
        return list(self.task_dict)

    def get_task(self, task_id: str):
        return self.task_dict[task_id]
