package org.wcstat.jobs.ingest;

import org.junit.jupiter.api.Test;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.TestRepo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which departments wait for which, and how the loads run side by side, on the shipped configuration. */
class DepartmentScheduleTest {
    static final Configuration CONF = Configuration.load(TestRepo.demoConf());

    @Test
    void educationWaitsForThePopulationItsRulesCheckPupilsAgainst() {
        // conf/validation/education.yaml: preschool_within_population reads population, which only
        // public security's household register extract yields
        Map<String, Set<String>> after = DepartmentSchedule.dependencies(CONF.sources(), CONF);
        assertTrue(after.get("education").contains("public_security"), after.toString());
        // a department whose rules read only its own measures waits for nobody
        assertEquals(Set.of(), after.get("organisation"));
    }

    @Test
    void everyDepartmentIsLoadedOnceAndNoneBeforeThoseItWaitsFor() {
        DepartmentSchedule schedule = new DepartmentSchedule(CONF.sources(), CONF);
        List<String> ended = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<String>> endedBeforeStart = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> results = schedule.run(3, s -> {
            endedBeforeStart.put(s.department(), List.copyOf(ended));
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(20);
            running.decrementAndGet();
            ended.add(s.department());
            return s.department();
        });
        // results in the configuration's order, whatever order the loads ended in
        assertEquals(CONF.sources().stream().map(SourceConfig::department).toList(), results);
        assertEquals(CONF.sources().size(), ended.size());
        for (SourceConfig s : CONF.sources()) {
            assertTrue(endedBeforeStart.get(s.department()).containsAll(schedule.after(s.department())),
                    s.department() + " started before " + schedule.after(s.department()) + " had ended");
        }
        assertTrue(mostAtOnce.get() > 1 && mostAtOnce.get() <= 3, "loads at once: " + mostAtOnce.get());
    }

    @Test
    void theLongestLoadsStartFirst() {
        DepartmentSchedule schedule = new DepartmentSchedule(CONF.sources(), CONF);
        List<String> started = Collections.synchronizedList(new ArrayList<>());

        schedule.run(1, s -> started.add(s.department()));

        // extracts in demo/conf/sources: health 15; public_security 3, which education (8) waits for, so its chain
        // is 11; then civil_affairs, disabled_federation and justice 4 each (the configuration's order between
        // equals), womens_federation 3, culture_sports, hr_social_security and organisation 2, the rest 1
        List<String> expected = List.of("health", "public_security", "education", "civil_affairs", "disabled_federation", "justice",
                "womens_federation", "culture_sports", "hr_social_security", "organisation", "agriculture_water", "ecology_environment",
                "housing_construction", "medical_insurance", "next_generation", "science_association", "statistics", "trade_union");
        assertEquals(expected, started);
        assertEquals(expected, schedule.startOrder().stream().map(SourceConfig::department).toList());
    }

    @Test
    void anUnexpectedFailureStopsTheLoadsNotYetBegunAndIsThrownAtTheEnd() {
        DepartmentSchedule schedule = new DepartmentSchedule(CONF.sources(), CONF);
        AtomicInteger started = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> schedule.run(1, s -> {
            started.incrementAndGet();
            throw new IllegalStateException("disk full while loading " + s.department());
        }));
        // the first load to start, the longest: health's
        assertEquals("disk full while loading health", e.getMessage());
        assertEquals(1, started.get());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
