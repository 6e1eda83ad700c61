package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.TestRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** conf/validation/: the shipped rules load, and a wrong rule is reported at its file:line with the fix. */
class ValidationRulesTest {
    static Configuration shipped;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        shipped = Configuration.load(TestRepo.demoConf());
    }

    @Test
    void theShippedRulesCoverTheThreeKinds() {
        ValidationRules health = shipped.validation("health");
        assertEquals(List.of("birth_certificate_unique", "birth_town_required", "birth_weight_plausible", "gestation_plausible"),
                health.structural("birth_register").stream().map(ValidationRules.Rule::id).toList());
        ValidationRules.Rule infant = health.rules().stream().filter(r -> r.id().equals("infant_deaths_within_births")).findFirst().orElseThrow();
        assertEquals(ValidationRules.Kind.LOGICAL, infant.kindOf());
        assertEquals(ValidationRules.Action.QUARANTINE, infant.actionOf());
        assertTrue(health.measureRules().stream().anyMatch(r -> r.kindOf() == ValidationRules.Kind.STATISTICAL));
        // a department without a file has no rules
        assertEquals(List.of(), Configuration.load(TestRepo.demoConf()).validation("no_such").rules());
    }

    @Test
    void aWrongActionIsReportedAtItsLine() throws IOException {
        String m = error("""
                department: health
                rules:
                  - id: ok_rule
                    kind: structural
                    extract: birth_register
                    check: unique
                    importance: high
                    action: quarantine
                  - id: bad_rule
                    kind: structural
                    extract: birth_register
                    check: unique
                    importance: high
                    action: drop
                """);
        // at the value itself: "    action: drop" is line 14, 'drop' starts at column 13
        assertTrue(m.contains("health.yaml:14:13: rule bad_rule: action is 'drop'; use one of [warn, quarantine, fail]"), m);
    }

    @Test
    void anUnknownExtractIsNamedWithTheExtractsThereAre() throws IOException {
        String m = error("""
                department: health
                rules:
                  - id: births_unique
                    kind: structural
                    extract: births
                    check: unique
                    importance: high
                    action: warn
                """);
        assertTrue(m.contains("health.yaml:5:14: "), m);
        // the source file of the folder read, not the default conf/
        assertTrue(m.contains("names extract 'births', which " + dir.resolve("conf/sources/health.yaml")
                + " does not have; its extracts are [birth_register, mch_death_report, "), m);
    }

    @Test
    void aMeasureNoSourceProducesIsRefused() throws IOException {
        String m = error("""
                department: health
                rules:
                  - id: deaths_within_births
                    kind: logical
                    left: infant_deaths
                    operator: "<="
                    right: live_birth
                    importance: high
                    action: quarantine
                """);
        // at the side that names it: "    right: live_birth" is line 7
        assertTrue(m.contains("health.yaml:7:12: "), m);
        assertTrue(m.contains("uses measure 'live_birth', which no source produces (did you mean 'live_births'?)"), m);
    }

    @Test
    void aRuleOverAnotherDepartmentsMeasuresOnlyBelongsThere() throws IOException {
        String m = error("""
                department: health
                rules:
                  - id: population_history
                    kind: statistical
                    check: modified_z
                    measure: population
                    importance: low
                    action: warn
                """);
        assertTrue(m.contains("uses none of health's own measures"), m);
    }

    @Test
    void aLogicalRuleNeedsItsOperator() throws IOException {
        String m = error("""
                department: health
                rules:
                  - id: deaths_within_births
                    kind: logical
                    left: infant_deaths
                    operator: "=<"
                    right: live_births
                    importance: high
                    action: quarantine
                """);
        // "    operator: \"=<\"" is line 6; the quoted value starts at column 15
        assertTrue(m.contains("health.yaml:6:15: rule deaths_within_births: operator is '=<' (did you mean '<='?); use one of [<=, <, >=, >, ==, !=]"), m);
    }

    @Test
    void twoRulesMayNotShareAnId() throws IOException {
        String m = error("""
                department: health
                rules:
                  - {id: same, kind: structural, extract: birth_register, check: unique, importance: high, action: warn}
                  - {id: same, kind: structural, extract: mch_death_report, check: required, columns: [CNT], importance: high, action: warn}
                """);
        assertTrue(m.contains("health.yaml:4:"), m);
        assertTrue(m.contains("rule id 'same' is used twice"), m);
    }

    /** A copy of the demo's configuration with validation/health.yaml replaced; the error's message. */
    private String error(String healthRules) throws IOException {
        Path conf = dir.resolve("conf");
        TestRepo.copyOfConf(conf);
        Files.writeString(conf.resolve("validation").resolve("health.yaml"), healthRules);
        return assertThrows(ConfigException.class, () -> Configuration.load(conf)).getMessage();
    }


}
