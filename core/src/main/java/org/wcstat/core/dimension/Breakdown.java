package org.wcstat.core.dimension;

import java.util.Optional;

/**
 * How a cell breaks the district total down. Compute publishes the total and one-way breakdowns (a town,
 * a sex, an age band, urban or rural), each summing to the total; disclosure control protects them as
 * such, assessment compares some with the district, and the yearbook has a table for each. A
 * cross-classification (a town's girls) is none of them, and neither is a cell with an unknown code.
 */
public enum Breakdown {
    TOTAL(null),
    TOWN(Dimension.TOWN),
    SEX(Dimension.SEX),
    AGE(Dimension.AGE),
    RESIDENCE(Dimension.RESIDENCE),
    /** Broken down by two dimensions or more. */
    CROSS(null),
    /** With an unknown code ({@link Dimension#UNKNOWN}) in some dimension: counted in the total, in no breakdown. */
    UNKNOWN(null);

    private final Dimension dimension;

    Breakdown(Dimension dimension) {
        this.dimension = dimension;
    }

    /** The one dimension of a one-way breakdown; empty for the total, a cross-classification or an unknown code. */
    public Optional<Dimension> dimension() {
        return Optional.ofNullable(dimension);
    }

    /** The one-way breakdown by a dimension. */
    public static Breakdown by(Dimension d) {
        for (Breakdown b : values()) {
            if (b.dimension == d) return b;
        }
        throw new IllegalArgumentException(String.valueOf(d));
    }
}
