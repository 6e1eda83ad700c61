package org.wcstat.core.assess;

import java.util.Set;

/**
 * The progress of one series towards one target.
 *
 * @param status        category
 * @param ratio         actual over required growth (targets) or null (direction-only goals, achieved, lost)
 * @param growth        observed compound annual growth rate, or the observed linear change a year when
 *                      {@link CornerCase#ZERO_BASELINE} / {@link CornerCase#ZERO_TARGET} applies; null when not computed
 * @param required      the required rate on the same scale as {@code growth}; null without a numeric target
 * @param baseYear      the baseline year used, null when there was none
 * @param latestYear    the latest year used, null when there was none
 * @param explanation   one sentence: the rule that applied and the numbers behind it
 * @param cornerCases   the corner cases handled, empty when the textbook formula applied as written
 */
public record Assessment(ProgressStatus status, Double ratio, Double growth, Double required,
                         Integer baseYear, Integer latestYear, String explanation, Set<CornerCase> cornerCases) {

    public Assessment {
        cornerCases = Set.copyOf(cornerCases);
    }

    public boolean has(CornerCase c) {
        return cornerCases.contains(c);
    }
}
