package org.wcstat.core.assess;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Target;
import org.wcstat.core.config.AssessmentSettings;
import org.wcstat.core.dimension.Breakdown;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Code;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.core.dimension.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A target "in every town" (">= 1 in every town"): met only when each town of conf/regions.yaml meets it.
 * The district total says nothing here (eleven clinics in eleven towns are not one in each of twelve), so the
 * district is judged on the number of towns meeting the level, year by year, towards all of them: the same
 * growth ratio as any target, with "all towns" as the level. A town without a row has a count of 0 (a
 * department reports the clinics it has; a town with none has no row); a rate a town lacks is no value, and
 * a town without a value does not meet the target.
 */
final class EveryTown {
    /** The flag of a count a town had no row for, taken as 0. */
    static final String ABSENT = "absent_as_zero";

    private EveryTown() {
    }

    /**
     * The observations with a zero count for every town and year the indicator is published by town (some town
     * has a row) but the town has none. A year without any town's row was not broken down by town: it says
     * nothing about any town.
     */
    static Map<CellKey, List<Observation>> withAbsentTowns(Catalog.Entry entry, Map<CellKey, List<Observation>> observations, int year,
                                                           Vocabulary vocabulary) {
        if (entry.formula().denominator() != null) return observations;
        TreeSet<Integer> years = new TreeSet<>();
        observations.forEach((cell, list) -> {
            if (vocabulary.breakdown(cell) != Breakdown.TOWN) return;
            list.stream().filter(o -> o.year() <= year).forEach(o -> years.add(o.year()));
        });
        Map<CellKey, List<Observation>> all = new LinkedHashMap<>(observations);
        for (Code town : vocabulary.codes(Dimension.TOWN)) {
            CellKey cell = vocabulary.total().with(Dimension.TOWN, town.code());
            List<Observation> own = new ArrayList<>(all.getOrDefault(cell, List.of()));
            for (int y : years) {
                if (own.stream().noneMatch(o -> o.year() == y)) own.add(new Observation(y, 0.0, 0, null, null, null, ABSENT));
            }
            all.put(cell, own);
        }
        return all;
    }

    /**
     * Replaces the district's judgement by one on the towns meeting the target, and its progress warnings by
     * that judgement's, with a warning naming the towns short of it in {@code year}.
     */
    static void judgeDistrict(Catalog.Entry entry, List<BreakdownAssessment.Result> results, int year, Vocabulary vocabulary) {
        CellKey district = vocabulary.total();
        int at = -1;
        for (int i = 0; i < results.size(); i++) if (results.get(i).cell().equals(district)) at = i;
        Target target = entry.target();
        List<Code> towns = vocabulary.codes(Dimension.TOWN);
        Map<String, BreakdownAssessment.Result> byTown = new LinkedHashMap<>();
        for (BreakdownAssessment.Result r : results) {
            if (vocabulary.breakdown(r.cell()) == Breakdown.TOWN) byTown.put(r.cell().region(), r);
        }
        // the years published by town: a year without any town says nothing about the towns
        TreeSet<Integer> years = new TreeSet<>();
        byTown.values().forEach(r -> years.addAll(r.judged().values().keySet()));
        if (at < 0 || years.isEmpty() || towns.isEmpty()) return;

        TreeMap<Integer, Double> meeting = new TreeMap<>();
        for (int y : years) {
            int n = 0;
            for (Code town : towns) if (meets(target, byTown.get(town.code()), y)) n++;
            meeting.put(y, (double) n);
        }
        Series series = Series.of(meeting);
        Target allTowns = new Target(">=", (double) towns.size(), null, null, target.year(), false);
        CagrAssessment.Options options = CagrAssessment.Options.from(CagrAssessment.BASE_YEAR)
                .limits(new AssessmentSettings.Range(0.0, (double) towns.size()));
        Assessment a = CagrAssessment.assess(series, allTowns, options);
        AnticipatedValue.Projection p = AnticipatedValue.project(series, allTowns, options);

        List<String> short_ = new ArrayList<>();
        for (Code town : towns) {
            if (meets(target, byTown.get(town.code()), year)) continue;
            BreakdownAssessment.Result r = byTown.get(town.code());
            Double v = r == null ? null : r.judged().at(year);
            short_.add(town.zh() + " (" + (v == null ? "no value" : CagrAssessment.value(v)) + ")");
        }
        BreakdownAssessment.Result old = results.get(at);
        String headline = CagrAssessment.value(meeting.getOrDefault(year, 0.0)) + " of " + towns.size() + " towns meet "
                + target.toString().replace(" in every town", "") + " in " + year
                + (short_.isEmpty() ? "" : "; short of it: " + String.join(", ", short_)) + ".";
        List<String> parts = new ArrayList<>(List.of("cagr_ratio", "every_town"));
        a.cornerCases().stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).sorted().forEach(parts::add);
        p.cornerCases().stream().filter(c -> !a.has(c)).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).sorted().forEach(parts::add);
        Double baseValue = a.baseYear() == null ? null : series.at(a.baseYear());
        Double current = a.latestYear() == null ? series.latest() : series.at(a.latestYear());
        BreakdownAssessment.Judgement j = new BreakdownAssessment.Judgement(a.status(), String.join("+", parts), a.baseYear(),
                baseValue, current, (double) towns.size(), target.year(), a.ratio(), p.at2025(), p.at2030(),
                BreakdownAssessment.gap2030(allTowns, p.at2030(), (double) towns.size()),
                "Towns meeting the target: " + headline + " " + a.explanation() + " " + p.explanation(), true,
                p.status() == ProgressStatus.ACHIEVED);

        List<Warning> warnings = old.warnings().stream()
                .filter(w -> w.kind() != WarningKind.PROJECTED_MISS && w.kind() != WarningKind.NEEDS_ACCELERATION)
                .collect(Collectors.toCollection(ArrayList::new));
        String name = old.name();
        BreakdownAssessment.progressWarnings(entry, district, name + ", towns meeting the target", a, p, allTowns, warnings);
        if (!short_.isEmpty()) {
            warnings.add(new Warning(entry.code(), district, WarningKind.TOWNS_SHORT, Warning.Severity.HIGH, name + ": " + headline));
        }
        results.set(at, new BreakdownAssessment.Result(old.entry(), old.cell(), old.name(), old.smoothed(), old.judged(),
                old.observations(), old.points(), j, List.copyOf(warnings)));
    }

    /** Whether a town's value (as printed) in {@code year} meets the level; a town without a value does not. */
    private static boolean meets(Target target, BreakdownAssessment.Result town, int year) {
        Double v = town == null ? null : town.judged().at(year);
        return v != null && target.isMetBy(v);
    }
}
