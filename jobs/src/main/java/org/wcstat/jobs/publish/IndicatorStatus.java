package org.wcstat.jobs.publish;

/**
 * An indicator's progress towards its target for the district as a whole, as indicators.assessment judged it.
 * An indicator the assessment has not judged for the year is {@link #notAssessed}.
 */
record IndicatorStatus(String indicator, String status, String labelZh, String labelEn, String note) {
    static final String NOT_ASSESSED = "not_assessed";

    static IndicatorStatus notAssessed(String indicator) {
        return new IndicatorStatus(indicator, NOT_ASSESSED, "未评估", "not assessed", null);
    }

    /** The label in the yearbook's language(s), e.g. "进展顺利 / on track". */
    String label(boolean english) {
        return english ? labelZh + " / " + labelEn : labelZh;
    }
}
