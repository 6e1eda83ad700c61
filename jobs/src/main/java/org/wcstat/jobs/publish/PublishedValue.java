package org.wcstat.jobs.publish;

import org.wcstat.core.dimension.CellKey;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One indicator value as a release shows it. A withheld value ({@code suppressed}) has no value, no
 * interval and only the flag "suppressed": its quality flags ("unstable" means under 20 events) would
 * say something about the count it hides. A pooled indicator has two values per cell and year: the pooled
 * one it is published by, and the year alone ({@code pooledYears} 1).
 */
record PublishedValue(String indicator, int year, String region, String sex, String ageBand, String residence,
                      Double value, boolean suppressed, String flags, Double ciLow, Double ciHigh, int pooledYears) {

    static final String SUPPRESSED_FLAG = "suppressed";
    private static final String QUARANTINED = "quarantined=";
    private static final String UNKNOWN = "unknown_";

    /** A value of the year alone. */
    PublishedValue(String indicator, int year, String region, String sex, String ageBand, String residence,
                   Double value, boolean suppressed, String flags, Double ciLow, Double ciHigh) {
        this(indicator, year, region, sex, ageBand, residence, value, suppressed, flags, ciLow, ciHigh, 1);
    }

    /**
     * The values an indicator is published by: of a pooled indicator the pooled ones (the most years any of
     * its values sums), of any other all.
     */
    static List<PublishedValue> headline(List<PublishedValue> values) {
        Map<String, Integer> widest = new HashMap<>();
        values.forEach(v -> widest.merge(v.indicator(), v.pooledYears(), Math::max));
        return values.stream().filter(v -> v.pooledYears() == widest.get(v.indicator())).toList();
    }

    /** The rows quarantine took from the data the value rests on (flag quarantined=N); 0 when none, or withheld. */
    long quarantined() {
        for (String f : flags.split(",")) if (f.startsWith(QUARANTINED)) return Long.parseLong(f.substring(QUARANTINED.length()));
        return 0;
    }

    /**
     * What the source did not place in a breakdown, by dimension (flag unknown_sex=N): counted in the total and
     * in no group of the breakdown. Empty when none, or withheld.
     */
    Map<String, String> unknown() {
        Map<String, String> by = new LinkedHashMap<>();
        for (String f : flags.split(",")) {
            if (f.startsWith(UNKNOWN) && f.contains("=")) by.put(f.substring(UNKNOWN.length(), f.indexOf('=')), f.substring(f.indexOf('=') + 1));
        }
        return by;
    }

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
