package org.wcstat.core.assess;

import org.wcstat.core.catalog.Target;

/**
 * A target turned into what the progress formulas need: the desired direction (+1 up, −1 down)
 * and, for numeric targets, the level to reach. For "≈ v ± tol" the level is the band edge on
 * the side of the value being judged, because that edge is the nearest point at which the
 * target is met.
 */
record Goal(int direction, Double level, boolean band) {

    boolean numeric() {
        return level != null;
    }

    /** Whether {@code v} is at or beyond the level in the desired direction. */
    boolean reachedBy(double v) {
        double slack = Target.EDGE_SLACK * Math.max(1, Math.abs(level));
        return direction > 0 ? v >= level - slack : v <= level + slack;
    }

    /**
     * @param latest    the value that decides the side of a band target
     * @param baseValue the value in a relative target's base year, null when absent
     * @return the goal, or null when a relative target's base value is missing
     */
    static Goal of(Target target, double latest, Double baseValue) {
        return switch (target.comparator()) {
            case "<=", "<" -> new Goal(-1, target.value(), false);
            case ">=", ">" -> new Goal(+1, target.value(), false);
            case "≈" -> {
                double upper = target.value() + target.tolerance();
                double lower = target.value() - target.tolerance();
                yield latest > upper ? new Goal(-1, upper, true) : new Goal(+1, lower, true);
            }
            case "relative" -> baseValue == null ? null
                    : new Goal(target.value() < 0 ? -1 : +1, baseValue * (1 + target.value() / 100), false);
            case "increase" -> new Goal(+1, null, false);
            case "decrease" -> new Goal(-1, null, false);
            default -> throw new IllegalArgumentException("unknown comparator '" + target.comparator() + "'");
        };
    }
}
