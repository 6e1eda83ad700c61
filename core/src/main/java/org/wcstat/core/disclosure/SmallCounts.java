package org.wcstat.core.disclosure;

/**
 * Primary suppression of small counts: a published count under the threshold could identify a person
 * (one maternal death in a town), so it is withheld, and so is any rate computed from it.
 */
public record SmallCounts(int threshold, boolean zerosCount) {

    public static final SmallCounts DEFAULT = new SmallCounts(3, false);

    public boolean suppress(double count) {
        if (count == 0) {
            return zerosCount;
        }
        return count > 0 && count < threshold;
    }
}
