package org.wcstat.core.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Target.parse(text)).getMessage();
    }

    @Test
    void atMost() {
        assertEquals(new Target("<=", 12.0, null, null, 2030, false), Target.parse("<= 12"));
    }

    @Test
    void below() {
        assertEquals(new Target("<", 5.0, null, null, 2030, false), Target.parse("< 5"));
    }

    @Test
    void atLeast() {
        assertEquals(new Target(">=", 98.0, null, null, 2030, false), Target.parse(">= 98"));
    }

    @Test
    void above() {
        assertEquals(new Target(">", 0.5, null, null, 2030, false), Target.parse("> 0.5"));
    }

    @Test
    void withinATolerance() {
        assertEquals(new Target("≈", 105.0, 2.0, null, 2030, false), Target.parse("≈ 105 ± 2"));
        assertEquals(Target.parse("≈ 105 ± 2"), Target.parse("≈105±2"));
    }

    @Test
    void relativeToABaseYear() {
        assertEquals(new Target("relative", -20.0, null, 2020, 2030, false), Target.parse("-20% vs 2020"));
        assertEquals(new Target("relative", 5.0, null, 2020, 2030, false), Target.parse("+5% vs 2020"));
    }

    @Test
    void directions() {
        assertEquals(new Target("increase", null, null, null, 2030, false), Target.parse("increase"));
        assertEquals(new Target("decrease", null, null, null, 2030, false), Target.parse("decrease"));
        assertEquals(Target.parse("increase"), Target.parse("Increase"));
    }

    @Test
    void byAYear() {
        assertEquals(new Target(">=", 98.0, null, null, 2025, false), Target.parse(">= 98 by 2025"));
        assertEquals(new Target("increase", null, null, null, 2025, false), Target.parse("increase by 2025"));
        assertEquals(new Target("relative", -20.0, null, 2020, 2025, false), Target.parse("-20% vs 2020 by 2025"));
    }

    @Test
    void inEveryTown() {
        assertEquals(new Target("<=", 0.0, null, null, 2030, true), Target.parse("<= 0 in every town"));
        assertEquals(new Target(">=", 98.0, null, null, 2025, true), Target.parse(">= 98 by 2025 in every town"));
    }

    @Test
    void theDefaultYearIsTheOutlinesEnd() {
        assertEquals(2030, Target.DEFAULT_YEAR);
        assertEquals(2030, Target.parse("<= 12").year());
    }

    @ParameterizedTest(name = "<= 12 met by {0}: {1}")
    @CsvSource({"11.99, true", "12, true", "12.01, false", "0, true"})
    void isMetByAtMost(double v, boolean met) {
        assertEquals(met, Target.parse("<= 12").isMetBy(v));
    }

    @ParameterizedTest(name = "< 12 met by {0}: {1}")
    @CsvSource({"11.99, true", "12, false", "12.01, false"})
    void isMetByBelow(double v, boolean met) {
        assertEquals(met, Target.parse("< 12").isMetBy(v));
    }

    @ParameterizedTest(name = ">= 98 met by {0}: {1}")
    @CsvSource({"97.99, false", "98, true", "98.01, true", "120, true"})
    void isMetByAtLeast(double v, boolean met) {
        assertEquals(met, Target.parse(">= 98").isMetBy(v));
    }

    // 58 of 200 as a percentage is 28.999999999999996 in floating point: "不低于29%" is met, "> 29" is not
    @Test
    void aLevelComputedTwoWaysIsTheLevel() {
        double share = 58.0 / 200 * 100;
        assertEquals(28.999999999999996, share);
        assertTrue(Target.parse(">= 29").isMetBy(share));
        assertFalse(Target.parse("> 29").isMetBy(share));
        assertTrue(Target.parse("<= 29").isMetBy(29.000000000000004));
        assertFalse(Target.parse("< 29").isMetBy(share));
    }

    @ParameterizedTest(name = "> 98 met by {0}: {1}")
    @CsvSource({"97.99, false", "98, false", "98.01, true"})
    void isMetByAbove(double v, boolean met) {
        assertEquals(met, Target.parse("> 98").isMetBy(v));
    }

    // 105 ± 2 is the closed range [103, 107]
    @ParameterizedTest(name = "≈ 105 ± 2 met by {0}: {1}")
    @CsvSource({"102.9, false", "103, true", "105, true", "107, true", "107.1, false", "100, false"})
    void isMetByWithinATolerance(double v, boolean met) {
        assertEquals(met, Target.parse("≈ 105 ± 2").isMetBy(v));
    }

    @ParameterizedTest
    @ValueSource(strings = {"increase", "decrease", "-20% vs 2020"})
    void directionAndRelativeTargetsNeedASeries(String text) {
        assertNull(Target.parse(text).isMetBy(10));
    }

    @ParameterizedTest(name = "''{0}'' prints as ''{1}''")
    @CsvSource(delimiter = ';', value = {
            "<= 12; <= 12",
            "<= 5.0; <= 5",
            "< 0.5; < 0.5",
            ">= 98; >= 98",
            "> 1; > 1",
            "≈ 105 ± 2; ≈ 105 ± 2",
            "≈105±2.5; ≈ 105 ± 2.5",
            "-20% vs 2020; -20% vs 2020",
            "+5% vs 2020; +5% vs 2020",
            "-12.5% vs 2020; -12.5% vs 2020",
            "increase; increase",
            "Decrease; decrease",
            ">= 98 by 2025; >= 98 by 2025",
            "<= 12 by 2030; <= 12",
            "<= 0 in every town; <= 0 in every town",
            ">= 98 by 2025 in every town; >= 98 by 2025 in every town",
    })
    void toStringIsTheCanonicalForm(String text, String printed) {
        Target t = Target.parse(text);
        assertEquals(printed, t.toString());
        assertEquals(t, Target.parse(t.toString()));
    }

    @Test
    void anUnreadableTarget() {
        String m = error("about 12");
        assertTrue(m.startsWith("cannot read target 'about 12'; write e.g. '<= 12', '>= 98 by 2025', '≈ 105 ± 2', "
                + "'-20% vs 2020', 'increase' or 'decrease'"), m);
        assertTrue(m.endsWith("optionally followed by 'in every town'"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"= 12", "<= twelve", "12", "<=", "20% vs 2020", "in every town <= 12"})
    void otherUnreadableTargets(String text) {
        assertTrue(error(text).startsWith("cannot read target '" + text + "'"));
    }

    @Test
    void aNumberWithTwoDecimalPointsIsUnreadable() {
        assertTrue(error("<= 1.2.3").startsWith("cannot read target '<= 1.2.3'"));
    }

    @Test
    void anEmptyTarget() {
        assertTrue(error("").startsWith("empty target; write e.g. '<= 12'"));
        assertTrue(error("  ").startsWith("empty target"));
        assertTrue(error(null).startsWith("empty target"));
    }

    @Test
    void approximatelyWithoutATolerance() {
        assertEquals("target '≈ 105': '≈' takes a tolerance ('≈ 105 ± 2') and only '≈' does", error("≈ 105"));
    }

    @Test
    void aToleranceWithoutApproximately() {
        assertEquals("target '<= 12 ± 2': '≈' takes a tolerance ('≈ 105 ± 2') and only '≈' does", error("<= 12 ± 2"));
    }
}
