package org.wcstat.airflow;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What a new run gets.
 *
 * @param logicalDate null lets Airflow choose (now on Airflow 2, none on Airflow 3)
 */
public record TriggerRequest(String runId, OffsetDateTime logicalDate, Map<String, Object> conf) {
}
