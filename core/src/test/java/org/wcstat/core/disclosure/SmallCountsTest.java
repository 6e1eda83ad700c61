package org.wcstat.core.disclosure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallCountsTest {

    @Test
    void theDefaultWithholdsCountsUnderThreeAndPublishesZeros() {
        assertEquals(new SmallCounts(3, false), SmallCounts.DEFAULT);
    }

    @ParameterizedTest(name = "threshold 3, zeros not counted: {0} -> {1}")
    @CsvSource({
            "0, false",   // a zero is published unless zeros count
            "1, true",
            "2, true",
            "2.5, true",  // 2.5 < 3
            "3, false",   // at the threshold: published
            "4, false",
            "100, false",
            "-1, false",  // not a count: never withheld
    })
    void thresholdThreeWithoutZeros(double count, boolean withheld) {
        assertEquals(withheld, new SmallCounts(3, false).suppress(count));
    }

    @ParameterizedTest(name = "threshold 3, zeros counted: {0} -> {1}")
    @CsvSource({
            "0, true",
            "1, true",
            "2, true",
            "3, false",
            "4, false",
    })
    void thresholdThreeWithZeros(double count, boolean withheld) {
        assertEquals(withheld, new SmallCounts(3, true).suppress(count));
    }

    @Test
    void theThresholdIsTheFirstPublishedCount() {
        SmallCounts five = new SmallCounts(5, false);
        assertTrue(five.suppress(4));
        assertFalse(five.suppress(5));
    }
}
