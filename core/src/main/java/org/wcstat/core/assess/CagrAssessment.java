package org.wcstat.core.assess;

import org.wcstat.core.catalog.Target;

import java.util.EnumSet;
import java.util.Locale;
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

    private CagrAssessment() {
    }

    /** Assessment against {@code target} from the 2020 baseline (a relative target's own base year). */
    public static Assessment assess(Series series, Target target, boolean pooled) {
        return assess(series, target, BASE_YEAR, pooled);
    }

    /**
     * @param baseYear the baseline year for targets that do not name one
     * @param pooled   the values are pooled or smoothed over years because the yearly numbers are small
     */
    public static Assessment assess(Series series, Target target, int baseYear, boolean pooled) {
        Set<CornerCase> cases = EnumSet.noneOf(CornerCase.class);
        if (pooled) cases.add(CornerCase.SMALL_NUMBERS);
        boolean relative = target.comparator().equals("relative");
        int wantedBase = relative ? target.baseYear() : baseYear;

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

        if (!goal.numeric()) return directionOnly(goal, t0, x0, t, xt, prefix, cases);

        double level = goal.level();
        int years = target.year() - t0;
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
        if (goal.reachedBy(x0)) {
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
        double ratio = actual / required;
        ProgressStatus status = ProgressStatus.ofRatio(ratio);
        String s = prefix + rule + ": ratio " + String.format(Locale.ROOT, "%.2f", ratio) + ", " + status.en() + ".";
        return new Assessment(status, ratio, actual, required, t0, t, s, cases);
    }

    private static Assessment directionOnly(Goal goal, int t0, double x0, int t, double xt, String prefix, Set<CornerCase> cases) {
        int d = goal.direction();
        String want = d > 0 ? "an increase" : "a decrease";
        if (x0 == 0 || x0 * xt < 0) {
            // growth from zero is unbounded; only the sign of the change carries information
            cases.add(CornerCase.ZERO_BASELINE);
            double change = d * Math.signum(xt - x0);
            ProgressStatus status = change > 0 ? ProgressStatus.ON_TRACK : change == 0 ? ProgressStatus.LIMITED_PROGRESS : ProgressStatus.DETERIORATION;
            String s = prefix + "the growth rate from " + num(x0) + " is undefined, so only the direction counts: "
                    + (change > 0 ? "moving in" : change == 0 ? "no change from" : "moving against") + " the desired direction (" + want + "), " + status.en() + ".";
            return new Assessment(status, null, null, null, t0, t, s, cases);
        }
        if (x0 < 0 && xt < 0) {
            cases.add(CornerCase.NEGATIVE_VALUES);
            d = -d;
        }
        double growth = cagr(x0, xt, t - t0);
        ProgressStatus status = ProgressStatus.ofGrowth(d * growth);
        String s = prefix + "growth " + pct(growth) + " a year where " + want + " is desired (thresholds "
                + pct(ProgressStatus.GROWTH_ON_TRACK) + " and " + pct(ProgressStatus.GROWTH_ACCELERATION) + " a year): " + status.en() + ".";
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
        b.append(num(x0)).append(" in ").append(t0);
        if (cases.contains(CornerCase.BASELINE_SHIFTED)) b.append(" (first year with data from ").append(wantedBase).append(")");
        b.append(" to ").append(num(xt)).append(" in ").append(t);
        if (cases.contains(CornerCase.SMALL_NUMBERS)) b.append(", pooled values because of small numbers");
        if (cases.contains(CornerCase.FEW_POINTS)) b.append(", two values only");
        return b.append(": ").toString();
    }

    private static Assessment insufficient(String why, Integer t0, Integer t, Set<CornerCase> cases) {
        return new Assessment(ProgressStatus.INSUFFICIENT_DATA, null, null, null, t0, t,
                "Cannot assess progress: " + why + ".", cases);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
