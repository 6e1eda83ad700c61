package org.wcstat.core.assess;

/**
 * One early warning.
 *
 * @param severity high, medium or low
 * @param reason   one sentence naming the indicator, the breakdown and the numbers behind the warning
 */
public record Warning(String indicator, Breakdown breakdown, WarningKind kind, Severity severity, String reason) {

    public enum Severity {
        HIGH, MEDIUM, LOW;

        public String code() {
            return name().toLowerCase();
        }
    }
}
