package org.wcstat.cli.sql;

import java.math.BigDecimal;

/** A value as text: doubles without a trailing .0 or exponent, so 66.7 and 1200 read as a statistician writes them. */
final class Cells {
    private Cells() {
    }

    static String text(Object v) {
        if (v == null) return null;
        if (v instanceof Double d && Double.isFinite(d)) return plain(BigDecimal.valueOf(d));
        if (v instanceof Float f && Float.isFinite(f)) return plain(new BigDecimal(Float.toString(f)));
        if (v instanceof BigDecimal b) return b.toPlainString();
        return v.toString();
    }

    private static String plain(BigDecimal b) {
        String s = b.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
