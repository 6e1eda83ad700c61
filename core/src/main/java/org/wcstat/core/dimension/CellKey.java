package org.wcstat.core.dimension;

/**
 * Where a fact or an indicator value sits: a region (the district or a town), a sex, an age band and a
 * residence, each a code of its {@link Dimension}. The district total is the district with
 * {@link Dimension#TOTAL} in the other three.
 */
public record CellKey(String region, String sex, String ageBand, String residence) {

    public static CellKey total(String district) {
        return new CellKey(district, Dimension.TOTAL, Dimension.TOTAL, Dimension.TOTAL);
    }

    /** The key's code in a dimension. */
    public String code(Dimension d) {
        return switch (d) {
            case TOWN -> region;
            case SEX -> sex;
            case AGE -> ageBand;
            case RESIDENCE -> residence;
        };
    }

    /** The same key with another code in one dimension. */
    public CellKey with(Dimension d, String code) {
        return switch (d) {
            case TOWN -> new CellKey(code, sex, ageBand, residence);
            case SEX -> new CellKey(region, code, ageBand, residence);
            case AGE -> new CellKey(region, sex, code, residence);
            case RESIDENCE -> new CellKey(region, sex, ageBand, code);
        };
    }

    /** The breakdown the key belongs to, for the district whose total it breaks down. */
    public Breakdown breakdown(String district) {
        Dimension by = null;
        int ways = 0;
        for (Dimension d : Dimension.values()) {
            String c = code(d);
            if (c.equals(Dimension.UNKNOWN)) return Breakdown.UNKNOWN;
            if (!c.equals(d.totalCode(district))) {
                by = d;
                ways++;
            }
        }
        if (ways == 0) return Breakdown.TOTAL;
        return ways == 1 ? Breakdown.by(by) : Breakdown.CROSS;
    }

    public boolean isTotal(String district) {
        return breakdown(district) == Breakdown.TOTAL;
    }
}
