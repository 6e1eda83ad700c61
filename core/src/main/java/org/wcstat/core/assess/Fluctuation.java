package org.wcstat.core.assess;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Early warning for strong fluctuation of the latest value:
 * <ul>
 *   <li>Iglewicz and Hoaglin's modified z-score of the latest year-on-year change Δ_t = x_t − x_{t−1}
 *   among all the series' year-on-year changes, M = 0.6745 (Δ_t − Δ̃) / MAD with Δ̃ the median change
 *   and MAD the median of |Δ_i − Δ̃|; |M| &gt; 3.5 flags it. Scoring the changes rather than the levels
 *   keeps a steady trend from being taken for a fluctuation: its changes are alike, whatever its
 *   levels. When MAD is 0 (over half the changes equal) the mean-absolute-deviation form
 *   M = (Δ_t − Δ̃) / (1.253314 · MeanAD) is used instead.</li>
 *   A score beyond 3.5 counts only when the change also departs from the median change by more than a
 *   quarter of the configured bound, relative to the previous value: a very regular series has a tiny
 *   MAD, against which a change one point off the usual would otherwise score high.</li>
 *   <li>year-on-year change (x_t − x_{t−1}) / |x_{t−1}| beyond a configured bound. A relative change says
 *   nothing where the previous value is near zero (below the bound times the series' largest absolute value),
 *   or where the indicator is itself a difference in points (百分点, a gap between two rates), whose zero is a
 *   balance and not an absence: 0.3 → −0.2 is no −167% change. There the absolute change is compared with the
 *   bound times the series' largest absolute value instead.</li>
 * </ul>
 * Only consecutive years make a change.
 */
public final class Fluctuation {

    public static final double Z_CONSTANT = 0.6745;
    public static final double Z_CUTOFF = 3.5;
    /** √(π/2): MeanAD × this estimates σ for normal data, as 1.4826 × MAD does. */
    public static final double MEAN_AD_CONSTANT = 1.253314;
    /** Year-on-year changes needed for a modified z-score. */
    public static final int MIN_CHANGES = 3;
    /** A change counts as an outlier only when it departs from the median change by over this share of the bound. */
    public static final double MATERIAL_SHARE = 0.25;
    /** Deviations below this share of the largest change are rounding, not spread. */
    private static final double ROUNDING = 1e-9;

    private Fluctuation() {
    }

    /**
     * @param modifiedZ      null with fewer than three year-on-year changes or no change into the latest year
     * @param outlier        |modifiedZ| &gt; 3.5
     * @param yearOnYear     relative change from the previous year; null when that year has no value, its value
     *                       is near zero, or the indicator is a difference in points
     * @param beyondBound    |yearOnYear| &gt; bound, or, where there is no relative change, an absolute change beyond
     *                       the bound times the series' largest absolute value
     */
    public record Result(Double modifiedZ, boolean outlier, Double yearOnYear, boolean beyondBound,
                         String explanation, Set<CornerCase> cornerCases) {
        public Result {
            cornerCases = Set.copyOf(cornerCases);
        }

        public boolean flagged() {
            return outlier || beyondBound;
        }
    }

    /** @param yoyBound the largest relative year-on-year change that passes, e.g. 0.2 for ±20% */
    public static Result check(Series series, double yoyBound) {
        return check(series, yoyBound, false);
    }

    /**
     * The series' scale: its largest absolute value, against which changes of values near zero and of
     * differences in points are measured.
     */
    static double scale(Series series) {
        return series.values().values().stream().mapToDouble(Math::abs).max().orElse(0);
    }

    /**
     * Whether the change into a year can be read relative to the previous value: not for a difference in
     * points, nor from a previous value near zero (below {@code bound} × the series' scale, zero included).
     */
    static boolean relative(double previous, double scale, double bound, boolean points) {
        return !points && Math.abs(previous) >= bound * scale && previous != 0;
    }

    /**
     * @param yoyBound the largest relative year-on-year change that passes, e.g. 0.2 for ±20%
     * @param points   the indicator is a difference in points (百分点, or a gap between two rates)
     */
    public static Result check(Series series, double yoyBound, boolean points) {
        Set<CornerCase> cases = EnumSet.noneOf(CornerCase.class);
        if (series.isEmpty()) return new Result(null, false, null, false, "No values.", cases);
        int t = series.latestYear();
        double x = series.latest();
        Double previous = series.at(t - 1);
        StringBuilder why = new StringBuilder();

        double[] changes = series.values().entrySet().stream()
                .filter(e -> series.at(e.getKey() - 1) != null)
                .mapToDouble(e -> e.getValue() - series.at(e.getKey() - 1)).toArray();
        double scale = scale(series);
        boolean relative = previous != null && relative(previous, scale, yoyBound, points);
        Double z = null;
        boolean outlier = false;
        if (previous != null && changes.length >= MIN_CHANGES) {
            double change = x - previous;
            z = modifiedZ(change, changes, cases);
            double typical = median(changes);
            // a very regular series has a tiny MAD, and a change a point off the usual scores high; it is
            // a fluctuation only when it is also material against the bound
            outlier = Math.abs(z) > Z_CUTOFF && Math.abs(change - typical) > MATERIAL_SHARE * yoyBound * (relative ? Math.abs(previous) : scale);
            why.append(String.format(Locale.ROOT, "the %d change %s%s has a modified z-score of %.2f among the %d year-on-year changes%s",
                    t, change > 0 ? "+" : "", CagrAssessment.num(change), z, changes.length, outlier ? " (beyond ±3.5)"
                            : Math.abs(z) > Z_CUTOFF ? " (beyond ±3.5, but less than " + CagrAssessment.pct(MATERIAL_SHARE * yoyBound)
                              + (relative ? " of the previous value" : " of the series' largest absolute value") + " away from the usual change)" : ""));
            if (cases.contains(CornerCase.ZERO_MAD)) why.append(" (mean absolute deviation form, MAD is 0)");
        } else {
            why.append("too few year-on-year changes for a modified z-score");
        }

        Double yoy = null;
        boolean beyond = false;
        if (previous == null) {
            why.append("; no value in ").append(t - 1).append(" for a year-on-year change");
        } else if (relative) {
            yoy = (x - previous) / Math.abs(previous);
            beyond = Math.abs(yoy) > yoyBound;
            why.append(String.format(Locale.ROOT, "; %s to %s is a year-on-year change of %s%s the ±%s bound",
                    CagrAssessment.num(previous), CagrAssessment.num(x), CagrAssessment.pct(yoy),
                    beyond ? " beyond" : " within", CagrAssessment.pct(yoyBound)));
        } else {
            // a percentage of a value near zero, or of a difference in points, would be any size at all
            double allowed = yoyBound * scale;
            beyond = Math.abs(x - previous) > allowed;
            why.append(String.format(Locale.ROOT, "; %s to %s is a change of %s%s, %s ±%s (%s of the series' largest absolute value %s)",
                    CagrAssessment.num(previous), CagrAssessment.num(x), x - previous > 0 ? "+" : "", CagrAssessment.num(x - previous),
                    beyond ? "beyond" : "within", CagrAssessment.num(allowed), CagrAssessment.pct(yoyBound), CagrAssessment.num(scale)))
                    .append(points ? ", an absolute change because the indicator is a difference in points"
                            : ", an absolute change because " + CagrAssessment.num(previous) + " is near zero");
        }
        return new Result(z, outlier, yoy, beyond, Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".", cases);
    }

    /** Modified z-score of {@code x} within {@code values} (which normally include x). */
    public static double modifiedZ(double x, double[] values, Set<CornerCase> cases) {
        double median = median(values);
        double[] dev = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double mad = median(dev);
        double rounding = ROUNDING * Math.max(1, Arrays.stream(values).map(Math::abs).max().orElse(0));
        if (mad > rounding) return Z_CONSTANT * (x - median) / mad;
        double meanAd = Arrays.stream(dev).average().orElse(0);
        if (meanAd <= rounding) return 0;
        cases.add(CornerCase.ZERO_MAD);
        return (x - median) / (MEAN_AD_CONSTANT * meanAd);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

}
