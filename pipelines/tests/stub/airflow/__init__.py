# TEST STAND-IN, NOT AIRFLOW.
# A minimal imitation of the part of Apache Airflow that yearly_load_dag.py uses, so the DAG
# file can be imported and checked where Airflow is not installed. Never deploy it.

from airflow.models.dag import DAG

__all__ = ["DAG"]
