package org.wcstat.jobs.publish;

/** One early warning of indicators.warning, for the breakdown it names. */
record EarlyWarning(String indicator, String region, String sex, String ageBand, String residence,
                    String kind, String severity, String reason) {
}
