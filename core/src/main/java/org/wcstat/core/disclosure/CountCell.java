package org.wcstat.core.disclosure;

import org.wcstat.core.dimension.CellKey;

/**
 * The count a published value rests on: the sum of a numerator ({@code family}, the numerator's formula, shared by
 * every indicator that counts the same people) over the years a value sums ({@code pooledYears} ending in
 * {@code year}), in one cell. A count and the rates made of it rest on the same counts, and withholding one withholds
 * them all.
 */
public record CountCell(String family, int pooledYears, int year, CellKey cell) {

    /** The family of a numerator as the catalog writes it: spaces do not make another count. */
    public static String family(String numerator) {
        return numerator.replace(" ", "");
    }
}
