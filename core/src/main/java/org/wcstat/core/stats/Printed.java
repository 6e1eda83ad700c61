package org.wcstat.core.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A value as the yearbook prints it, and as the assessment judges it, so that a status never contradicts
 * the printed number (5.004 printed "5" meets "&lt;= 5"). Rounding starts from the value's shortest decimal
 * form ({@link BigDecimal#valueOf(double)}), not its binary expansion: 1.005 is stored as 1.00499999999999989…,
 * which half-up rounding of the expansion prints as 1.00, but 1.005 is what was computed and meant.
 */
public final class Printed {

    private Printed() {
    }

    /** {@code v} rounded half up to {@code decimals} places. */
    public static double round(double v, int decimals) {
        return decimal(v, decimals).doubleValue();
    }

    /** {@code v} as printed: rounded half up to {@code decimals} places, without trailing zeros (1.50 → "1.5"). */
    public static String text(double v, int decimals) {
        BigDecimal d = decimal(v, decimals).stripTrailingZeros();
        // −0.001 to two places is zero, which has no sign
        return (d.signum() == 0 ? BigDecimal.ZERO : d).toPlainString();
    }

    private static BigDecimal decimal(double v, int decimals) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("cannot print " + v);
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    }
}
