package org.wcstat.cli.status;

import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.publish.Releases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The screen wcstat status prints: the years in the warehouse, each year's loads in one line, the
 * releases and their revisions, the warnings of the latest year assessed, and what to run next.
 */
public final class StatusReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Beyond this many, the departments that quarantined rows are counted, not all named. */
    private static final int NAMED = 5;

    private final WarehouseState state;
    private final List<Releases.Published> releases;
    private final NextSteps next;
    private final List<String> lines = new ArrayList<>();

    public StatusReport(WarehouseState state, List<Releases.Published> releases, NextSteps next) {
        this.state = state;
        this.releases = releases;
        this.next = next;
    }

    /** The screen of a home whose warehouse holds tables; firstYearToLoad is suggested when nothing is loaded. */
    public List<String> lines(int firstYearToLoad) {
        years();
        loads();
        releases();
        warnings();
        next(lines, next.steps(firstYearToLoad), "Nothing to run: every year loaded is computed, assessed and published.");
        return lines;
    }

    /** The screen of a home without a warehouse: only what to run. */
    public static List<String> noWarehouse(int firstYearToLoad, String options) {
        List<String> lines = new ArrayList<>();
        lines.add("No warehouse there yet: nothing is loaded.");
        next(lines, NextSteps.firstSteps(firstYearToLoad, options), "");
        return lines;
    }

    private void years() {
        lines.add("Years");
        SortedSet<Integer> published = releases.stream().filter(Releases.Published::current).map(Releases.Published::year)
                .collect(Collectors.toCollection(TreeSet::new));
        row("facts", state.loaded().keySet());
        row("indicator values", state.computed().keySet());
        row("assessed", state.assessed().keySet());
        row("published", published);
    }

    private void row(String what, Collection<Integer> years) {
        lines.add(String.format(Locale.ROOT, "  %-17s %s", what + ":", years.isEmpty() ? "none" : ranges(years)));
    }

    private void loads() {
        lines.add("");
        lines.add("Loads (each department's last load of the year; times in " + state.zone() + ")");
        Map<Integer, List<DepartmentLoad>> byYear = new TreeMap<>(state.lastLoads().stream()
                .collect(Collectors.groupingBy(DepartmentLoad::year)));
        if (byYear.isEmpty()) {
            lines.add("  none");
        }
        byYear.forEach((year, loads) -> lines.add("  " + year + "  " + loadLine(year, loads)));
    }

    private String loadLine(int year, List<DepartmentLoad> loads) {
        List<String> failed = loads.stream().filter(DepartmentLoad::failed).map(DepartmentLoad::source).sorted().toList();
        List<String> missing = next.notLoaded(year);
        StringBuilder s = new StringBuilder(loads.size() + " departments: " + (loads.size() - failed.size()) + " ok");
        if (!failed.isEmpty()) s.append(", ").append(failed.size()).append(" failed (").append(String.join(", ", failed)).append(")");
        if (!missing.isEmpty()) s.append(", ").append(missing.size()).append(" never loaded (").append(String.join(", ", missing)).append(")");
        long read = loads.stream().mapToLong(DepartmentLoad::rowsRead).sum();
        List<DepartmentLoad> quarantining = loads.stream().filter(l -> l.rowsQuarantined() > 0)
                .sorted(Comparator.comparingLong(DepartmentLoad::rowsQuarantined).reversed().thenComparing(DepartmentLoad::source)).toList();
        long quarantined = quarantining.stream().mapToLong(DepartmentLoad::rowsQuarantined).sum();
        s.append(String.format(Locale.ROOT, "; %,d rows read, ", read));
        if (quarantined == 0) {
            s.append("none quarantined");
        } else {
            s.append(String.format(Locale.ROOT, "%,d quarantined (", quarantined))
                    .append(quarantining.stream().limit(NAMED).map(l -> String.format(Locale.ROOT, "%s %,d", l.source(), l.rowsQuarantined()))
                            .collect(Collectors.joining(", ")))
                    .append(quarantining.size() > NAMED ? ", " + (quarantining.size() - NAMED) + " more" : "").append(")");
        }
        Instant last = loads.stream().map(DepartmentLoad::startedAt).max(Comparator.naturalOrder()).orElseThrow();
        return s.append("; last ").append(time(last, state.zone())).toString();
    }

    private void releases() {
        lines.add("");
        lines.add("Releases (releases/<year>/, earlier revisions in releases/<year>-r<n>/)");
        if (releases.isEmpty()) {
            lines.add("  none");
        }
        // the current revision first, then those it superseded, latest first
        Map<Integer, List<Releases.Published>> byYear = new TreeMap<>(releases.stream().collect(Collectors.groupingBy(Releases.Published::year)));
        byYear.forEach((year, revisions) -> {
            List<Releases.Published> order = revisions.stream().sorted(Comparator.comparing(Releases.Published::current).reversed()
                    .thenComparing(Comparator.comparingInt(Releases.Published::revision).reversed())).toList();
            for (int i = 0; i < order.size(); i++) {
                lines.add("  " + (i == 0 ? year : "    ") + "  " + release(order.get(i), state.zone()));
            }
        });
    }

    private static String release(Releases.Published r, ZoneId zone) {
        return "revision " + r.revision() + ", published " + time(r.publishedAt(), zone) + ", from indicators.value snapshot "
                + (r.snapshot(Warehouse.INDICATOR_VALUES) == null ? "none" : r.snapshot(Warehouse.INDICATOR_VALUES))
                + (r.builtFrom().equals("tag") ? " (rebuilt from its tag)" : "")
                + (r.current() ? "" : ", kept in releases/" + r.folder().getFileName() + "/");
    }

    private void warnings() {
        lines.add("");
        if (state.latestAssessed().isEmpty()) {
            lines.add("Warnings: no year assessed yet");
            return;
        }
        int year = state.latestAssessed().getAsInt();
        // the severities in their order of urgency, then any other the table holds
        List<String> order = new ArrayList<>(List.of("high", "medium", "low"));
        state.warnings().keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        String counts = order.stream().filter(state.warnings()::containsKey)
                .map(k -> state.warnings().get(k) + " " + k).collect(Collectors.joining(", "));
        lines.add("Warnings for " + year + ", the latest year assessed: " + (counts.isEmpty() ? "none" : counts));
    }

    private static void next(List<String> lines, List<NextSteps.Step> steps, String whenNone) {
        lines.add("");
        lines.add("Next");
        if (steps.isEmpty()) {
            lines.add("  " + whenNone);
        }
        for (NextSteps.Step step : steps) {
            lines.add("  " + step.reason());
            step.commands().forEach(c -> lines.add("    " + c));
        }
    }

    /** Years as ranges: 2015-2019, 2021, 2023-2025. */
    static String ranges(Collection<Integer> years) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int y : new TreeSet<>(years)) {
            if (previous != null && y == previous + 1) {
                previous = y;
                continue;
            }
            if (start != null) parts.add(start.equals(previous) ? String.valueOf(start) : start + "-" + previous);
            start = y;
            previous = y;
        }
        if (start != null) parts.add(start.equals(previous) ? String.valueOf(start) : start + "-" + previous);
        return String.join(", ", parts);
    }

    static String time(Instant at, ZoneId zone) {
        return TIME.withZone(zone).format(at);
    }
}
