package org.wcstat.core.disclosure;

import org.junit.jupiter.api.Test;
import org.wcstat.core.dimension.CellKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The additive groups of a release that publishes its cities' totals beside their towns (a yearbook in volumes). */
class CountGroupsAreasTest {
    static final String P = "51", A = "5101", B = "5102";
    static final CellKey TOTAL = CellKey.total(P);
    static final CellKey CITY_A = CellKey.total(A), CITY_B = CellKey.total(B);
    static final CellKey A1 = CellKey.total("510101101"), A2 = CellKey.total("510101102");
    static final CellKey B1 = CellKey.total("510201101"), B2 = CellKey.total("510201102");
    static final Map<String, String> CITY_OF_TOWN = Map.of(A1.region(), A, A2.region(), A, B1.region(), B, B2.region(), B);

    private static CountCell at(CellKey k) {
        return new CountCell("deaths", 1, 2024, k);
    }

    @Test
    void theCitiesAddUpToTheAreaAndEachCitysTownsToTheCity() {
        List<CountCell> cells = List.of(at(TOTAL), at(A1), at(A2), at(B1), at(B2), at(CITY_A), at(CITY_B));
        List<AdditiveGroup<CountCell>> groups = CountGroups.of(cells, P, Map.of(), CITY_OF_TOWN);
        assertEquals(List.of(
                new AdditiveGroup<>(at(TOTAL), List.of(at(A1), at(A2), at(B1), at(B2))),
                new AdditiveGroup<>(at(TOTAL), List.of(at(CITY_A), at(CITY_B))),
                new AdditiveGroup<>(at(CITY_A), List.of(at(A1), at(A2))),
                new AdditiveGroup<>(at(CITY_B), List.of(at(B1), at(B2)))), groups);
    }

    @Test
    void withoutCitiesTheTownsAloneAddUpToTheArea() {
        List<CountCell> cells = List.of(at(TOTAL), at(A1), at(A2), at(B1), at(B2));
        assertEquals(List.of(new AdditiveGroup<>(at(TOTAL), List.of(at(A1), at(A2), at(B1), at(B2)))), CountGroups.of(cells, P, Map.of()));
    }

    @Test
    void aCitysLoneWithheldTownTakesASecondTownOfTheSameCity() {
        // Deaths: A1 1, A2 6 (city A 7); B1 4, B2 9 (city B 13); area 20. A1 is small. Towns to the area alone would
        // withhold the smallest other town, B1 (4): yet city A's 7 less A2's 6 gives A1's 1 back, so A2 goes too.
        Map<CountCell, Double> counts = new LinkedHashMap<>();
        counts.put(at(TOTAL), 20.0);
        counts.put(at(A1), 1.0);
        counts.put(at(A2), 6.0);
        counts.put(at(B1), 4.0);
        counts.put(at(B2), 9.0);
        counts.put(at(CITY_A), 7.0);
        counts.put(at(CITY_B), 13.0);
        Map<CountCell, Suppression.Reason> withheld = new Suppression<>(counts, CountGroups.of(counts.keySet(), P, Map.of(), CITY_OF_TOWN),
                SuppressionTest.THREE).apply(Set.of(at(A1)));
        assertEquals(Suppression.Reason.PRIMARY, withheld.get(at(A1)));
        assertEquals(Suppression.Reason.SECONDARY, withheld.get(at(A2)));
        // city B: B1 withheld for the area's sake alone has no partner in its city, so B2 goes as well; the cities stay
        assertEquals(Suppression.Reason.SECONDARY, withheld.get(at(B1)));
        assertEquals(Suppression.Reason.SECONDARY, withheld.get(at(B2)));
        assertTrue(!withheld.containsKey(at(CITY_A)) && !withheld.containsKey(at(CITY_B)) && !withheld.containsKey(at(TOTAL)));
    }
}
