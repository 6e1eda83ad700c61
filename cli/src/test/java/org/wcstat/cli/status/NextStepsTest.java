package org.wcstat.cli.status;

import org.junit.jupiter.api.Test;
import org.wcstat.jobs.publish.Releases;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What to run next, from commit times and loads written by hand: no warehouse needed. */
class NextStepsTest {
    private static final List<String> DEPARTMENTS = List.of("education", "health", "trade_union");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String time) {
        return Instant.parse(time);
    }

    private static DepartmentLoad ok(int year, String source) {
        return new DepartmentLoad(year, source, source + "-" + year, false, 100, 0, at("2025-03-01T02:00:00Z"), null);
    }

    private static WarehouseState state(List<DepartmentLoad> loads, Map<Integer, Instant> loaded, Map<Integer, Instant> computed,
                                        Map<Integer, Instant> assessed) {
        return new WarehouseState(loads, new TreeMap<>(loaded), new TreeMap<>(computed), new TreeMap<>(assessed), new TreeMap<>(), SHANGHAI);
    }

    private static Releases.Published release(int year, int revision, Instant at) {
        return new Releases.Published(year, revision, at, "warehouse", Map.of("indicators.value", 1L), Path.of("releases", String.valueOf(year)), true);
    }

    /** The steps when every release a stage wrote after has changed figures. */
    private static List<NextSteps.Step> steps(WarehouseState s, List<Releases.Published> releases) {
        return new NextSteps(s, releases, DEPARTMENTS, "", asked -> asked.stream().map(Releases.Published::year).collect(Collectors.toSet())).steps(2026);
    }

    @Test
    void aYearInOrderAndPublishedAfterNeedsNothing() {
        WarehouseState s = state(List.of(ok(2024, "education"), ok(2024, "health"), ok(2024, "trade_union")),
                Map.of(2024, at("2025-03-01T02:01:00Z")), Map.of(2024, at("2025-03-01T02:05:00Z")), Map.of(2024, at("2025-03-01T02:06:00Z")));
        assertEquals(List.of(), steps(s, List.of(release(2024, 1, at("2025-03-01T02:07:00Z")))));
    }

    @Test
    void aDepartmentNeverLoadedForAYearTheOthersWereIsLoadedFirst() {
        WarehouseState s = state(List.of(ok(2025, "education"), ok(2025, "health")),
                Map.of(2025, at("2026-03-01T02:01:00Z")), Map.of(), Map.of());
        assertEquals(List.of(new NextSteps.Step("2025 was never loaded from trade_union:", List.of(
                "wcstat ingest --year 2025 --source trade_union", "wcstat compute --year 2025", "wcstat assess --year 2025",
                "wcstat publish --year 2025"))), steps(s, List.of()));
    }

    @Test
    void failedAndMissingDepartmentsOfAYearAreNamedTogether() {
        DepartmentLoad failed = new DepartmentLoad(2025, "health", "h", true, 0, 0, at("2026-03-01T02:00:00Z"), "timed out");
        WarehouseState s = state(List.of(ok(2025, "education"), failed), Map.of(2025, at("2026-03-01T02:01:00Z")), Map.of(), Map.of());
        assertEquals("The last load of 2025 failed for health (timed out); 2025 was never loaded from trade_union:",
                steps(s, List.of()).get(0).reason());
        assertEquals(List.of("wcstat ingest --year 2025 --source health", "wcstat ingest --year 2025 --source trade_union"),
                steps(s, List.of()).get(0).commands().subList(0, 2));
    }

    @Test
    void eachStageIsDueWhenTheOneBeforeWroteLater() {
        List<DepartmentLoad> all = List.of(ok(2023, "education"), ok(2023, "health"), ok(2023, "trade_union"),
                ok(2024, "education"), ok(2024, "health"), ok(2024, "trade_union"));
        // 2023: loaded at 03:00, after its computation at 02:05; 2024: computed at 02:10, after its assessment at 02:06
        WarehouseState s = state(all, Map.of(2023, at("2025-03-01T03:00:00Z"), 2024, at("2025-03-01T02:01:00Z")),
                Map.of(2023, at("2025-03-01T02:05:00Z"), 2024, at("2025-03-01T02:10:00Z")),
                Map.of(2023, at("2025-03-01T02:06:00Z"), 2024, at("2025-03-01T02:06:00Z")));
        List<Releases.Published> releases = List.of(release(2024, 1, at("2025-03-01T02:07:00Z")));
        assertEquals(List.of(
                new NextSteps.Step("2023 was loaded again after it was computed:",
                        List.of("wcstat compute --year 2023", "wcstat assess --year 2023", "wcstat publish --year 2023")),
                // released: publish keeps the release if the figures come out the same
                new NextSteps.Step("2024 was computed again after it was assessed; publish keeps its release if the figures come out the same:",
                        List.of("wcstat assess --year 2024", "wcstat publish --year 2024"))), steps(s, releases));
    }

    @Test
    void anAssessedYearIsPublishedAndOneChangedAfterItsReleaseRepublished() {
        List<DepartmentLoad> all = List.of(ok(2024, "education"), ok(2024, "health"), ok(2024, "trade_union"));
        SortedMap<Integer, Instant> times = new TreeMap<>(Map.of(2024, at("2025-03-01T02:01:00Z")));
        WarehouseState s = state(all, times, Map.of(2024, at("2025-03-01T02:02:00Z")), Map.of(2024, at("2025-03-01T02:03:00Z")));
        assertEquals(List.of(new NextSteps.Step("2024 is assessed but not published:", List.of("wcstat publish --year 2024"))),
                steps(s, List.of()));
        // published at 02:02:30 (10:02 in Shanghai), after the load and computation but before the assessment
        List<Releases.Published> released = List.of(release(2024, 1, at("2025-03-01T02:02:30Z")));
        assertEquals(List.of(new NextSteps.Step("2024 was assessed again after its release (revision 1 of 2025-03-01 10:02) and its figures changed:",
                List.of("wcstat publish --year 2024 --republish"))), steps(s, released));
        // assessed again to the same figures: nothing to publish
        List<Collection<Releases.Published>> asked = new ArrayList<>();
        NextSteps same = new NextSteps(s, released, DEPARTMENTS, "", r -> {
            asked.add(r);
            return Set.of();
        });
        assertEquals(List.of(), same.steps(2026));
        assertEquals(List.of(released), asked, "asked once, about the release written after");
    }

    @Test
    void nothingLoadedSuggestsTheDemoOrAYearOfTheBureausOwn() {
        WarehouseState empty = state(List.of(), Map.of(), Map.of(), Map.of());
        assertEquals(List.of(
                new NextSteps.Step("To try wcstat on the demo departments (2015-2025):", List.of("wcstat quickstart --home h")),
                new NextSteps.Step("To load your departments (conf/sources/) for 2025:", List.of("wcstat run --year 2025 --home h"))),
                new NextSteps(empty, List.of(), DEPARTMENTS, " --home h", r -> Set.of()).steps(2025));
    }

    @Test
    void yearsPrintAsRanges() {
        assertEquals("2015-2019, 2021, 2023-2025", StatusReport.ranges(List.of(2025, 2015, 2016, 2017, 2018, 2019, 2021, 2023, 2024)));
        assertEquals("2024", StatusReport.ranges(List.of(2024)));
    }
}
