# TEST STAND-IN, NOT AIRFLOW.
# A minimal imitation of the part of Apache Airflow that yearly_load_dag.py uses, so the DAG
# file can be imported and checked where Airflow is not installed. Never deploy it.

from __future__ import annotations

from airflow.models.baseoperator import BaseOperator


class SparkSubmitOperator(BaseOperator):
    """Stores what would be passed to spark-submit; submits nothing."""

    # the fields the real operator templates (provider 4.x / 5.x)
    template_fields = ("application", "conf", "env_vars", "properties_file", "application_args", "name")

    def __init__(self, *, application: str = "", conf: dict | None = None,
                 conn_id: str = "spark_default", java_class: str | None = None,
                 application_args: list | None = None, name: str = "arrow-spark",
                 env_vars: dict | None = None, properties_file: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.application = application
        self.conf = conf
        self.conn_id = conn_id
        self.java_class = java_class
        self.application_args = application_args
        self.name = name
        self.env_vars = env_vars
        self.properties_file = properties_file
