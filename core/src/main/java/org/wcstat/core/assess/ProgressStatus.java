package org.wcstat.core.assess;

import org.wcstat.core.Coded;
import org.wcstat.core.Names;

/**
 * Progress categories of the Statistics Canada / Open SDG progress measure. The same four
 * categories below "achieved" serve targets (on the growth ratio) and direction-only goals
 * (on the growth rate); only the thresholds differ. "Inconclusive" is wcstat's own: a value resting
 * on so few events that its 95% interval holds the target (or, without a target, the baseline's
 * interval) cannot say which side it is on. The order is the order of indicators.evaluation's columns.
 */
public enum ProgressStatus implements Coded {
    ACHIEVED("已实现", "target achieved"),
    ON_TRACK("进展顺利", "on track"),
    NEEDS_ACCELERATION("需加快", "progress made but acceleration needed"),
    LIMITED_PROGRESS("进展有限", "limited progress"),
    DETERIORATION("退步", "deterioration"),
    INCONCLUSIVE("无法判定（事件过少）", "inconclusive (too few events)"),
    INSUFFICIENT_DATA("数据不足", "insufficient data");

    private final Names names;

    ProgressStatus(String zh, String en) {
        this.names = new Names(zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** Thresholds on the ratio of actual to required growth (Open SDG defaults). */
    public static final double RATIO_ON_TRACK = 0.95;
    public static final double RATIO_ACCELERATION = 0.60;

    /** Thresholds on the observed growth rate in the desired direction, for goals without a number. */
    public static final double GROWTH_ON_TRACK = 0.015;
    public static final double GROWTH_ACCELERATION = 0.005;

    /** Category of a ratio of actual to required growth. */
    public static ProgressStatus ofRatio(double ratio) {
        return classify(ratio, RATIO_ON_TRACK, RATIO_ACCELERATION);
    }

    /** Category of a growth rate already signed so that positive means the desired direction. */
    public static ProgressStatus ofGrowth(double directedGrowth) {
        return ofGrowth(directedGrowth, 1);
    }

    /**
     * As {@link #ofGrowth(double)}, with both thresholds scaled by {@code coefficient} (Open SDG's C, in
     * [0, 1]) for a value near a natural limit, where the same pace is harder to keep.
     */
    public static ProgressStatus ofGrowth(double directedGrowth, double coefficient) {
        return classify(directedGrowth, GROWTH_ON_TRACK * coefficient, GROWTH_ACCELERATION * coefficient);
    }

    private static ProgressStatus classify(double value, double high, double medium) {
        if (value >= high) return ON_TRACK;
        if (value >= medium) return NEEDS_ACCELERATION;
        if (value >= 0) return LIMITED_PROGRESS;
        return DETERIORATION;
    }
}
