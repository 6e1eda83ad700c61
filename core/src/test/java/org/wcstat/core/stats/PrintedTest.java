package org.wcstat.core.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrintedTest {

    // 1.005 is stored as 1.00499999999999989..., whose binary expansion rounds half up to 1.00; the value's shortest
    // decimal form, 1.005, rounds to 1.01, as a reader rounding the computed figure by hand does
    @ParameterizedTest(name = "{0} to {1} places: {2}")
    @CsvSource({
            "1.005, 2, 1.01",
            "2.675, 2, 2.68",
            "5.004, 2, 5",
            "5.005, 2, 5.01",
            "87.99999999999999, 2, 88",
            "82.4, 2, 82.4",
            "1234.5, 0, 1235",
            "-0.001, 2, 0",
            "-1.005, 2, -1.01",
            "100, 2, 100",
    })
    void roundsHalfUpFromTheShortestDecimalForm(double v, int decimals, String printed) {
        assertEquals(printed, Printed.text(v, decimals));
        assertEquals(Double.parseDouble(printed), Printed.round(v, decimals));
    }
}
