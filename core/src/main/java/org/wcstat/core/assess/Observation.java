package org.wcstat.core.assess;

import java.util.Arrays;

/** One row of indicators.value: the value of one breakdown in one year, with what it was computed from. */
public record Observation(int year, Double value, double numerator, Double denominator, Double ciLow, Double ciHigh,
                          String flags) {

    public Observation {
        flags = flags == null ? "" : flags;
    }

    public boolean has(String flag) {
        return Arrays.asList(flags.split(",")).contains(flag);
    }
}
