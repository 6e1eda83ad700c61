package org.wcstat.core.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan's target, parsed from the catalog's short grammar:
 * <pre>
 *   "&lt;= 12"  "&gt;= 98 by 2025"  "≈ 105 ± 2"  "-20% vs 2020"  "increase"  "decrease"
 *   any of them followed by "in every town" for per-town targets
 * </pre>
 * The year defaults to 2030, the outlines' end.
 */
public record Target(String comparator, Double value, Double tolerance, Integer baseYear, int year, boolean everyTown) {

    public static final int DEFAULT_YEAR = 2030;

    private static final Pattern NUMERIC = Pattern.compile("(<=|<|>=|>|≈)\\s*(-?\\d+(?:\\.\\d+)?)(?:\\s*±\\s*(\\d+(?:\\.\\d+)?))?");
    private static final Pattern RELATIVE = Pattern.compile("([+-]\\d+(?:\\.\\d+)?)%\\s+vs\\s+(\\d{4})");
    private static final Pattern BY_YEAR = Pattern.compile("\\s+by\\s+(\\d{4})$");
    private static final String EVERY_TOWN = "in every town";

    public static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty target; write e.g. '<= 12', '>= 98 by 2025', '≈ 105 ± 2', '-20% vs 2020', 'increase' or 'decrease'");
        }
        String t = text.strip();
        boolean everyTown = false;
        if (t.endsWith(EVERY_TOWN)) {
            everyTown = true;
            t = t.substring(0, t.length() - EVERY_TOWN.length()).strip();
        }
        int year = DEFAULT_YEAR;
        Matcher by = BY_YEAR.matcher(t);
        if (by.find()) {
            year = Integer.parseInt(by.group(1));
            t = t.substring(0, by.start()).strip();
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("increase") || lower.equals("decrease")) {
            return new Target(lower, null, null, null, year, everyTown);
        }
        Matcher m = NUMERIC.matcher(t);
        if (m.matches()) {
            String cmp = m.group(1);
            Double tol = m.group(3) == null ? null : Double.valueOf(m.group(3));
            if (cmp.equals("≈") != (tol != null)) {
                throw new IllegalArgumentException("target '" + text + "': '≈' takes a tolerance ('≈ 105 ± 2') and only '≈' does");
            }
            return new Target(cmp, Double.valueOf(m.group(2)), tol, null, year, everyTown);
        }
        Matcher r = RELATIVE.matcher(t);
        if (r.matches()) {
            return new Target("relative", Double.valueOf(r.group(1)), null, Integer.valueOf(r.group(2)), year, everyTown);
        }
        throw new IllegalArgumentException("cannot read target '" + text
                + "'; write e.g. '<= 12', '>= 98 by 2025', '≈ 105 ± 2', '-20% vs 2020', 'increase' or 'decrease', optionally followed by 'in every town'");
    }

    /**
     * Whether a value meets a numeric target; direction and relative targets need a series and are judged by
     * assessment. A value within {@link #EDGE_SLACK} (relative) of the level counts as at the level, so that
     * the same decimal computed two ways (88 as 1,760/2,000 × 100 = 87.99999999999999) meets "&gt;= 88" and
     * misses "&gt; 88" alike; the assessment judges values as printed, where the two are the same number.
     */
    public Boolean isMetBy(double v) {
        if (value == null) return null;
        double slack = EDGE_SLACK * Math.max(1, Math.abs(value));
        return switch (comparator) {
            case "<=" -> v <= value + slack;
            case "<" -> v < value - slack;
            case ">=" -> v >= value - slack;
            case ">" -> v > value + slack;
            case "≈" -> Math.abs(v - value) <= tolerance + slack;
            default -> null;
        };
    }

    /** How close to a level counts as at it: floating-point noise, far below any printed decimal. */
    public static final double EDGE_SLACK = 1e-9;

    @Override
    public String toString() {
        String base = switch (comparator) {
            case "increase", "decrease" -> comparator;
            case "relative" -> (value > 0 ? "+" : "") + fmt(value) + "% vs " + baseYear;
            case "≈" -> "≈ " + fmt(value) + " ± " + fmt(tolerance);
            default -> comparator + " " + fmt(value);
        };
        return base + (year != DEFAULT_YEAR ? " by " + year : "") + (everyTown ? " " + EVERY_TOWN : "");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
