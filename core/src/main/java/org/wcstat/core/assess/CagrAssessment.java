package org.wcstat.core.assess;

import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.catalog.Target;
import org.wcstat.core.config.AssessmentSettings;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Statistics Canada progress measure as implemented in Open SDG (itself modelled on
 * Eurostat's SDG monitoring), counted from the outlines' 2020 baseline:
 * <pre>
 *   CAGR_a = (x_t / x_0)^(1/(t − t0)) − 1          observed
 *   CAGR_r = (x* / x_0)^(1/(T − t0)) − 1           required to reach x* in the target year T
 *   R      = CAGR_a / CAGR_r                       ≥ 0.95 on track, ≥ 0.60 acceleration needed, ≥ 0 limited, &lt; 0 deterioration
 * </pre>
 * Without a number ("increase", "decrease"), d·CAGR_a with d = ±1 the desired direction is graded
 * at 1.5% and 0.5% a year. Corner cases and the reasons for each rule are in docs/methods.md.
 */
public final class CagrAssessment {

    /** The outlines run 2021–2030 and measure against 2020. */
    public static final int BASE_YEAR = 2020;
    /** The exponent of Open SDG's scaling of the no-target thresholds near a natural limit. */
    static final double LIMIT_EXPONENT = 4.44;

    private CagrAssessment() {
    }

    /**
     * What a series is judged with besides its values.
     *
     * @param baseYear     the baseline year for targets that do not name one
     * @param pooled       the values are pooled or smoothed over years because the yearly numbers are small
     * @param intervals    the 95% intervals of the values judged, by year, where they rest on too few events
     *                     to be taken at face value; empty otherwise
     * @param limits       the quantity's natural limits (0, 100 for a share), null for none
     * @param gap          the values are a gap between two rates, whose goal without a number is its absolute size
     * @param planBaseline the plan's own baseline, used when the series lacks the base year; null for none
     */
    public record Options(int baseYear, boolean pooled, Map<Integer, Interval> intervals, AssessmentSettings.Range limits,
                          boolean gap, Indicator.Baseline planBaseline) {
        public Options {
            intervals = Map.copyOf(intervals);
        }

        public static Options from(int baseYear) {
            return new Options(baseYear, false, Map.of(), null, false, null);
        }

        public Options pooled(boolean p) {
            return new Options(baseYear, p, intervals, limits, gap, planBaseline);
        }

        public Options intervals(Map<Integer, Interval> i) {
            return new Options(baseYear, pooled, i, limits, gap, planBaseline);
        }

        public Options limits(AssessmentSettings.Range l) {
            return new Options(baseYear, pooled, intervals, l, gap, planBaseline);
        }

        public Options gap(boolean g) {
            return new Options(baseYear, pooled, intervals, limits, g, planBaseline);
        }

        public Options planBaseline(Indicator.Baseline b) {
            return new Options(baseYear, pooled, intervals, limits, gap, b);
        }
    }

    /** Assessment against {@code target} from the 2020 baseline (a relative target's own base year). */
    public static Assessment assess(Series series, Target target, boolean pooled) {
        return assess(series, target, Options.from(BASE_YEAR).pooled(pooled));
    }

    public static Assessment assess(Series series, Target target, Options options) {
        Set<CornerCase> cases = EnumSet.noneOf(CornerCase.class);
        if (options.pooled()) cases.add(CornerCase.SMALL_NUMBERS);
        boolean relative = target.comparator().equals("relative");
        int wantedBase = relative ? target.baseYear() : options.baseYear();
        series = judged(series, target, wantedBase, options, cases);

        Integer t0 = relative ? (series.at(wantedBase) == null ? null : wantedBase) : series.firstYearFrom(wantedBase);
        Integer t = series.latestYear();
        if (t0 == null || t == null || t <= t0) {
            String why = relative && series.at(wantedBase) == null
                    ? "no value in " + wantedBase + ", the year the relative target is counted from"
                    : "fewer than two values from " + wantedBase + " on";
            return insufficient(why, t0, t, cases);
        }
        if (t0 != wantedBase) cases.add(CornerCase.BASELINE_SHIFTED);
        double x0 = series.at(t0);
        double xt = series.at(t);
        if (series.from(t0).size() < 3) cases.add(CornerCase.FEW_POINTS);

        Goal goal = Goal.of(target, xt, relative ? x0 : null);
        if (goal.band()) cases.add(CornerCase.BAND_TARGET);
        String prefix = prefix(wantedBase, t0, x0, t, xt, cases);

        if (!goal.numeric()) return directionOnly(goal, t0, x0, t, xt, prefix, cases, options);

        double level = goal.level();
        int years = target.year() - t0;
        Interval latest = options.intervals().get(t);
        if (latest != null && holds(latest, target, level)) {
            // a handful of events: the value could as well be on the other side of the target
            cases.add(CornerCase.TOO_FEW_EVENTS);
            String s = prefix + "the 95% interval " + latest + " of the " + t + " value holds the target "
                    + (relative ? num(level) + " (" + target + ")" : target) + ": too few events to tell on which side of it the rate is, "
                    + ProgressStatus.INCONCLUSIVE.en() + ".";
            return new Assessment(ProgressStatus.INCONCLUSIVE, null, null, null, t0, t, s, cases);
        }
        boolean met = goal.band() ? target.isMetBy(xt) : metBy(target, goal, xt);
        if (met) {
            boolean away = goal.direction() * (xt - x0) < 0 && (goal.band() ? target.isMetBy(x0) : metBy(target, goal, x0));
            String s = prefix + "meets the target " + target;
            if (away) {
                cases.add(CornerCase.ACHIEVED_MOVING_AWAY);
                s += ", but has moved away from it since " + t0;
            }
            return new Assessment(ProgressStatus.ACHIEVED, null, null, null, t0, t, s + ".", cases);
        }
        // a band's baseline at or beyond the edge on the latest value's side has crossed it; any other baseline
        // that met the target has lost it
        if (goal.band() ? goal.reachedBy(x0) : metBy(target, goal, x0)) {
            cases.add(CornerCase.TARGET_LOST);
            String lost = !goal.band() ? "no longer meets " + target + ", which the " + t0 + " value met"
                    : target.isMetBy(x0) ? "has left the band " + target + ", which the " + t0 + " value was in"
                    : "has crossed the band " + target + " and overshot it";
            String s = prefix + lost + ": movement away from the target.";
            return new Assessment(ProgressStatus.DETERIORATION, null, null, null, t0, t, s, cases);
        }
        if (years <= 0) {
            return insufficient("the target year " + target.year() + " is not after the baseline " + t0, t0, t, cases);
        }

        double actual;
        double required;
        String rule;
        if (x0 == 0 || x0 * xt < 0 || level == 0 || x0 * level < 0) {
            cases.add(x0 == 0 || x0 * xt < 0 ? CornerCase.ZERO_BASELINE : CornerCase.ZERO_TARGET);
            actual = (xt - x0) / (t - t0);
            required = (level - x0) / years;
            rule = "linear change " + num(actual) + " a year against " + num(required) + " a year required to reach "
                    + num(level) + " by " + target.year() + " (growth rates undefined at zero)";
        } else {
            actual = cagr(x0, xt, t - t0);
            required = cagr(x0, level, years);
            rule = "growth " + pct(actual) + " a year against " + pct(required) + " a year required to reach "
                    + num(level) + " by " + target.year();
        }
        if (required == 0) {
            // from a strict target's very level ("> 29" from 29) no pace is required, any move up is the way: the
            // sign of the change decides, as from a zero baseline
            cases.add(CornerCase.ZERO_BASELINE);
            double change = goal.direction() * Math.signum(xt - x0);
            ProgressStatus status = change > 0 ? ProgressStatus.ON_TRACK : change == 0 ? ProgressStatus.LIMITED_PROGRESS : ProgressStatus.DETERIORATION;
            String s = prefix + "at the level " + value(level) + " of " + target + " no pace is required, so only the direction counts: "
                    + (change > 0 ? "moving towards" : change == 0 ? "no change from" : "moving away from") + " the target, " + status.en() + ".";
            return new Assessment(status, null, actual, required, t0, t, s, cases);
        }
        double ratio = actual / required;
        ProgressStatus status = ProgressStatus.ofRatio(ratio);
        String s = prefix + rule + ": ratio " + String.format(Locale.ROOT, "%.2f", ratio) + ", " + status.en() + ".";
        return new Assessment(status, ratio, actual, required, t0, t, s, cases);
    }

    /**
     * The series as judged: a gap's absolute size when its goal has no number, and the plan's baseline in the
     * base year when the warehouse has none there.
     */
    private static Series judged(Series series, Target target, int wantedBase, Options options, Set<CornerCase> cases) {
        boolean directionOnly = target.comparator().equals("increase") || target.comparator().equals("decrease");
        Series s = withPlanBaseline(series, wantedBase, options, cases);
        if (!options.gap() || !directionOnly) return s;
        cases.add(CornerCase.ABSOLUTE_GAP);
        java.util.TreeMap<Integer, Double> absolute = new java.util.TreeMap<>(s.values());
        absolute.replaceAll((y, v) -> Math.abs(v));
        return Series.of(absolute);
    }

    /** The series with the plan's baseline in the base year, when the series lacks that year but has a later one. */
    static Series withPlanBaseline(Series series, int wantedBase, Options options, Set<CornerCase> cases) {
        Indicator.Baseline plan = options.planBaseline();
        if (plan == null || plan.year() != wantedBase || series.at(wantedBase) != null
                || series.isEmpty() || series.latestYear() <= wantedBase) {
            return series;
        }
        cases.add(CornerCase.PLAN_BASELINE);
        java.util.TreeMap<Integer, Double> values = new java.util.TreeMap<>(series.values());
        values.put(wantedBase, plan.value());
        return Series.of(values);
    }

    /** Whether an interval holds the target: its level, or for a band either edge. */
    private static boolean holds(Interval interval, Target target, double level) {
        if (target.comparator().equals("≈")) {
            return interval.contains(target.value() - target.tolerance()) || interval.contains(target.value() + target.tolerance());
        }
        return interval.contains(level);
    }

    /**
     * Open SDG's scaling of the no-target thresholds for a baseline {@code x0} near the natural limit the goal
     * points to: 1 without a limit or at least twice the limit away, else 1 − (x0/L)^4.44 below the limit
     * (mirrored above it). 0 at the limit itself; 1 for a limit of 0.
     */
    static double limitCoefficient(double x0, Double limit) {
        if (limit == null) return 1;
        double base = Math.abs(x0);
        double l = Math.abs(limit);
        if (base >= 2 * l) return 1;
        if (base <= l) return 1 - Math.pow(base / l, LIMIT_EXPONENT);
        return 1 - Math.pow((2 * l - base) / l, LIMIT_EXPONENT);
    }

    private static Assessment directionOnly(Goal goal, int t0, double x0, int t, double xt, String prefix, Set<CornerCase> cases,
                                            Options options) {
        int d = goal.direction();
        String want = d > 0 ? "an increase" : "a decrease";
        AssessmentSettings.Range limits = options.limits();
        // a gap's absolute size is bounded below by 0 whatever its unit's range
        Double limit = cases.contains(CornerCase.ABSOLUTE_GAP) ? (d < 0 ? Double.valueOf(0) : null)
                : limits == null ? null : d > 0 ? limits.max() : limits.min();
        if (limit != null && (d > 0 ? xt >= limit : xt <= limit)) {
            cases.add(CornerCase.AT_LIMIT);
            String s = prefix + "at its natural limit " + value(limit) + ", beyond which " + want + " is impossible: "
                    + ProgressStatus.ACHIEVED.en() + ".";
            return new Assessment(ProgressStatus.ACHIEVED, null, null, null, t0, t, s, cases);
        }
        Interval first = options.intervals().get(t0);
        Interval latest = options.intervals().get(t);
        if (first != null && latest != null && first.overlaps(latest)) {
            cases.add(CornerCase.TOO_FEW_EVENTS);
            String s = prefix + "the 95% intervals " + first + " (" + t0 + ") and " + latest + " (" + t + ") overlap: too few events"
                    + " to tell a change from chance, " + ProgressStatus.INCONCLUSIVE.en() + ".";
            return new Assessment(ProgressStatus.INCONCLUSIVE, null, null, null, t0, t, s, cases);
        }
        if (x0 == 0 || x0 * xt < 0) {
            // growth from zero is unbounded; only the sign of the change carries information
            cases.add(CornerCase.ZERO_BASELINE);
            double change = d * Math.signum(xt - x0);
            ProgressStatus status = change > 0 ? ProgressStatus.ON_TRACK : change == 0 ? ProgressStatus.LIMITED_PROGRESS : ProgressStatus.DETERIORATION;
            String s = prefix + "the growth rate from " + value(x0) + " is undefined, so only the direction counts: "
                    + (change > 0 ? "moving in" : change == 0 ? "no change from" : "moving against") + " the desired direction (" + want + "), " + status.en() + ".";
            return new Assessment(status, null, null, null, t0, t, s, cases);
        }
        if (x0 < 0 && xt < 0) {
            cases.add(CornerCase.NEGATIVE_VALUES);
            d = -d;
        }
        double growth = cagr(x0, xt, t - t0);
        double c = limitCoefficient(x0, limit);
        if (c < 1) cases.add(CornerCase.LIMIT_SCALED);
        ProgressStatus status = ProgressStatus.ofGrowth(d * growth, c);
        String thresholds = c < 1
                ? pct(ProgressStatus.GROWTH_ON_TRACK * c) + " and " + pct(ProgressStatus.GROWTH_ACCELERATION * c) + " a year, "
                  + pct(ProgressStatus.GROWTH_ON_TRACK) + " and " + pct(ProgressStatus.GROWTH_ACCELERATION) + " scaled by "
                  + String.format(Locale.ROOT, "%.3f", c) + " for a baseline near the natural limit " + num(limit)
                : pct(ProgressStatus.GROWTH_ON_TRACK) + " and " + pct(ProgressStatus.GROWTH_ACCELERATION) + " a year";
        String s = prefix + "growth " + pct(growth) + " a year where " + want + " is desired (thresholds " + thresholds + "): "
                + status.en() + ".";
        return new Assessment(status, null, growth, null, t0, t, s, cases);
    }

    /** Compound annual growth rate from {@code from} to {@code to} over {@code years}. */
    public static double cagr(double from, double to, int years) {
        return Math.pow(to / from, 1.0 / years) - 1;
    }

    private static boolean metBy(Target target, Goal goal, double v) {
        // relative targets have no comparator of their own; the level is inclusive
        return target.comparator().equals("relative") ? goal.reachedBy(v) : target.isMetBy(v);
    }

    private static String prefix(int wantedBase, int t0, double x0, int t, double xt, Set<CornerCase> cases) {
        StringBuilder b = new StringBuilder();
        if (cases.contains(CornerCase.ABSOLUTE_GAP)) b.append("absolute gap ");
        b.append(value(x0)).append(" in ").append(t0);
        if (cases.contains(CornerCase.PLAN_BASELINE)) b.append(" (plan baseline)");
        if (cases.contains(CornerCase.BASELINE_SHIFTED)) b.append(" (first year with data from ").append(wantedBase).append(")");
        b.append(" to ").append(value(xt)).append(" in ").append(t);
        if (cases.contains(CornerCase.SMALL_NUMBERS)) b.append(", pooled values because of small numbers");
        if (cases.contains(CornerCase.FEW_POINTS)) b.append(", two values only");
        return b.append(": ").toString();
    }

    private static Assessment insufficient(String why, Integer t0, Integer t, Set<CornerCase> cases) {
        return new Assessment(ProgressStatus.INSUFFICIENT_DATA, null, null, null, t0, t,
                "Cannot assess progress: " + why + ".", cases);
    }

    /** A value judged, as printed: the assessment rounds values to their printed decimals before judging them. */
    static String value(double v) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).stripTrailingZeros();
        return (d.signum() == 0 ? java.math.BigDecimal.ZERO : d).toPlainString();
    }

    /** A number derived from values (a rate, a slope, a share), to four significant digits. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
