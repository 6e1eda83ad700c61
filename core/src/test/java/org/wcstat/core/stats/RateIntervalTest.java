package org.wcstat.core.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class RateIntervalTest {

    // Garwood's exact interval for x = 2 events: [χ²(0.025; 4) / 2, χ²(0.975; 6) / 2] = [0.4844 / 2, 14.449 / 2]
    // = [0.2422, 7.2247] events; per 1,000 of 1,000 at risk that is the count itself, of 500 twice it.
    // The count's bounds are kept between calls: asking again, or for another denominator, must not change them.
    @Test
    void poissonIntervalOfTheSameCountOverDifferentDenominators() {
        double[] of1000 = RateInterval.POISSON.interval(2, 1000, 1000);
        assertArrayEquals(new double[]{0.2422, 7.2247}, of1000, 1e-4);
        assertArrayEquals(new double[]{0.4844, 14.4494}, RateInterval.POISSON.interval(2, 500, 1000), 1e-4);
        assertArrayEquals(new double[]{0.2422, 7.2247}, RateInterval.POISSON.interval(2, 1000, 1000), 1e-4);
        // no events: the lower bound is 0 and the upper χ²(0.975; 2) / 2 = 7.3778 / 2 = 3.6889
        assertArrayEquals(new double[]{0, 3.6889}, RateInterval.POISSON.interval(0, 1, 1), 1e-4);
    }
}
