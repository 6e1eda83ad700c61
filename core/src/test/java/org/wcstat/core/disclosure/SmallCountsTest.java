package org.wcstat.core.disclosure;

import org.junit.jupiter.api.Test;
import org.wcstat.core.catalog.Indicator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallCountsTest {

    @Test
    void theDefaultWithholdsCountsUnderThreeAndPublishesZeros() {
        assertEquals(new SmallCounts(3, false), SmallCounts.DEFAULT);
    }

    @Test
    void countsOfFacilitiesAreNotProtected() {
        // one vaccination clinic in a town identifies no one; one maternal death does
        assertFalse(SmallCounts.appliesTo(indicator(Indicator.FACILITIES)));
        assertTrue(SmallCounts.appliesTo(indicator(Indicator.PEOPLE)));
        assertTrue(SmallCounts.appliesTo(indicator(null)));
    }

    private static Indicator indicator(String counts) {
        return new Indicator("C-T-01", "children", "health", "门诊数", "clinics", "个", "clinics", null, null, null,
                List.of("town"), null, null, ">= 1 in every town", null, List.of("health"), null, null, counts);
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
