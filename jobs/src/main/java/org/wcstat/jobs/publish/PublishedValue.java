package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.wcstat.core.disclosure.SmallCounts;

/** One indicator value as the yearbook shows it: withheld when its numerator is a small count. */
record PublishedValue(String indicator, int year, String region, String sex, String ageBand, String residence,
                      Double value, boolean suppressed, String flags) {

    static PublishedValue of(Row r, SmallCounts rule) {
        double numerator = r.getAs("numerator");
        Double denominator = r.getAs("denominator");
        boolean small = rule.suppress(numerator) || (denominator != null && rule.suppress(denominator));
        Double value = r.getAs("value");
        return new PublishedValue(r.getAs("indicator"), r.<Integer>getAs("year"), r.getAs("region"), r.getAs("sex"),
                r.getAs("age_band"), r.getAs("residence"), small ? null : value, small, r.getAs("flags"));
    }

    boolean isTotal(String district) {
        return region.equals(district) && sex.equals("_T") && ageBand.equals("_T") && residence.equals("_T");
    }
}
