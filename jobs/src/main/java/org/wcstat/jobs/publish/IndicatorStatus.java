package org.wcstat.jobs.publish;

import org.wcstat.core.Bilingual;

/**
 * An indicator's progress towards its target for the district as a whole, as indicators.assessment judged it,
 * with the names it stored for the status. An indicator the assessment has not judged for the year is
 * {@link #notAssessed}.
 */
record IndicatorStatus(String indicator, String status, String zh, String en, String note) implements Bilingual {
    static final String NOT_ASSESSED = "not_assessed";

    static IndicatorStatus notAssessed(String indicator) {
        return new IndicatorStatus(indicator, NOT_ASSESSED, "未评估", "not assessed", null);
    }
}
