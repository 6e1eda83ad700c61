package org.wcstat.core.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormulaTest {

    private static Formula.Term term(String measure) {
        return new Formula.Term(measure, Map.of());
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Formula.parseExpr(text)).getMessage();
    }

    @Test
    void aSingleMeasure() {
        Formula.Expr e = Formula.parseExpr("live_births");
        assertEquals(List.of(new Formula.SignedTerm(1, term("live_births"))), e.terms());
        assertEquals("live_births", e.toString());
        assertFalse(e.canBeZero());
    }

    @Test
    void sumsAndDifferencesKeepTheirSignsInOrder() {
        Formula.Expr e = Formula.parseExpr("a + b - c");
        assertEquals(List.of(
                new Formula.SignedTerm(1, term("a")),
                new Formula.SignedTerm(1, term("b")),
                new Formula.SignedTerm(-1, term("c"))), e.terms());
        assertEquals("a + b - c", e.toString());
    }

    @Test
    void spacesAroundOperatorsAreOptional() {
        assertEquals(Formula.parseExpr("a + b - c"), Formula.parseExpr("a+b-c"));
        assertEquals("a + b - c", Formula.parseExpr("a+b-c").toString());
    }

    @Test
    void aLeadingMinusNegatesTheFirstTerm() {
        Formula.Expr e = Formula.parseExpr("-a + b");
        assertEquals(-1, e.terms().get(0).sign());
        assertEquals(1, e.terms().get(1).sign());
        assertEquals("-a + b", e.toString());
    }

    @Test
    void aFilterOnSeveralDimensionsKeepsTheirOrder() {
        Formula.Expr e = Formula.parseExpr("population{sex=F,age=15-17}");
        assertEquals(1, e.terms().size());
        Formula.Term t = e.terms().get(0).term();
        assertEquals("population", t.measure());
        assertEquals(Map.of("sex", Set.of("F"), "age", Set.of("15-17")), t.filter());
        assertEquals(List.of("sex", "age"), List.copyOf(t.filter().keySet()));
        assertEquals("population{sex=F,age=15-17}", e.toString());
    }

    @Test
    void alternativesOfOneDimension() {
        Formula.Term t = Formula.parseExpr("x{sex=F|M}").terms().get(0).term();
        assertEquals(List.of("F", "M"), List.copyOf(t.filter().get("sex")));
        assertEquals("x{sex=F|M}", t.toString());
    }

    @Test
    void spacesInsideAFilterAreIgnored() {
        Formula.Expr spaced = Formula.parseExpr(" population { sex = F | M , age = 15-17 } ");
        assertEquals(Formula.parseExpr("population{sex=F|M,age=15-17}"), spaced);
        assertEquals("population{sex=F|M,age=15-17}", spaced.toString());
    }

    @Test
    void theRegionDimensionIsAllowed() {
        Formula.Term t = Formula.parseExpr("population{region=510811101}").terms().get(0).term();
        assertEquals(Set.of("510811101"), t.filter().get("region"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "live_births",
            "a + b - c",
            "-a + b",
            "population{sex=F,age=15-17}",
            "x{sex=F|M}",
            "vc_directors{sex=F} + vc_members_other{sex=F}",
            "population{residence=U|R,region=510811101} - x{age=65+}",
    })
    void toStringParsesBackToTheSameExpression(String text) {
        Formula.Expr e = Formula.parseExpr(text);
        assertEquals(text, e.toString());
        assertEquals(e, Formula.parseExpr(e.toString()));
    }

    @Test
    void canBeZeroOnlyWithASubtraction() {
        assertFalse(Formula.parseExpr("a").canBeZero());
        assertFalse(Formula.parseExpr("a + b").canBeZero());
        assertFalse(Formula.parseExpr("a{sex=F}").canBeZero());
        assertTrue(Formula.parseExpr("a - b").canBeZero());
        assertTrue(Formula.parseExpr("a + b - c").canBeZero());
        assertTrue(Formula.parseExpr("-a").canBeZero());
        assertTrue(new Formula.Expr(List.of()).canBeZero());
    }

    @Test
    void termsListsNumeratorThenDenominator() {
        Formula f = new Formula(
                Formula.parseExpr("vc_directors{sex=F} + vc_members_other{sex=F}"),
                Formula.parseExpr("vc_directors + vc_members_other"), 100);
        assertEquals(List.of("vc_directors", "vc_members_other", "vc_directors", "vc_members_other"),
                f.terms().stream().map(Formula.Term::measure).toList());
    }

    @Test
    void fixedDimensionsAreTheUnionOverNumeratorAndDenominator() {
        Formula womenShare = new Formula(
                Formula.parseExpr("vc_directors{sex=F} + vc_members_other{sex=F}"),
                Formula.parseExpr("vc_directors + vc_members_other"), 100);
        assertEquals(Set.of("sex"), womenShare.fixedDimensions());

        Formula girls = new Formula(
                Formula.parseExpr("high_school_students{sex=F}"),
                Formula.parseExpr("population{sex=F,age=15-17}"), 100);
        assertEquals(List.of("sex", "age"), List.copyOf(girls.fixedDimensions()));

        Formula townOnly = new Formula(Formula.parseExpr("a"), Formula.parseExpr("b{region=510811101}"), 100);
        assertEquals(Set.of("region"), townOnly.fixedDimensions());
    }

    @Test
    void noFilterFixesNoDimension() {
        Formula count = new Formula(Formula.parseExpr("maternal_deaths"), null, 1);
        assertEquals(Set.of(), count.fixedDimensions());
        assertEquals(List.of(term("maternal_deaths")), count.terms());
    }

    // x0 {1 f2 o3 o4 =5: the parser stands on the '=' after the dimension name, column 6
    @Test
    void anUnknownDimensionIsNamedWithItsColumn() {
        String m = error("x{foo=F}");
        assertTrue(m.startsWith("unknown dimension 'foo' in the filter of x; use one of "), m);
        assertTrue(m.endsWith(" at column 6 of 'x{foo=F}'"), m);
        for (String d : Formula.DIMENSIONS) {
            assertTrue(m.contains(d), m);
        }
    }

    // x0 {1 s2 e3 x4 =5 }6: column 7
    @Test
    void anEmptyCode() {
        assertEquals("empty code for sex in the filter of x at column 7 of 'x{sex=}'", error("x{sex=}"));
    }

    // x0 {1 s2 e3 x4 =5 F6 |7 |8 M9 }10: column 11
    @Test
    void anEmptyAlternativeBetweenTwoCodes() {
        assertEquals("empty code for sex in the filter of x at column 11 of 'x{sex=F||M}'", error("x{sex=F||M}"));
    }

    // x0 {1 s2 e3 x4 =5 |6 F7 }8: column 9
    @Test
    void anEmptyFirstAlternative() {
        assertEquals("empty code for sex in the filter of x at column 9 of 'x{sex=|F}'", error("x{sex=|F}"));
    }

    // x0 {1 s2 e3 x4 =5 F6 |7 }8: column 9; the trailing '|' leaves an empty last alternative
    @Test
    void anEmptyLastAlternative() {
        assertEquals("empty code for sex in the filter of x at column 9 of 'x{sex=F|}'", error("x{sex=F|}"));
    }

    // 7 characters, the end is column 8
    @Test
    void anUnclosedFilterAfterACode() {
        assertEquals("unclosed filter: expected one of ',}' at column 8 of 'x{sex=F'", error("x{sex=F"));
    }

    // 5 characters, the end is column 6
    @Test
    void anUnclosedFilterBeforeTheEqualsSign() {
        assertEquals("unclosed filter: expected one of '=' at column 6 of 'x{sex'", error("x{sex"));
    }

    // 'a + ' is 4 characters: the measure is missing at column 5
    @Test
    void aMissingMeasureAfterAnOperator() {
        assertEquals("expected a measure name at column 5 of 'a + '", error("a + "));
    }

    // a0 ' '1 +2 ' '3 +4: the second '+' is where a measure should be, column 5
    @Test
    void twoOperatorsInARow() {
        assertEquals("expected a measure name at column 5 of 'a + + b'", error("a + + b"));
    }

    @Test
    void anEmptyFormula() {
        assertEquals("expected a measure name at column 1 of ''", error(""));
        assertEquals("expected a measure name at column 1 of ''", error(null));
    }

    @Test
    void aFilterWithoutAMeasure() {
        assertEquals("expected a measure name at column 1 of '{sex=F}'", error("{sex=F}"));
    }

    // a0 ' '1 *2: column 3
    @Test
    void aMultiplicationIsNotAllowed() {
        assertEquals("expected '+' or '-' between measures at column 3 of 'a * b'", error("a * b"));
    }

    // live_births is columns 1-11, {sex=M} 12-18, '*' column 19
    @Test
    void aMultiplicationAfterAFilter() {
        assertEquals("expected '+' or '-' between measures at column 19 of 'live_births{sex=M}*2'",
                error("live_births{sex=M}*2"));
    }

    // a0 ' '1 b2: two measures side by side, column 3
    @Test
    void twoMeasuresWithoutAnOperator() {
        assertEquals("expected '+' or '-' between measures at column 3 of 'a b'", error("a b"));
    }

    @Test
    void aMeasureStartsWithALetter() {
        String m = error("1x + y");
        assertTrue(m.startsWith("a measure name starts with a letter, not '1x' at column "), m);
    }

    @Test
    void aDimensionFilteredTwice() {
        String m = error("x{sex=F,sex=M}");
        assertTrue(m.startsWith("dimension sex is filtered twice in x at column "), m);
    }

    @Test
    void aTermInABaseYear() {
        Formula.Term t = Formula.parseExpr("population{sex=F}@2020").terms().get(0).term();
        assertEquals(new Formula.Term("population", Map.of("sex", Set.of("F")), 2020, 0), t);
        assertEquals(2020, t.yearFor(2025));
        assertEquals("population{sex=F}@2020", t.toString());
    }

    @Test
    void aTermSomeYearsBack() {
        Formula.Expr e = Formula.parseExpr("junior_graduates - primary_entrants@-8");
        Formula.Term back = e.terms().get(1).term();
        assertEquals(8, back.yearsBack());
        assertEquals(2017, back.yearFor(2025));
        assertEquals(2025, e.terms().get(0).term().yearFor(2025));
        assertEquals("junior_graduates - primary_entrants@-8", e.toString());
    }

    @Test
    void theSameMeasureInTwoYearsIsTwoTerms() {
        Formula.Expr e = Formula.parseExpr("cases - cases@-1");
        assertEquals(2, Set.copyOf(e.terms().stream().map(Formula.SignedTerm::term).toList()).size());
    }

    @Test
    void aYearReferenceMustBeAYearOrYearsBack() {
        // "population@20" is columns 1-10 and '@' at 11: the error is after the digits, column 14
        assertEquals("a year after '@' has four digits ('@2020') or is a number of years back ('@-1'), not '20'"
                + " at column 14 of 'population@20'", error("population@20"));
        assertEquals("'@-' takes the number of years back, 1 to 20, not '0' at column 14 of 'population@-0'",
                error("population@-0"));
        assertEquals("'@-' takes the number of years back, 1 to 20, not '' at column 13 of 'population@-'",
                error("population@-"));
        assertEquals("a year after '@' has four digits ('@2020') or is a number of years back ('@-1'), not ''"
                + " at column 12 of 'population@'", error("population@"));
    }

    @Test
    void aFormulaWithAMinusRatioListsItsTermsToo() {
        Formula gap = new Formula(Formula.parseExpr("deaths{residence=R}"), Formula.parseExpr("births{residence=R}"), 100000,
                new Formula(Formula.parseExpr("deaths{residence=U}"), Formula.parseExpr("births{residence=U}"), 100000));
        assertEquals(List.of("deaths{residence=R}", "births{residence=R}", "deaths{residence=U}", "births{residence=U}"),
                gap.terms().stream().map(Formula.Term::toString).toList());
        assertEquals(Set.of("residence"), gap.fixedDimensions());
    }
}
