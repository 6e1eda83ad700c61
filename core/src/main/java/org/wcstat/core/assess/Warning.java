package org.wcstat.core.assess;

import org.wcstat.core.Coded;
import org.wcstat.core.Names;
import org.wcstat.core.dimension.CellKey;

/**
 * One early warning.
 *
 * @param cell   the breakdown's cell the warning is raised for
 * @param reason one sentence naming the indicator, the breakdown and the numbers behind the warning
 */
public record Warning(String indicator, CellKey cell, WarningKind kind, Severity severity, String reason) {

    /** How urgent a warning is; the yearbook lists the most severe first. */
    public enum Severity implements Coded {
        HIGH("高", "high"),
        MEDIUM("中", "medium"),
        LOW("低", "low");

        private final Names names;

        Severity(String zh, String en) {
            this.names = new Names(zh, en);
        }

        @Override
        public Names names() {
            return names;
        }

        /** The severity indicators.warning stores as a code, e.g. high. */
        public static Severity ofCode(String code) {
            return Coded.ofCode(Severity.class, code, "warning severity");
        }
    }
}
