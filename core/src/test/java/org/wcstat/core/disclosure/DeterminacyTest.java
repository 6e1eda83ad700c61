package org.wcstat.core.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeterminacyTest {

    @Test
    void twoSafeWindowsAndTheYearThatLeftOneFixTheYearThatCameIn() {
        // maternal deaths 2021 3 (published), 2022 2, 2023 2, 2024 2 (withheld); pooled 2021-23 = 7, 2022-24 = 6,
        // both published. Each window has two or three withheld years summing to 4 or 6, safe on its own; but
        // 2022 + 2023 = 7 - 3 = 4, so 2024 = 6 - 4 = 2.
        var groups = List.of(new AdditiveGroup<>("p23", List.of("y21", "y22", "y23")), new AdditiveGroup<>("p24", List.of("y22", "y23", "y24")));
        Set<String> withheld = Set.of("y22", "y23", "y24");
        assertEquals(Set.of("y24"), new Determinacy<>(groups, Set.of("p23", "p24", "y21")).determined(withheld));
        // with 2021 withheld as well, 2024 - 2021 = 6 - 7 is all the reader gets
        assertEquals(Set.of(), new Determinacy<>(groups, Set.of("p23", "p24")).determined(Set.of("y21", "y22", "y23", "y24")));
    }

    @Test
    void aWithheldTotalStillTiesItsParts() {
        // district 5 = towns a + b, withheld; a is withheld, b = 4 published; a second breakdown of the same total,
        // girls 1 (withheld) and boys 4: the total is not published, but total = b + a and total = girls + boys
        // give a - girls = 0 only: nothing is fixed. With the girls published (1), the total is girls + boys = 5 and
        // a = 5 - 4 = 1: both fixed.
        var groups = List.of(new AdditiveGroup<>("t", List.of("a", "b")), new AdditiveGroup<>("t", List.of("f", "m")));
        assertEquals(Set.of(), new Determinacy<>(groups, Set.of("b", "m")).determined(Set.of("t", "a", "f")));
        assertEquals(Set.of("a", "t"), new Determinacy<>(groups, Set.of("b", "m", "f")).determined(Set.of("t", "a")));
    }
}
