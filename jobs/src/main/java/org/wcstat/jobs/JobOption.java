package org.wcstat.jobs;

import java.util.Arrays;
import java.util.Optional;

/** An option a job takes beyond its year, as the command lines (wcstat's stage commands, JobMain) spell it. */
public enum JobOption {
    /** Only this department, e.g. health. */
    SOURCE("--source", "DEPT"),
    /** Publish a new revision of a year already published from other data. */
    REPUBLISH("--republish", null),
    /** Read the warehouse as the year's release tag marks it. */
    FROM_TAG("--from-tag", null);

    private final String flag;
    private final String valueLabel;

    JobOption(String flag, String valueLabel) {
        this.flag = flag;
        this.valueLabel = valueLabel;
    }

    public String flag() {
        return flag;
    }

    /** Whether a value follows the flag; a switch has none. */
    public boolean takesValue() {
        return valueLabel != null;
    }

    /** How a usage line shows it: {@code [--source DEPT]}, {@code [--republish]}. */
    public String usage() {
        return "[" + flag + (takesValue() ? " " + valueLabel : "") + "]";
    }

    public static Optional<JobOption> ofFlag(String flag) {
        return Arrays.stream(values()).filter(o -> o.flag.equals(flag)).findFirst();
    }
}
