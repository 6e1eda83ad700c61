package org.wcstat.core.disclosure;

import org.junit.jupiter.api.Test;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.dimension.CellKey;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DerivedCellsTest {
    private static final CountCell URBAN_2024 = new CountCell("live_births{sex=M}", 1, 2024, new CellKey("510811", "_T", "_T", "U"));

    @Test
    void aSexRatioSelectsTheBoysAndTheGirlsOfItsCell() {
        // 出生人口性别比 in the urban cell: urban boys over urban girls, both cells of the family live_births
        Formula ratio = new Formula(Formula.parseExpr("live_births{sex=M}"), Formula.parseExpr("live_births{sex=F}"), 100);
        assertEquals(List.of(new CountCell("live_births", 1, 2024, new CellKey("510811", "M", "_T", "U")),
                new CountCell("live_births", 1, 2024, new CellKey("510811", "F", "_T", "U"))), DerivedCells.parents(ratio, URBAN_2024));
    }

    @Test
    void termsOverSeveralCodesOrOtherYearsSelectNoPublishedCell() {
        Formula f = new Formula(Formula.parseExpr("live_births{sex=M|F} + live_births@2020"), Formula.parseExpr("live_births"), 100);
        assertEquals(List.of(), DerivedCells.parents(f, URBAN_2024));
    }
}
