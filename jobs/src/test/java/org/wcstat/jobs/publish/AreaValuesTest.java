package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.dimension.AgeBands;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.jobs.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A city's own value from its towns' stored numerators and denominators, as a province's summary volume shows it,
 * in the cases where a value is easiest to get wrong. Every expected value is worked out by hand below.
 */
class AreaValuesTest {
    static final String A = "5101", B = "5102", A1 = "510101101", A2 = "510101102", B1 = "510201101";
    static final Map<String, String> CITY_OF = Map.of(A1, A, A2, A, B1, B);
    @TempDir
    static Path dir;
    static Catalog catalog;

    @BeforeAll
    static void catalog() throws Exception {
        Path indicators = Files.createDirectories(dir.resolve("indicators"));
        Files.writeString(indicators.resolve("test.yaml"), """
                indicators:
                  - {code: RATE, plan: children, area: health, name_zh: 死亡率, name_en: death rate, unit: "‰",
                     numerator: deaths, denominator: live_births, factor: 1000, interval: poisson, sources: [health]}
                  - {code: SHARE, plan: children, area: health, name_zh: 住院分娩率, name_en: hospital births, unit: "%",
                     numerator: hospital_births, denominator: live_births, factor: 100, interval: wilson, sources: [health]}
                  - {code: GAP, plan: children, area: health, name_zh: 死亡率差, name_en: gap, unit: "‰",
                     numerator: deaths, denominator: live_births, factor: 1000,
                     minus: {numerator: deaths, denominator: live_births}, sources: [health]}
                """);
        catalog = Catalog.load(indicators, Set.of("deaths", "live_births", "hospital_births"),
                Yaml.read(TestRepo.root().resolve("conf/dimensions.yaml"), AgeBands.class));
    }

    @Test
    void aYearWithoutEventsIsAZeroWithItsIntervalNotAGap() {
        // no deaths in A1 (of 100 births) nor A2 (of 200): city A 0 of 300 = 0 ‰; Garwood's upper limit for 0 events
        // χ²(0.975; 2)/2 = 7.3778/2 = 3.6889, /300 × 1000 = 12.296 ‰; 0 events < 20: unstable
        Row a = only(AreaValues.of(List.of(town("RATE", A1, "_T", 0, 100.0, 1, ""), town("RATE", A2, "_T", 0, 200.0, 1, "")),
                catalog, CITY_OF));
        assertEquals(A, a.getAs("region"));
        assertEquals(0.0, (double) a.getAs("value"));
        assertEquals(300.0, (double) a.getAs("denominator"));
        assertEquals(0.0, (double) a.getAs("ci_low"), 1e-9);
        assertEquals(12.296, (double) a.getAs("ci_high"), 1e-3);
        assertEquals("unstable", a.getAs("flags"));
    }

    @Test
    void aHandfulOfEventsIsAValueFlaggedUnstableWithItsExactInterval() {
        // 3 deaths of 500 births in city B's one town: 6 ‰; Garwood for 3: [χ²(0.025; 6)/2, χ²(0.975; 8)/2] =
        // [1.2373/2, 17.5345/2] = [0.6186, 8.7673] events, /500 × 1000 = [1.237, 17.535] ‰
        Row b = only(AreaValues.of(List.of(town("RATE", B1, "_T", 3, 500.0, 1, "unstable")), catalog, CITY_OF));
        assertEquals(6.0, (double) b.getAs("value"), 1e-9);
        assertEquals(1.237, (double) b.getAs("ci_low"), 1e-3);
        assertEquals(17.535, (double) b.getAs("ci_high"), 1e-3);
        assertEquals("unstable", b.getAs("flags"));
    }

    @Test
    void aShareAtItsNaturalLimitIsAHundredWithAnIntervalInsideIt() {
        // every birth in hospital: 100 of 100 and 200 of 200, city A 300 of 300 = 100 %; Wilson at p = 1, n = 300:
        // high (1 + z²/300)/(1 + z²/300) = 100 %, low 1/(1 + z²/300) = 1/(1 + 3.841459/300) = 98.736 %; 300 events: stable
        Row a = only(AreaValues.of(List.of(town("SHARE", A1, "_T", 100, 100.0, 1, ""), town("SHARE", A2, "_T", 200, 200.0, 1, "")),
                catalog, CITY_OF));
        assertEquals(100.0, (double) a.getAs("value"), 1e-9);
        assertEquals(100.0, (double) a.getAs("ci_high"), 1e-9);
        assertEquals(98.736, (double) a.getAs("ci_low"), 1e-3);
        assertEquals("", a.getAs("flags"));
    }

    @Test
    void anUnknownSexCountsInTheCitysTotalOnceAndTheBySexRowsAreNotAdded() {
        // A1: 2 boys, 2 girls and 1 death of unknown sex, total 5; A2: 1 boy, 1 girl, 1 unknown, total 3. The city's
        // deaths are the towns' totals, 5 + 3 = 8 (adding the by-sex rows too would give 8 + 6 = 14), over 400 births
        List<Row> rows = List.of(
                town("RATE", A1, "_T", 5, 150.0, 1, "unknown_sex=1"), town("RATE", A1, "M", 2, 75.0, 1, ""),
                town("RATE", A1, "F", 2, 75.0, 1, ""),
                town("RATE", A2, "_T", 3, 250.0, 1, "unknown_sex=1"), town("RATE", A2, "M", 1, 125.0, 1, ""),
                town("RATE", A2, "F", 1, 125.0, 1, ""));
        Row a = only(AreaValues.of(rows, catalog, CITY_OF));
        assertEquals("_T", a.getAs("sex"));
        assertEquals(8.0, (double) a.getAs("numerator"));
        assertEquals(400.0, (double) a.getAs("denominator"));
        assertEquals(20.0, (double) a.getAs("value"), 1e-9);
        // the towns' count of unknown codes is theirs, not the city's
        assertEquals("unstable", a.getAs("flags"));
    }

    @Test
    void aPooledWindowMissingAYearKeepsItsYearsAndTheSingleYearIsApart() {
        // the 2022-2024 window without 2023 (no load): A1 2 of 150, A2 4 of 250, city A 6 of 400 = 15 ‰, flagged as the
        // towns are; the single year 2024 (A1 1 of 50, A2 1 of 80: 2 of 130 = 15.385 ‰) is a row of its own
        String window = "pooled_3y,pooled_partial,pooled_years=2022+2024";
        List<Row> rows = List.of(
                town("RATE", A1, "_T", 2, 150.0, 3, "unstable," + window), town("RATE", A2, "_T", 4, 250.0, 3, "unstable," + window),
                town("RATE", A1, "_T", 1, 50.0, 1, "unstable"), town("RATE", A2, "_T", 1, 80.0, 1, "unstable"));
        List<Row> a = AreaValues.of(rows, catalog, CITY_OF);
        assertEquals(2, a.size());
        Row pooled = a.stream().filter(r -> (int) r.getAs("pooled_years") == 3).findFirst().orElseThrow();
        assertEquals(15.0, (double) pooled.getAs("value"), 1e-9);
        assertEquals(Arrays.asList("pooled_3y", "pooled_partial", "pooled_years=2022+2024", "unstable"),
                Arrays.asList(pooled.<String>getAs("flags").split(",")));
        Row single = a.stream().filter(r -> (int) r.getAs("pooled_years") == 1).findFirst().orElseThrow();
        assertEquals(2.0 / 130 * 1000, (double) single.getAs("value"), 1e-9);
        assertEquals("unstable", single.getAs("flags"));
    }

    @Test
    void aCityWithoutBirthsHasNoRateAndSaysWhy() {
        // no births in either town: 0 of 0 has no value
        Row a = only(AreaValues.of(List.of(town("RATE", A1, "_T", 0, 0.0, 1, "zero_denominator"),
                town("RATE", A2, "_T", 0, 0.0, 1, "zero_denominator")), catalog, CITY_OF));
        assertNull(a.getAs("value"));
        assertNull(a.getAs("ci_low"));
        assertEquals("zero_denominator", a.getAs("flags"));
    }

    @Test
    void aGapBetweenTwoRatesHasNoCityRowSinceItIsNoRatioOfItsSums() {
        // a derived cell: its stored numerator and denominator are its first rate's, so summing them would show that
        // rate, not the gap, and beside a withheld parent it would tell what disclosure control withheld
        assertTrue(AreaValues.of(List.of(town("GAP", A1, "_T", 2, 100.0, 1, "difference"),
                town("GAP", A2, "_T", 1, 100.0, 1, "difference")), catalog, CITY_OF).isEmpty());
    }

    private static Row only(List<Row> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    /** A town's stored value of 2024 at every age and residence; its value and interval are left out, as a city's are recomputed. */
    private static Row town(String indicator, String town, String sex, double numerator, Double denominator, int pooledYears, String flags) {
        List<Object> v = new ArrayList<>(List.of(indicator, 2024, town, sex, "_T", "_T", pooledYears, numerator));
        v.add(denominator);
        v.addAll(Arrays.asList(null, null, null, flags));
        return new GenericRowWithSchema(v.toArray(), ValueRows.SCHEMA);
    }
}
