# TEST STAND-IN, NOT AIRFLOW.
# A minimal imitation of the part of Apache Airflow that yearly_load_dag.py uses, so the DAG
# file can be imported and checked where Airflow is not installed. Never deploy it.

from __future__ import annotations


class CronTriggerTimetable:
    """Keeps the cron expression and time zone; schedules nothing."""

    def __init__(self, cron: str, *, timezone: str = "UTC"):
        if len(cron.split()) != 5:
            raise ValueError(f"not a five-field cron expression: {cron!r}")
        self.expression = cron
        self.timezone = timezone
