package org.wcstat.core.assess;

import org.wcstat.core.catalog.Target;
import org.wcstat.core.config.AssessmentSettings;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Anticipated values by time-weighted linear regression, after UN ESCAP's anticipated-progress
 * approach (Asia and the Pacific SDG Progress Report; applied by all five UN regional
 * commissions): a straight line fitted by weighted least squares in which later observations
 * weigh more, read off at 2025 and 2030, and the gap between the value anticipated for the target
 * year and the target.
 * <pre>
 *   w_i = t_i − t_first + 1
 *   b   = Σ w_i (t_i − t̄)(x_i − x̄) / Σ w_i (t_i − t̄)²,   t̄ = Σ w_i t_i / Σ w_i,  x̄ = Σ w_i x_i / Σ w_i
 *   x̂(y) = x̄ + b (y − t̄)
 * </pre>
 */
public final class AnticipatedValue {

    public static final int MIDTERM = 2025;
    public static final int END = 2030;
    public static final int MIN_POINTS = 3;

    private AnticipatedValue() {
    }

    /**
     * @param status      ACHIEVED when the value anticipated for the target year meets the target,
     *                    INSUFFICIENT_DATA when there are fewer than three points, else null
     *                    (the anticipated value is a warning input, not a progress category)
     * @param slope       change a year, null without a fit
     * @param at2025      anticipated 2025 value
     * @param at2030      anticipated 2030 value
     * @param atTarget    anticipated value in the target's year
     * @param gap         anticipated value minus the target level (band edge for "≈"); null without a level
     * @param relativeGap (level − anticipated) / (level − baseline): the share of the required progress
     *                    that would still be missing in the target year; 0 when met, null when the first
     *                    value was already at or beyond the level (no progress was required)
     */
    public record Projection(ProgressStatus status, Double slope, Double at2025, Double at2030, Double atTarget,
                             Double gap, Double relativeGap, String explanation, Set<CornerCase> cornerCases) {
        public Projection {
            cornerCases = Set.copyOf(cornerCases);
        }
    }

    /** Projection of the series from 2020 on; a series that never went below 0 is taken to be bounded by it. */
    public static Projection project(Series series, Target target, boolean pooled) {
        boolean nonNegative = series.values().values().stream().allMatch(v -> v >= 0);
        return project(series, target, CagrAssessment.Options.from(CagrAssessment.BASE_YEAR).pooled(pooled)
                .limits(nonNegative ? new AssessmentSettings.Range(0.0, null) : null));
    }

    /**
     * Projection of the series from the options' base year (a relative target's own) on, with the plan's baseline
     * where the series lacks it, held at the natural lower limit of {@code options.limits()} (none for gaps and
     * percentage points, which may be negative).
     */
    public static Projection project(Series series, Target target, CagrAssessment.Options options) {
        Set<CornerCase> cases = EnumSet.noneOf(CornerCase.class);
        boolean pooled = options.pooled();
        if (pooled) cases.add(CornerCase.SMALL_NUMBERS);
        int from = target.comparator().equals("relative") ? target.baseYear() : options.baseYear();
        series = CagrAssessment.withPlanBaseline(series, from, options, cases);
        Double floor = options.limits() == null ? null : options.limits().min();
        Series s = series.from(from);
        if (s.size() < MIN_POINTS) {
            return new Projection(ProgressStatus.INSUFFICIENT_DATA, null, null, null, null, null, null,
                    "No projection: " + s.size() + " value(s) from " + from + " on, a trend needs at least " + MIN_POINTS + ".", cases);
        }
        double[] line = fit(s);
        double at2025 = evaluate(line, MIDTERM, floor, cases);
        double at2030 = evaluate(line, END, floor, cases);
        double atTarget = evaluate(line, target.year(), floor, cases);
        String fitted = "weighted trend " + CagrAssessment.num(line[1]) + " a year from " + s.size() + " values "
                + s.values().firstKey() + "–" + s.latestYear()
                + (pooled ? " (pooled values because of small numbers)" : "")
                + " anticipates " + CagrAssessment.num(at2025) + " in " + MIDTERM + " and " + CagrAssessment.num(at2030) + " in " + END;
        if (cases.contains(CornerCase.PROJECTION_FLOORED)) fitted += " (floored at " + CagrAssessment.num(floor) + ")";
        if (cases.contains(CornerCase.PLAN_BASELINE)) fitted += " (with the plan baseline of " + from + ")";

        Double baseValue = target.comparator().equals("relative") ? series.at(target.baseYear()) : null;
        Goal goal = Goal.of(target, atTarget, baseValue);
        if (goal == null || !goal.numeric()) {
            return new Projection(null, line[1], at2025, at2030, atTarget, null, null, capital(fitted) + ".", cases);
        }
        if (goal.band()) cases.add(CornerCase.BAND_TARGET);
        double level = goal.level();
        boolean met = goal.band() ? target.isMetBy(atTarget) : goal.reachedBy(atTarget) && (!isStrict(target) || target.isMetBy(atTarget));
        double gap = atTarget - level;
        double x0 = s.values().firstEntry().getValue();
        int first = s.values().firstKey();
        // from a first value already at the level no progress was required: the share is undefined
        boolean startedThere = goal.reachedBy(x0);
        Double relativeGap = met ? Double.valueOf(0) : startedThere ? null : (level - atTarget) / (level - x0);
        String verdict = met
                ? "meeting the target " + target + " in " + target.year()
                : "missing the target " + target + " in " + target.year() + " by " + CagrAssessment.num(Math.abs(gap))
                  + (relativeGap != null ? ", " + CagrAssessment.pct(relativeGap) + " of the progress required from " + first
                     : !goal.band() || target.isMetBy(x0) ? ", although the " + first + " value met it"
                     : ", having crossed the band since " + first);
        return new Projection(met ? ProgressStatus.ACHIEVED : null, line[1], at2025, at2030, atTarget, gap, relativeGap,
                capital(fitted) + ", " + verdict + ".", cases);
    }

    /** Change a year of the time-weighted least-squares line through the whole series; null under three points. */
    public static Double slope(Series s) {
        return s.size() < MIN_POINTS ? null : fit(s)[1];
    }

    /** {intercept at year 0, slope} of the time-weighted least-squares line. */
    static double[] fit(Series s) {
        int first = s.values().firstKey();
        double sw = 0, swt = 0, swx = 0;
        for (Map.Entry<Integer, Double> e : s.values().entrySet()) {
            double w = weight(e.getKey(), first);
            sw += w;
            swt += w * e.getKey();
            swx += w * e.getValue();
        }
        double tBar = swt / sw;
        double xBar = swx / sw;
        double sxy = 0, sxx = 0;
        for (Map.Entry<Integer, Double> e : s.values().entrySet()) {
            double w = weight(e.getKey(), first);
            double dt = e.getKey() - tBar;
            sxy += w * dt * (e.getValue() - xBar);
            sxx += w * dt * dt;
        }
        double slope = sxy / sxx;
        return new double[]{xBar - slope * tBar, slope};
    }

    /** Later years weigh more, in proportion to their distance from the first observation. */
    static double weight(int year, int firstYear) {
        return year - firstYear + 1;
    }

    private static double evaluate(double[] line, int year, Double floor, Set<CornerCase> cases) {
        double v = line[0] + line[1] * year;
        if (floor != null && v < floor) {
            cases.add(CornerCase.PROJECTION_FLOORED);
            return floor;
        }
        return v;
    }

    private static boolean isStrict(Target t) {
        return t.comparator().equals("<") || t.comparator().equals(">");
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
