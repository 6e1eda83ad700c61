package org.wcstat.core.dimension;

import org.wcstat.core.yaml.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgeBandsTest {

    private static final Path FILE = Path.of("conf", "dimensions.yaml");

    private static AgeBands.Band band(String code, int from, Integer to) {
        return new AgeBands.Band(code, from, to);
    }

    private static final AgeBands THREE = new AgeBands(List.of(
            band("0-4", 0, 4), band("5-14", 5, 14), band("15+", 15, null)));

    private static String error(AgeBands.Band... bands) {
        return assertThrows(ConfigException.class, () -> new AgeBands(List.of(bands)).validate(FILE)).getMessage();
    }

    @Test
    void contiguousBandsEndingOpenAreValid() {
        assertDoesNotThrow(() -> THREE.validate(FILE));
        assertDoesNotThrow(() -> new AgeBands(List.of(band("all", 0, null))).validate(FILE));
        assertDoesNotThrow(() -> new AgeBands(List.of(band("0", 0, 0), band("1+", 1, null))).validate(FILE));
    }

    @Test
    void aGap() {
        // 0-4 ends at 4, so the next band must start at 5, not 6
        assertEquals(FILE + ": age band 6+ starts at 6 but must start at 5 so that the bands cover every age once,"
                + " without gaps or overlaps", error(band("0-4", 0, 4), band("6+", 6, null)));
    }

    @Test
    void anOverlap() {
        assertEquals(FILE + ": age band 4+ starts at 4 but must start at 5 so that the bands cover every age once,"
                + " without gaps or overlaps", error(band("0-4", 0, 4), band("4+", 4, null)));
    }

    @Test
    void theFirstBandStartsAtZero() {
        assertTrue(error(band("1+", 1, null)).startsWith(FILE + ": age band 1+ starts at 1 but must start at 0 "));
    }

    @Test
    void anOpenBandThatIsNotLast() {
        assertEquals(FILE + ": only the last age band may be open-ended, not 0+",
                error(band("0+", 0, null), band("5+", 5, null)));
    }

    @Test
    void aLastBandThatIsNotOpen() {
        assertEquals(FILE + ": the last age band must be open-ended (no 'to') so that every age has a band",
                error(band("0-4", 0, 4), band("5-9", 5, 9)));
    }

    @Test
    void noBandsAtAll() {
        assertEquals(FILE + ": the last age band must be open-ended (no 'to') so that every age has a band", error());
    }

    @Test
    void aBandEndingBeforeItStarts() {
        assertEquals(FILE + ": age band 1-0 ends before it starts",
                error(band("0", 0, 0), band("1-0", 1, 0), band("1+", 1, null)));
    }

    @ParameterizedTest(name = "age {0} is in band {1}")
    @CsvSource({"0, 0-4", "4, 0-4", "5, 5-14", "14, 5-14", "15, 15+", "120, 15+"})
    void bandOfFindsTheBandHoldingTheAge(int age, String code) {
        assertEquals(code, THREE.bandOf(age));
    }

    @Test
    void aNegativeAgeHasNoBand() {
        assertThrows(NoSuchElementException.class, () -> THREE.bandOf(-1));
    }

    @Test
    void bandByCode() {
        assertEquals(band("5-14", 5, 14), THREE.band("5-14").orElseThrow());
        assertTrue(THREE.band("5-9").isEmpty());
    }

    @Test
    void bandContainsItsEnds() {
        AgeBands.Band b = band("15-17", 15, 17);
        assertTrue(b.contains(15));
        assertTrue(b.contains(17));
        assertTrue(!b.contains(14) && !b.contains(18));
        assertTrue(band("65+", 65, null).contains(Integer.MAX_VALUE));
    }
}
