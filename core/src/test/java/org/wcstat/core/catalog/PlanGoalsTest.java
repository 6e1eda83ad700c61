package org.wcstat.core.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.dimension.AgeBands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanGoalsTest {
    @TempDir
    Path dir;

    @Test
    void coverageListsWhatIsMissingAndWhereCatalogAndPlanDisagree() throws Exception {
        Path indicators = Files.createDirectories(dir.resolve("indicators"));
        Files.writeString(indicators.resolve("t.yaml"), """
                indicators:
                  - {code: A, plan: women, area: health, name_zh: 甲, name_en: a, unit: "1/100000",
                     numerator: deaths, denominator: births, factor: 100000, target: "<= 12", sources: [health]}
                  - {code: B, plan: children, area: health, name_zh: 乙, name_en: b, unit: "‰",
                     numerator: deaths, denominator: births, factor: 1000, target: "<= 5",
                     baseline: {year: 2020, value: 3.0}, sources: [health]}
                """);
        Files.writeString(dir.resolve("plan-goals.yaml"), """
                goals:
                  - {plan: women, area: health, goal: "2", quantity: 甲, text: 甲控制在12以下, target: "<= 12", indicator: A}
                  - {plan: children, area: health, goal: "3", quantity: 乙, text: 乙控制在6以下, target: "<= 6",
                     baseline: {year: 2020, value: 4.0}, indicator: B}
                  - {plan: women, area: health, goal: "3", quantity: 丙, text: 丙达到70%以上, target: ">= 70"}
                  - {plan: women, area: health, goal: "6", quantity: 丁, text: 丁上升趋势减缓, target: decrease}
                  - {plan: women, area: law, goal: "1", quantity: 戊, text: 戊, target: ">= 1", indicator: ZZZ}
                """);
        AgeBands ages = new AgeBands(List.of(new AgeBands.Band("all", 0, null)));
        Catalog catalog = Catalog.load(indicators, Set.of("deaths", "births"), ages);

        PlanGoals.Coverage c = PlanGoals.load(dir).orElseThrow().check(catalog);

        // covered: A (agrees) and B (named, though it disagrees); missing: 丙 (a number) and 丁 (a direction)
        assertEquals(List.of("A", "B"), c.covered().stream().map(PlanGoals.Goal::indicator).toList());
        assertEquals(1, c.missing(false));
        assertEquals(1, c.missing(true));
        assertEquals(2, c.covered(false));
        // problems: B's target (<= 6 in the plan, <= 5 in the catalog), B's baseline, and the unknown ZZZ
        assertEquals(3, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).contains("the plan says '<= 6' but indicator B"), c.problems().get(0));
        assertTrue(c.problems().get(1).contains("baseline 4.0 (2020) is not indicator B's"), c.problems().get(1));
        assertTrue(c.problems().get(2).contains("names indicator ZZZ, which the catalog does not have"), c.problems().get(2));
    }

    @Test
    void aGoalLeftOutGivesItsReason() throws Exception {
        Path indicators = Files.createDirectories(dir.resolve("indicators"));
        Files.writeString(indicators.resolve("t.yaml"), """
                indicators:
                  - {code: A, plan: women, area: health, name_zh: 甲, name_en: a, unit: "1/100000",
                     numerator: deaths, denominator: births, factor: 100000, target: "<= 12", sources: [health]}
                """);
        Files.writeString(dir.resolve("plan-goals.yaml"), """
                goals:
                  - {plan: women, area: health, goal: "1", quantity: 寿命, text: 寿命延长, target: increase,
                     omitted: needs a life table}
                  - {plan: women, area: health, goal: "2", quantity: 甲, text: 甲控制在12以下, target: "<= 12", indicator: A,
                     omitted: no data}
                  - {plan: women, area: health, goal: "3", quantity: 乙, text: 乙, target: ">= 1", omitted: " "}
                  - {plan: children, area: health, goal: "4", quantity: 丙, text: 丙, target: ">= 90"}
                """);
        Catalog catalog = Catalog.load(indicators, Set.of("deaths", "births"), new AgeBands(List.of(new AgeBands.Band("all", 0, null))));

        PlanGoals.Coverage c = PlanGoals.load(dir).orElseThrow().check(catalog);

        assertEquals(List.of("寿命"), c.omitted().stream().map(PlanGoals.Goal::quantity).toList());
        assertEquals(1, c.omitted(true));
        // each at its goal's 'omitted': line 5 (the continued flow mapping) and line 6, column 91 of the one-line goal
        Path goals = dir.resolve("plan-goals.yaml");
        assertEquals(List.of(
                goals + ":5:15: women health 2 甲 (<= 12): is both measured by A and omitted; drop one of the two",
                goals + ":6:91: women health 3 乙 (>= 1): is omitted without a reason; say why no department's data can measure it"),
                c.problems());
        assertEquals("0 with a number: 0 in the catalog, 0 left out, 0 missing", c.summary("women", false));
        assertEquals("1 direction-only: 0 in the catalog, 1 left out, 0 missing", c.summary("women", true));
        assertEquals("1 with a number: 0 in the catalog, 0 left out, 1 missing", c.summary("children", false));
    }

    @Test
    void withoutTheFileThereIsNothingToCheck() {
        assertTrue(PlanGoals.load(dir).isEmpty());
    }
}
