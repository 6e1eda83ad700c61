package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
import org.junit.jupiter.api.Test;
import org.wcstat.core.catalog.Catalog;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.TestRepo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssessmentSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theShippedFile() {
        AssessmentSettings s = AssessmentSettings.load(TestRepo.root().resolve("conf"));
        assertEquals(List.of(2025, 2030), s.evaluationYears());
        assertEquals(0.20, s.yearOnYearBound());
        assertEquals(0.10, s.groupLagGap());
        // an indicator's own range before its unit's, the unit's before the one for other units
        assertEquals(150.0, s.plausibleRange("C-E-02", "%").orElseThrow().max());
        assertEquals(100.0, s.plausibleRange("C-H-05", "%").orElseThrow().max());
        assertTrue(s.plausibleRange("W-X-01", "人次").orElseThrow().contains(1e6));
        assertTrue(!s.plausibleRange("W-X-01", "人次").orElseThrow().contains(-1));
    }

    @Test
    void differencesMayBeNegative() {
        AssessmentSettings s = AssessmentSettings.load(TestRepo.root().resolve("conf"));
        Catalog catalog = Configuration.load(TestRepo.demoConf()).catalog();
        // C-H-03d, rural less urban neonatal mortality in ‰: the unit's [0, 1000] mirrored
        assertEquals("[-1000, 1000]", s.plausibleRange(catalog.get("C-H-03d").indicator()).orElseThrow().toString());
        // W-H-06b, a gap in 百分点: the unit's own range, −100 to 100
        assertEquals("[-100, 100]", s.plausibleRange(catalog.get("W-H-06b").indicator()).orElseThrow().toString());
        // a rate stays within its unit's range, an indicator with its own range keeps it
        assertEquals("[0, 100]", s.plausibleRange(catalog.get("W-H-05b").indicator()).orElseThrow().toString());
        assertEquals("[0, 150]", s.plausibleRange(catalog.get("C-E-02").indicator()).orElseThrow().toString());
    }

    @Test
    void theTargetYearIsTheFinalEvaluations() throws Exception {
        // the outlines' final evaluation, 2030, is in their target year; listed in any order
        assertEquals(2030, AssessmentSettings.load(TestRepo.root().resolve("conf")).targetYear());
        assertEquals(2030, AssessmentSettings.DEFAULTS.targetYear());
        Files.writeString(dir.resolve(AssessmentSettings.FILE), Files.readString(TestRepo.root().resolve("conf/assessment.yaml"))
                .replace("evaluation_years: [2025, 2030]", "evaluation_years: [2028, 2025]"));
        assertEquals(2028, AssessmentSettings.load(dir).targetYear());
    }

    @Test
    void withoutTheFileTheDefaultsApply() {
        assertSame(AssessmentSettings.DEFAULTS, AssessmentSettings.load(dir));
    }

    @Test
    void aWrongValueNamesTheFileAndTheFix() throws Exception {
        Files.writeString(dir.resolve("assessment.yaml"), """
                evaluation_years: [2025, 2035]
                year_on_year_bound: 0.2
                group_lag_gap: 0.1
                plausible_ranges: {by_unit: {"%": {min: 0, max: 100}}}
                """);
        String m = assertThrows(ConfigException.class, () -> AssessmentSettings.load(dir)).getMessage();
        // at the year itself: line 1, column 26
        assertEquals(dir.resolve("assessment.yaml") + ":1:26: evaluation year 2035 is outside the outlines' 2021–2030; write e.g. [2025, 2030]", m);

        Files.writeString(dir.resolve("assessment.yaml"), """
                evaluation_years: [2025, 2030]
                year_on_year_bound: 0.2
                group_lag_gap: 0.1
                plausible_ranges: {by_unit: {"%": {min: 100, max: 0}}}
                """);
        m = assertThrows(ConfigException.class, () -> AssessmentSettings.load(dir)).getMessage();
        assertTrue(m.endsWith("the plausible range of unit '%' has min 100.0 not below max 0.0"), m);

        Files.writeString(dir.resolve("assessment.yaml"), """
                evaluation_years: [2025, 2030]
                year_on_year_bound: 0.2
                group_lag_gap: 0.1
                yoy_bound: 0.3
                plausible_ranges: {}
                """);
        m = assertThrows(ConfigException.class, () -> AssessmentSettings.load(dir)).getMessage();
        assertTrue(m.startsWith(dir.resolve("assessment.yaml") + ":4:"), m);
        assertTrue(m.contains("unknown field 'yoy_bound'"), m);
    }
}
