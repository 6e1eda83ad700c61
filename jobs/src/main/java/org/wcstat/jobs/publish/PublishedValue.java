package org.wcstat.jobs.publish;

import org.wcstat.core.dimension.CellKey;

/**
 * One indicator value as a release shows it. A withheld value ({@code suppressed}) has no value, no
 * interval and only the flag "suppressed": its quality flags ("unstable" means under 20 events) would
 * say something about the count it hides.
 */
record PublishedValue(String indicator, int year, String region, String sex, String ageBand, String residence,
                      Double value, boolean suppressed, String flags, Double ciLow, Double ciHigh) {

    static final String SUPPRESSED_FLAG = "suppressed";

    boolean isTotal(String district) {
        return cell().isTotal(district);
    }

    CellKey cell() {
        return new CellKey(region, sex, ageBand, residence);
    }

    /** SDMX OBS_STATUS: A normal, U low reliability, M cannot exist (zero denominator), O missing (withheld). */
    String obsStatus() {
        if (suppressed) return "O";
        if (value == null) return "M";
        return hasFlag("unstable") ? "U" : "A";
    }

    /** SDMX CONF_STATUS: C confidential, F free. Primary and secondary suppression look alike on purpose. */
    String confStatus() {
        return suppressed ? "C" : "F";
    }

    private boolean hasFlag(String flag) {
        for (String f : flags.split(",")) if (f.equals(flag)) return true;
        return false;
    }
}
