package org.wcstat.core.assess;

/** The early warnings of 四、监测评估: indicators expected to be hard to complete, or fluctuating strongly. */
public enum WarningKind {
    PROJECTED_MISS, NEEDS_ACCELERATION, FLUCTUATION, GROUP_LAG, MISSING_YEAR, IMPLAUSIBLE;

    public String code() {
        return name().toLowerCase();
    }
}
