package org.wcstat.core.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 95% confidence intervals for rates on small numbers, where one death more or less moves a
 * district's rate a long way.
 * <ul>
 *   <li>{@code poisson}: events (deaths) counted against a population at risk; the exact
 *   (Garwood 1936) interval for a Poisson count x, from the chi-square distribution:
 *   [χ²(α/2; 2x) / 2, χ²(1−α/2; 2x+2) / 2], divided by the denominator and times the factor.
 *   Exact at x = 0, where normal approximations fail.</li>
 *   <li>{@code wilson}: a share of a whole (women among members); Wilson's score interval
 *   (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), which stays inside 0–100%.</li>
 * </ul>
 */
public enum RateInterval {
    NONE, POISSON, WILSON;

    /** Rates on fewer events than this are flagged unstable (US NCHS: relative standard error above 23%). */
    public static final int STABLE_EVENTS = 20;

    private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

    public static RateInterval of(String name) {
        if (name == null) return NONE;
        return switch (name) {
            case "poisson" -> POISSON;
            case "wilson" -> WILSON;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("interval must be poisson, wilson or none, not '" + name + "'");
        };
    }

    /** {low, high} for x events over n, times factor; null when there is no interval to give. */
    public double[] interval(double x, double n, double factor) {
        if (this == NONE || n <= 0 || x < 0) return null;
        return switch (this) {
            case POISSON -> {
                double[] count = poissonCount(x);
                yield new double[]{count[0] / n * factor, count[1] / n * factor};
            }
            case WILSON -> {
                double p = Math.min(1, x / n);
                double z2 = Z * Z;
                double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
                double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
                yield new double[]{Math.max(0, centre - half) * factor, Math.min(1, centre + half) * factor};
            }
            case NONE -> null;
        };
    }

    /**
     * The exact interval of a Poisson count x, {low, high}, kept per count: a city's values ask for the same
     * few counts thousands of times, and each answer builds two chi-square distributions (each with a
     * random generator of its own) and solves for their quantiles.
     */
    private static double[] poissonCount(double x) {
        double[] known = POISSON_COUNTS.get(x);
        if (known != null) return known;
        double low = x == 0 ? 0 : new ChiSquaredDistribution(2 * x).inverseCumulativeProbability(0.025) / 2;
        double high = new ChiSquaredDistribution(2 * x + 2).inverseCumulativeProbability(0.975) / 2;
        double[] count = {low, high};
        if (POISSON_COUNTS.size() < POISSON_COUNTS_KEPT) POISSON_COUNTS.put(x, count);
        return count;
    }

    /** Enough for every count of a province's towns; past it, counts are worked out each time. */
    private static final int POISSON_COUNTS_KEPT = 200_000;
    private static final Map<Double, double[]> POISSON_COUNTS = new ConcurrentHashMap<>();

    public boolean unstable(double events) {
        return this != NONE && events < STABLE_EVENTS;
    }
}
