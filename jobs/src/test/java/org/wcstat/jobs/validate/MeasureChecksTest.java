package org.wcstat.jobs.validate;

import org.junit.jupiter.api.Test;
import org.wcstat.core.config.ValidationRules;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Logical and statistical rules over measures, on values worked out by hand. */
class MeasureChecksTest {
    static final int YEAR = 2024;

    static ValidationRules.Rule logical(String left, String op, String right, Double tolerance, List<String> by) {
        return new ValidationRules.Rule("r", "logical", null, null, null, null, null, null, null, left, op, right, tolerance, by,
                null, null, null, "high", "warn");
    }

    static ValidationRules.Rule zScore(Integer minHistory) {
        return new ValidationRules.Rule("z", "statistical", "modified_z", null, null, null, null, null, null, null, null, null, null,
                List.of("region"), "births", null, minHistory, "medium", "warn");
    }

    static Fact f(String measure, int year, String region, String sex, String age, double value) {
        return new Fact(measure, year, region, sex, age, "_T", value);
    }

    @Test
    void femalePlusMaleAgainstTheTotalPerTown() {
        // town 101: 4 + 5 = 9 against 10, a breach; town 108: 2 + 3 = 5 against 5, kept
        List<Fact> facts = List.of(f("pupils", YEAR, "101", "F", "_T", 4), f("pupils", YEAR, "101", "M", "_T", 5),
                f("pupils", YEAR, "101", "_T", "_T", 10), f("pupils", YEAR, "108", "F", "_T", 2),
                f("pupils", YEAR, "108", "M", "_T", 3), f("pupils", YEAR, "108", "_T", "_T", 5));
        List<MeasureChecks.Breach> b = new MeasureChecks(YEAR).check(
                List.of(logical("pupils{sex=F} + pupils{sex=M}", "==", "pupils{sex=_T}", null, List.of("region"))), facts, List.of());
        assertEquals(1, b.size());
        assertEquals("region=101", b.get(0).groupKey());
        assertEquals("pupils{sex=F} + pupils{sex=M} = 9 is not == pupils{sex=_T} = 10", b.get(0).reason());
    }

    @Test
    void enrolledAgainstPopulationTimesToleranceForTheDistrict() {
        // grouped by nothing: pupils 60 + 70 = 130 against population (50 + 50) × 1.2 = 120, a breach;
        // the population of age 6-11 (999) is outside the filter
        List<Fact> facts = List.of(f("pupils", YEAR, "101", "_T", "3-5", 60), f("pupils", YEAR, "108", "_T", "3-5", 70),
                f("population", YEAR, "101", "_T", "3-5", 50), f("population", YEAR, "108", "_T", "3-5", 50),
                f("population", YEAR, "108", "_T", "6-11", 999));
        List<MeasureChecks.Breach> b = new MeasureChecks(YEAR).check(
                List.of(logical("pupils{age=3-5}", "<=", "population{age=3-5}", 1.2, List.of())), facts, List.of());
        assertEquals(1, b.size());
        assertEquals("", b.get(0).groupKey());
        assertEquals("pupils{age=3-5} = 130 is not <= population{age=3-5} = 100 × 1.2 = 120", b.get(0).reason());
    }

    @Test
    void aSideWithoutValuesIsNotCompared() {
        // town 108 has deaths but no births: a gap, not a breach
        List<Fact> facts = List.of(f("infant_deaths", YEAR, "108", "_T", "_T", 2), f("infant_deaths", YEAR, "101", "_T", "_T", 1),
                f("live_births", YEAR, "101", "_T", "_T", 5));
        assertEquals(List.of(), new MeasureChecks(YEAR).check(List.of(logical("infant_deaths", "<=", "live_births", null, null)),
                facts, List.of()));
    }

    @Test
    void modifiedZScoreAgainstTheTownsOwnHistory() {
        // history 100, 104, 98, 102, 101 and 300 now: sorted 98 100 101 102 104 300, median 101.5;
        // deviations 3.5 1.5 0.5 0.5 2.5 198.5, sorted 0.5 0.5 1.5 2.5 3.5 198.5, MAD 2;
        // z = 0.6745 × (300 − 101.5) / 2 = 66.94 > 3.5. Town 108: 50 against 49, 51, 50, 52 is no outlier:
        // median of 49 50 50 51 52 is 50, z = 0
        List<Fact> history = List.of(f("births", 2019, "101", "_T", "_T", 100), f("births", 2020, "101", "_T", "_T", 104),
                f("births", 2021, "101", "_T", "_T", 98), f("births", 2022, "101", "_T", "_T", 102),
                f("births", 2023, "101", "_T", "_T", 101), f("births", 2020, "108", "_T", "_T", 49),
                f("births", 2021, "108", "_T", "_T", 51), f("births", 2022, "108", "_T", "_T", 50), f("births", 2023, "108", "_T", "_T", 52));
        List<Fact> now = List.of(f("births", YEAR, "101", "_T", "_T", 300), f("births", YEAR, "108", "_T", "_T", 50));
        List<MeasureChecks.Breach> b = new MeasureChecks(YEAR).check(List.of(zScore(null)), now, history);
        assertEquals(1, b.size());
        assertEquals("region=101", b.get(0).groupKey());
        assertEquals("births = 300 departs from its 5 earlier years [100, 104, 98, 102, 101]: modified z-score 66.94 beyond ±3.5",
                b.get(0).reason());
        // with 5 years of history required, town 108's 4 years are too few to judge, and 101 still breaks
        assertEquals(1, new MeasureChecks(YEAR).check(List.of(zScore(5)), now, history).size());
        assertEquals(0, new MeasureChecks(YEAR).check(List.of(zScore(6)), now, history).size());
    }
}
