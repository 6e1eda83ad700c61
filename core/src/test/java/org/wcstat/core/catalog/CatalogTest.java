package org.wcstat.core.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcstat.core.dimension.AgeBands;
import org.wcstat.core.yaml.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {

    private static final Set<String> MEASURES = Set.of("live_births", "maternal_deaths", "population", "high_school_students");
    private static final AgeBands AGES = new AgeBands(List.of(
            new AgeBands.Band("0-14", 0, 14), new AgeBands.Band("15-17", 15, 17), new AgeBands.Band("18+", 18, null)));

    @TempDir
    Path dir;

    /** One indicator in block style; null leaves a field out. */
    private static String indicator(String code, String plan, String numerator, String denominator, String factor,
                                    String by, String target) {
        StringBuilder s = new StringBuilder();
        s.append("  - code: ").append(code).append('\n');
        s.append("    plan: ").append(plan).append('\n');
        s.append("    area: health\n");
        s.append("    name_zh: 指标\n");
        s.append("    name_en: An indicator\n");
        s.append("    unit: \"%\"\n");
        s.append("    numerator: \"").append(numerator).append("\"\n");
        if (denominator != null) s.append("    denominator: \"").append(denominator).append("\"\n");
        if (factor != null) s.append("    factor: ").append(factor).append('\n');
        if (by != null) s.append("    by: [").append(by).append("]\n");
        if (target != null) s.append("    target: \"").append(target).append("\"\n");
        s.append("    sources: [health]\n");
        return s.toString();
    }

    private static final String GOOD = indicator("W-H-02", "women", "maternal_deaths", "live_births", "100000",
            "residence", "<= 12");

    private Path write(String name, String... indicators) throws IOException {
        return Files.writeString(dir.resolve(name), "indicators:\n" + String.join("", indicators));
    }

    private String error() {
        return assertThrows(ConfigException.class, () -> Catalog.load(dir, MEASURES, AGES)).getMessage();
    }

    @Test
    void aGoodIndicator() throws IOException {
        Path f = write("women-health.yaml", GOOD);
        Catalog c = Catalog.load(dir, MEASURES, AGES);
        assertEquals(1, c.entries().size());
        Catalog.Entry e = c.get("W-H-02");
        assertEquals("W-H-02", e.code());
        assertEquals(f, e.file());
        assertEquals(new Target("<=", 12.0, null, null, 2030, false), e.target());
        assertEquals(Formula.parseExpr("maternal_deaths"), e.formula().numerator());
        assertEquals(Formula.parseExpr("live_births"), e.formula().denominator());
        assertEquals(100000.0, e.formula().factor());
        assertEquals(List.of("residence"), e.indicator().disaggregations());
    }

    @Test
    void aCountWithoutDenominatorFactorOrTarget() throws IOException {
        write("a.yaml", indicator("W-H-99", "women", "maternal_deaths", null, null, null, null));
        Catalog.Entry e = Catalog.load(dir, MEASURES, AGES).get("W-H-99");
        assertEquals(null, e.formula().denominator());
        assertEquals(1.0, e.formula().factor());
        assertEquals(null, e.target());
        assertEquals(List.of(), e.indicator().disaggregations());
    }

    @Test
    void aCountOfFacilities() throws IOException {
        write("a.yaml", indicator("C-H-M8", "children", "live_births", null, null, "town", ">= 1 in every town")
                + "    counts: facilities\n");
        assertTrue(Catalog.load(dir, MEASURES, AGES).get("C-H-M8").indicator().countsFacilities());
        write("a.yaml", indicator("C-H-M8", "children", "live_births", null, null, "town", ">= 1 in every town")
                + "    counts: buildings\n");
        assertTrue(error().endsWith("a.yaml:12:13: indicator C-H-M8: counts must be one of [facilities, people], not 'buildings';"
                + " facilities (clinics, kindergartens, venues) are published however few, people are not"), error());
    }

    @Test
    void entriesKeepFileThenListOrder() throws IOException {
        write("b.yaml", indicator("B-2", "children", "live_births", null, null, null, null),
                indicator("B-1", "children", "live_births", null, null, null, null));
        write("a.yaml", indicator("A-9", "women", "live_births", null, null, null, null));
        write("notes.txt", "not a catalog file");
        assertEquals(List.of("A-9", "B-2", "B-1"),
                Catalog.load(dir, MEASURES, AGES).entries().stream().map(Catalog.Entry::code).toList());
    }

    @Test
    void anUnknownCode() throws IOException {
        write("a.yaml", GOOD);
        Catalog c = Catalog.load(dir, MEASURES, AGES);
        assertEquals("no indicator 'W-H-03' in the catalog",
                assertThrows(IllegalArgumentException.class, () -> c.get("W-H-03")).getMessage());
    }

    /** Each bad indicator, the text its problem is reported at, and the start of the problem's message. */
    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(indicator("B-1", "women", "deaths_unknown", "live_births", "1000", null, null), "\"deaths_unknown\"",
                        "indicator B-1: unknown measure 'deaths_unknown' in numerator: no extract in "),
                Arguments.of(indicator("B-2", "women", "live_births", "population - live_births", "100", null, null),
                        "\"population - live_births\"",
                        "indicator B-2: the denominator 'population - live_births' can be zero or negative;"
                                + " divide by a sum of measures"),
                // the factor is missing: the indicator itself, whose mapping starts at its first field
                Arguments.of(indicator("B-3", "women", "maternal_deaths", "live_births", null, null, null), "code: B-3",
                        "indicator B-3: a ratio needs a factor (100 for %, 1000 for ‰, 100000 per 100,000)"),
                Arguments.of(indicator("B-4", "children", "live_births{sex=M}", "live_births{sex=F}", "100", "sex", null), "sex]",
                        "indicator B-4: is published by sex but its formula fixes sex; drop one of the two"),
                Arguments.of(indicator("B-5", "children", "population{region=510811101}", null, null, "town", null), "town]",
                        "indicator B-5: is published by town but its formula fixes region; drop one of the two"),
                Arguments.of(indicator("B-6", "children", "high_school_students", "population{age=15-19}", "100", null, null),
                        "\"population{age=15-19}\"",
                        "indicator B-6: age band '15-19' in population{age=15-19} is not configured in "),
                Arguments.of(indicator("B-7", "men", "live_births", null, null, null, null), "men",
                        "indicator B-7: plan must be one of "),
                // maternal_deaths is columns 1-15, a space, then '*' at column 17
                Arguments.of(indicator("B-8", "women", "maternal_deaths * 2", null, null, null, null), "\"maternal_deaths * 2\"",
                        "indicator B-8: numerator: expected '+' or '-' between measures at column 17 of 'maternal_deaths * 2'"),
                Arguments.of(indicator("B-9", "women", "maternal_deaths", "live_births", "100000", null, "about 12"), "\"about 12\"",
                        "indicator B-9: cannot read target 'about 12'"),
                Arguments.of(indicator("B-10", "women", "live_births", null, null, "county", null), "county]",
                        "indicator B-10: cannot be published by 'county'; use "));
    }

    /** "line:column" of the first {@code text} at or after the line where indicator {@code code} starts. */
    private static String position(Path file, String code, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = 0;
        while (!lines.get(start).endsWith("code: " + code) && !lines.get(start).contains("code: " + code + ",")) start++;
        for (int i = start; i < lines.size(); i++) {
            int col = lines.get(i).indexOf(text);
            if (col >= 0) return (i + 1) + ":" + (col + 1);
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static String code(String indicator) {
        return indicator.substring(indicator.indexOf("code: ") + 6).split("[,\\n]")[0];
    }

    @ParameterizedTest
    @MethodSource("problems")
    void eachProblemNamesTheFileTheLineAndTheIndicator(String bad, String at, String expected) throws IOException {
        write("a-good.yaml", GOOD);
        Path f = write("b-bad.yaml", bad);
        String m = error();
        assertTrue(m.startsWith("the indicator catalog has 1 problem(s):\n  " + f + ":" + position(f, code(bad), at) + ": " + expected), m);
    }

    @Test
    void aMisspeltMeasureIsNamedWithTheSourcesFolderAndTheNearestMeasure() throws IOException {
        Path f = write("a.yaml", indicator("B-1", "women", "maternal_death", "live_births", "100000", null, null));
        String m = error();
        assertTrue(m.contains(f + ":" + position(f, "B-1", "\"maternal_death\"") + ": indicator B-1: unknown measure 'maternal_death'"
                + " in numerator: no extract in " + dir.resolveSibling("sources") + " produces it (did you mean 'maternal_deaths'?)"), m);
    }

    @Test
    void theWrongPlanIsNamed() throws IOException {
        write("a.yaml", indicator("B-7", "men", "live_births", null, null, null, null));
        String m = error();
        assertTrue(m.contains("plan must be one of [") && m.endsWith("], not 'men'"), m);
        assertTrue(m.contains("women") && m.contains("children"), m);
    }

    @Test
    void aCodeDefinedTwiceIsReportedInTheSecondFile() throws IOException {
        Path first = write("a-good.yaml", GOOD);
        Path f = write("b-again.yaml", GOOD);
        // the second file's code, on line 2 after "  - code: "
        assertEquals("the indicator catalog has 1 problem(s):\n  " + f + ":2:11: indicator W-H-02: is defined twice (first in " + first + ")",
                error());
    }

    @Test
    void everyProblemIsListedAtOnce() throws IOException {
        Path good = write("a-good.yaml", GOOD);
        Path bad = write("b-bad.yaml",
                problems().map(a -> (String) a.get()[0]).toArray(String[]::new));
        Path again = write("c-again.yaml", GOOD);
        String m = error();
        // ten kinds of problem in b-bad.yaml and the duplicate in c-again.yaml
        assertTrue(m.startsWith("the indicator catalog has 11 problem(s):\n"), m);
        String[] lines = m.split("\n");
        assertEquals(12, lines.length, m);
        List<Arguments> expected = problems().toList();
        for (int i = 0; i < expected.size(); i++) {
            Object[] a = expected.get(i).get();
            assertTrue(lines[i + 1].startsWith("  " + bad + ":" + position(bad, code((String) a[0]), (String) a[1]) + ": " + a[2]), lines[i + 1]);
        }
        assertEquals("  " + again + ":2:11: indicator W-H-02: is defined twice (first in " + good + ")", lines[11]);
        for (String line : lines) {
            assertTrue(!line.startsWith("  " + good), "a-good.yaml has no problem: " + line);
        }
    }

    @Test
    void anEmptyPlanIsAMissingValueAtItsLine() throws IOException {
        Path f = write("a.yaml", indicator("B-11", "~", "live_births", null, null, null, null));
        String m = error();
        // "    plan: ~" is line 3; the field's name starts at column 5
        assertTrue(m.startsWith(f + ":3:5: field 'plan' has no value, but it is required: give it a single text value"), m);
    }

    @Test
    void aYamlErrorStopsAtTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("a.yaml"), "indicators:\n" + GOOD + "    colour: red\n");
        String m = error();
        assertTrue(m.startsWith(f + ":"), m);
        assertTrue(m.contains("unknown field 'colour'"), m);
    }

    @Test
    void aMissingFolder() {
        Path none = dir.resolve("indicators");
        String m = assertThrows(ConfigException.class, () -> Catalog.load(none, MEASURES, AGES)).getMessage();
        assertTrue(m.startsWith(none + ": cannot list the indicator catalog ("), m);
    }

    /** An indicator in flow style, for the formula forms the block-style helper does not write. */
    private static String flow(String code, String fields) {
        return "  - {code: " + code + ", plan: women, area: health, name_zh: 指标, name_en: An indicator, unit: \"%\", "
                + fields + ", sources: [health]}\n";
    }

    @Test
    void aGapBetweenTwoRatesIsTheFirstLessTheSecond() throws IOException {
        write("a.yaml", flow("W-H-02b", "numerator: \"maternal_deaths{residence=R}\", denominator: \"live_births{residence=R}\","
                + " minus: {numerator: \"maternal_deaths{residence=U}\", denominator: \"live_births{residence=U}\"},"
                + " factor: 100000, target: decrease"));
        Formula f = Catalog.load(dir, MEASURES, AGES).get("W-H-02b").formula();
        assertEquals("maternal_deaths{residence=U}", f.minus().numerator().toString());
        assertEquals("live_births{residence=U}", f.minus().denominator().toString());
        assertEquals(100000.0, f.minus().factor());
    }

    @Test
    void aRatioToABaseYearAndAWomensShare() throws IOException {
        write("a.yaml",
                flow("W-X-1", "numerator: live_births, denominator: \"live_births@2020\", factor: 100, target: \"-20% vs 2020\""),
                flow("W-X-2", "numerator: \"population{sex=F}\", denominator: population, factor: 100, by: [town], target: \"≈ 50 ± 2\""));
        Catalog c = Catalog.load(dir, MEASURES, AGES);
        assertEquals(2020, c.get("W-X-1").formula().denominator().terms().get(0).term().fixedYear());
        assertEquals(new Target("relative", -20.0, null, 2020, 2030, false), c.get("W-X-1").target());
        assertEquals(Set.of("sex"), c.get("W-X-2").formula().fixedDimensions());
    }

    @Test
    void aCountTargetInEveryTown() throws IOException {
        // at least one service complex in every town
        write("a.yaml", flow("W-S-10", "numerator: population, by: [town], target: \">= 1 in every town\""));
        assertEquals(new Target(">=", 1.0, null, null, 2030, true), Catalog.load(dir, MEASURES, AGES).get("W-S-10").target());
    }

    static Stream<Arguments> formulaProblems() {
        return Stream.of(
                Arguments.of(flow("G-1", "numerator: population, target: \">= 1 in every town\""), "\">= 1",
                        "indicator G-1: target '>= 1 in every town' is for every town, so the indicator must be published by town: add town to 'by'"),
                Arguments.of(flow("G-2", "numerator: population, minus: {numerator: live_births, denominator: population}, factor: 100"),
                        "{numerator: live_births",
                        "indicator G-2: 'minus' subtracts a second ratio from the first; give the first a denominator"),
                Arguments.of(flow("G-3", "numerator: live_births, denominator: population, factor: 100,"
                                + " minus: {numerator: live_births, denominator: \"population - live_births\"}"), "\"population - live_births\"",
                        "indicator G-3: the minus denominator 'population - live_births' can be zero or negative; divide by a sum of measures"),
                Arguments.of(flow("G-4", "numerator: live_births, denominator: population, factor: 100, interval: wilson,"
                                + " minus: {numerator: live_births, denominator: population}"), "wilson",
                        "indicator G-4: has an interval (wilson) but is a difference of two ratios; intervals are for a single rate"),
                Arguments.of(flow("G-5", "numerator: live_births, denominator: \"population@2020\", factor: 100,"
                                + " minus: {numerator: unknown_cases, denominator: population}"), "unknown_cases",
                        "indicator G-5: unknown measure 'unknown_cases' in minus numerator: no extract in "),
                Arguments.of(flow("G-6", "numerator: live_births, denominator: \"population@20\", factor: 100"), "\"population@20\"",
                        "indicator G-6: denominator: a year after '@' has four digits"));
    }

    @ParameterizedTest
    @MethodSource("formulaProblems")
    void eachFormulaProblemNamesTheIndicatorAndTheValuesPlace(String bad, String at, String expected) throws IOException {
        Path f = write("b-bad.yaml", bad);
        String m = error();
        assertTrue(m.startsWith("the indicator catalog has 1 problem(s):\n  " + f + ":" + position(f, code(bad), at) + ": " + expected), m);
    }
}
