package org.wcstat.cli.status;

import org.wcstat.jobs.publish.Releases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What to run next, year by year, from the state of the warehouse and the releases: a year moves from
 * loaded to computed to assessed to published, and each stage is due when the one before it wrote later
 * than it did (the commit times {@link WarehouseState} reads). A department whose last load failed, or
 * that has none for a year the others were loaded for, is loaded again first. A released year that a
 * stage wrote after is published again only when its figures changed ({@link ReleaseCheck}): a re-run of
 * the yearly load writes the same figures again.
 */
public final class NextSteps {
    /** Why, and the commands to run in their order. */
    public record Step(String reason, List<String> commands) {
    }

    /** Which of the releases asked about no longer hold the warehouse's figures, by year. */
    public interface ReleaseCheck {
        Set<Integer> changed(Collection<Releases.Published> releases);
    }

    private final WarehouseState state;
    private final Map<Integer, Releases.Published> releases = new TreeMap<>();
    private final Collection<String> departments;
    private final String options;
    private final ReleaseCheck check;

    /**
     * @param departments the departments the configuration names
     * @param options     the options to repeat in every command, e.g. " --home /srv/wcstat"; empty for none
     * @param check       asked about the releases a stage wrote after, whether their figures changed
     */
    public NextSteps(WarehouseState state, List<Releases.Published> published, Collection<String> departments, String options,
                     ReleaseCheck check) {
        this.state = state;
        published.stream().filter(Releases.Published::current).forEach(r -> releases.put(r.year(), r));
        this.departments = departments;
        this.options = options;
        this.check = check;
    }

    /**
     * The steps of every year that has one, earliest year first (a year's assessment reads the years before
     * it); when nothing is loaded yet, {@link #firstSteps} for firstYearToLoad.
     */
    public List<Step> steps(int firstYearToLoad) {
        if (state.lastLoads().isEmpty() && state.loaded().isEmpty()) {
            return firstSteps(firstYearToLoad, options);
        }
        Map<Integer, Step> steps = new TreeMap<>();
        Map<Integer, String> writtenAfterRelease = new TreeMap<>();
        for (int year : years()) {
            Optional<Step> step = step(year);
            if (step.isPresent()) {
                steps.put(year, step.get());
            } else {
                writtenAfterRelease(year).ifPresent(stage -> writtenAfterRelease.put(year, stage));
            }
        }
        if (!writtenAfterRelease.isEmpty()) {
            Set<Integer> changed = check.changed(writtenAfterRelease.keySet().stream().map(releases::get).toList());
            writtenAfterRelease.forEach((year, stage) -> {
                if (!changed.contains(year)) return;
                Releases.Published release = releases.get(year);
                steps.put(year, new Step(year + " was " + stage + " again after its release (revision " + release.revision()
                        + " of " + StatusReport.time(release.publishedAt(), state.zone()) + ") and its figures changed:",
                        List.of(command("publish --year " + year + " --republish"))));
            });
        }
        return List.copyOf(steps.values());
    }

    /** Nothing loaded yet: the demo, or the bureau's own departments for a year. */
    public static List<Step> firstSteps(int year, String options) {
        return List.of(new Step("To try wcstat on the demo departments (2015-2025):", List.of(command("quickstart", options))),
                new Step("To load your departments (conf/sources/) for " + year + ":", List.of(command("run --year " + year, options))));
    }

    private SortedSet<Integer> years() {
        SortedSet<Integer> years = new TreeSet<>(state.loaded().keySet());
        state.lastLoads().forEach(l -> years.add(l.year()));
        years.addAll(state.computed().keySet());
        years.addAll(state.assessed().keySet());
        return years;
    }

    private Optional<Step> step(int year) {
        Instant loaded = state.loaded().get(year);
        Instant computed = state.computed().get(year);
        Instant assessed = state.assessed().get(year);
        Releases.Published release = releases.get(year);

        List<String> reload = reload(year);
        if (!reload.isEmpty()) {
            List<String> commands = new ArrayList<>();
            reload.forEach(d -> commands.add(command("ingest --year " + year + " --source " + d)));
            commands.addAll(fromCompute(year));
            return Optional.of(new Step(reason(reloadReason(year), release), commands));
        }
        if (loaded != null && (computed == null || loaded.isAfter(computed))) {
            return Optional.of(new Step(reason(computed == null ? year + " is loaded but not computed"
                    : year + " was loaded again after it was computed", release), fromCompute(year)));
        }
        if (computed != null && (assessed == null || computed.isAfter(assessed))) {
            return Optional.of(new Step(reason(assessed == null ? year + " is computed but not assessed"
                    : year + " was computed again after it was assessed", release), fromAssess(year)));
        }
        if (assessed != null && release == null) {
            return Optional.of(new Step(year + " is assessed but not published:", List.of(command("publish --year " + year))));
        }
        return Optional.empty();
    }

    /**
     * The first stage (loaded, computed, assessed) that wrote a released year after its release, the one the
     * others followed; empty when none did.
     */
    private Optional<String> writtenAfterRelease(int year) {
        Releases.Published release = releases.get(year);
        if (release == null) return Optional.empty();
        String[] stages = {"loaded", "computed", "assessed"};
        Instant[] at = {state.loaded().get(year), state.computed().get(year), state.assessed().get(year)};
        for (int i = 0; i < at.length; i++) {
            if (at[i] != null && at[i].isAfter(release.publishedAt())) return Optional.of(stages[i]);
        }
        return Optional.empty();
    }

    /** The departments to load again: their last load of the year failed, or they have none while others do. */
    private List<String> reload(int year) {
        List<DepartmentLoad> loads = loads(year);
        if (loads.isEmpty()) return List.of();
        SortedSet<String> d = loads.stream().filter(DepartmentLoad::failed).map(DepartmentLoad::source)
                .collect(Collectors.toCollection(TreeSet::new));
        d.addAll(notLoaded(year));
        return List.copyOf(d);
    }

    private String reloadReason(int year) {
        List<String> parts = new ArrayList<>();
        List<DepartmentLoad> failed = loads(year).stream().filter(DepartmentLoad::failed).toList();
        if (!failed.isEmpty()) {
            parts.add("the last load of " + year + " failed for " + failed.stream().map(l -> l.source()
                    + (l.message() == null ? "" : " (" + firstLine(l.message()) + ")")).collect(Collectors.joining(", ")));
        }
        List<String> missing = notLoaded(year);
        if (!missing.isEmpty()) {
            parts.add(year + " was never loaded from " + String.join(", ", missing));
        }
        String reason = String.join("; ", parts);
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }

    /** The configured departments without a load of a year the others were loaded for. */
    List<String> notLoaded(int year) {
        List<DepartmentLoad> loads = loads(year);
        if (loads.isEmpty()) return List.of();
        SortedSet<String> missing = new TreeSet<>(departments);
        loads.forEach(l -> missing.remove(l.source()));
        return List.copyOf(missing);
    }

    private List<DepartmentLoad> loads(int year) {
        return state.lastLoads().stream().filter(l -> l.year() == year).toList();
    }

    private List<String> fromCompute(int year) {
        List<String> c = new ArrayList<>();
        c.add(command("compute --year " + year));
        c.addAll(fromAssess(year));
        return c;
    }

    private List<String> fromAssess(int year) {
        return List.of(command("assess --year " + year), command("publish --year " + year));
    }

    /**
     * A reason, and for a year already released what publish will do: keep the release when the figures
     * come out the same, or refuse and say to publish a new revision (--republish) when they do not.
     */
    private String reason(String why, Releases.Published release) {
        return release == null ? why + ":" : why + "; publish keeps its release if the figures come out the same:";
    }

    private String command(String args) {
        return command(args, options);
    }

    private static String command(String args, String options) {
        return "wcstat " + args + options;
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
