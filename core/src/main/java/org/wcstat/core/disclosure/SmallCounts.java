package org.wcstat.core.disclosure;

import org.wcstat.core.catalog.Indicator;

/**
 * Primary suppression of small counts: a published count under the threshold could identify a person
 * (one maternal death in a town), so it is withheld, and so is any rate computed from it. Counts of
 * facilities (the catalog's {@code counts: facilities}: clinics, kindergartens, venues) identify no one and
 * are published however small: "at least one in every town" must be seen to be judged.
 */
public record SmallCounts(int threshold, boolean zerosCount) {

    public static final SmallCounts DEFAULT = new SmallCounts(3, false);

    /** Whether the rule protects an indicator's counts at all: those of people, not of facilities. */
    public static boolean appliesTo(Indicator indicator) {
        return !indicator.countsFacilities();
    }

    public boolean suppress(double count) {
        if (count == 0) {
            return zerosCount;
        }
        return count > 0 && count < threshold;
    }
}
