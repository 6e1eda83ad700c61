package org.wcstat.core.assess;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The codes indicators.warning and indicators.assessment store, and the names the yearbook prints for them. */
class WarningVocabularyTest {

    @Test
    void kindsAndSeveritiesAreStoredByTheirCodesAndReadBack() {
        assertEquals(List.of("projected_miss", "needs_acceleration", "fluctuation", "group_lag", "missing_year", "implausible",
                        "towns_short"),
                Arrays.stream(WarningKind.values()).map(WarningKind::code).toList());
        for (WarningKind k : WarningKind.values()) assertEquals(k, WarningKind.ofCode(k.code()));
        assertEquals(List.of("high", "medium", "low"), Arrays.stream(Warning.Severity.values()).map(Warning.Severity::code).toList());
        for (Warning.Severity s : Warning.Severity.values()) assertEquals(s, Warning.Severity.ofCode(s.code()));
        assertEquals("on_track", ProgressStatus.ON_TRACK.code());
        assertEquals("inconclusive", ProgressStatus.INCONCLUSIVE.code());
    }

    @Test
    void theYearbookNamesAreTheOnesItPrints() {
        assertEquals("群体差距", WarningKind.GROUP_LAG.zh());
        assertEquals("数据存疑", WarningKind.IMPLAUSIBLE.zh());
        assertEquals("无法判定（事件过少） inconclusive (too few events)", ProgressStatus.INCONCLUSIVE.zh() + " " + ProgressStatus.INCONCLUSIVE.en());
        assertEquals("高 high", Warning.Severity.HIGH.zh() + " " + Warning.Severity.HIGH.en());
        // every kind is named differently: a reader tells them apart
        assertEquals(WarningKind.values().length, Arrays.stream(WarningKind.values()).map(WarningKind::zh).distinct().count());
        assertEquals(WarningKind.values().length, Arrays.stream(WarningKind.values()).map(WarningKind::en).distinct().count());
    }

    @Test
    void aCodeNoKindHasIsRefusedWithTheKindsThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WarningKind.ofCode("flood"));
        assertEquals("no warning kind 'flood'; a warning kind is one of [projected_miss, needs_acceleration, fluctuation,"
                + " group_lag, missing_year, implausible, towns_short]", e.getMessage());
        assertEquals("no warning severity 'urgent'; a warning severity is one of [high, medium, low]",
                assertThrows(IllegalArgumentException.class, () -> Warning.Severity.ofCode("urgent")).getMessage());
    }
}
