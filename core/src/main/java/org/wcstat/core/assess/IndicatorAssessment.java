package org.wcstat.core.assess;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Target;
import org.wcstat.core.config.AssessmentSettings;
import org.wcstat.core.dimension.Breakdown;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Vocabulary;
import org.wcstat.core.stats.Printed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.wcstat.core.assess.CagrAssessment.num;
import static org.wcstat.core.assess.CagrAssessment.value;

/**
 * One indicator in every breakdown it is published by, judged from the data up to one year, and the
 * warnings for towns, sexes and urban/rural groups lagging the district.
 */
public final class IndicatorAssessment {

    private IndicatorAssessment() {
    }

    public record Result(CellKey district, List<BreakdownAssessment.Result> breakdowns, List<Warning> groupLags) {
        /** The district total, if the indicator has one. */
        public Optional<BreakdownAssessment.Result> total() {
            return breakdowns.stream().filter(b -> b.cell().equals(district)).findFirst();
        }

        public List<Warning> warnings() {
            List<Warning> all = new ArrayList<>();
            breakdowns.forEach(b -> all.addAll(b.warnings()));
            all.addAll(groupLags);
            return all;
        }
    }

    /** @param observations the indicator's rows of indicators.value by breakdown */
    public static Result assess(Catalog.Entry entry, Map<CellKey, List<Observation>> observations, int year,
                                AssessmentSettings settings, Vocabulary vocabulary) {
        CellKey total = vocabulary.total();
        boolean everyTown = entry.target() != null && entry.target().everyTown();
        Map<CellKey, List<Observation>> obs = everyTown ? EveryTown.withAbsentTowns(entry, observations, year, vocabulary) : observations;
        boolean districtHasYear = obs.getOrDefault(total, List.of()).stream()
                .anyMatch(o -> o.year() == year && o.value() != null);
        List<BreakdownAssessment.Result> results = new ArrayList<>();
        obs.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(CellKey::region).thenComparing(CellKey::sex)
                        .thenComparing(CellKey::ageBand).thenComparing(CellKey::residence)))
                .forEach(e -> {
                    // when the whole indicator lacks the year, the district's warning says so once
                    boolean latestToo = e.getKey().equals(total) || districtHasYear;
                    results.add(BreakdownAssessment.assess(entry, e.getKey(), e.getValue(), year, settings, vocabulary, latestToo));
                });
        if (everyTown) EveryTown.judgeDistrict(entry, results, year, vocabulary);
        List<Warning> lags = new ArrayList<>();
        results.stream().filter(r -> r.cell().equals(total)).findFirst()
                .ifPresent(district -> results.forEach(r -> groupLag(entry, district, r, year, settings, vocabulary).ifPresent(lags::add)));
        return new Result(total, List.copyOf(results), List.copyOf(lags));
    }

    /**
     * A town, sex or urban/rural group whose value in {@code year} is worse than the district's, in the
     * target's direction, by more than the configured share of the district's value. For a "≈" target,
     * worse means further outside the band, as a share of the band's centre. A difference inside the
     * group's own 95% confidence interval is noise and raises nothing. Counts are not compared: a town's
     * count is a part of the district's.
     */
    static Optional<Warning> groupLag(Catalog.Entry entry, BreakdownAssessment.Result district, BreakdownAssessment.Result group,
                                      int year, AssessmentSettings settings, Vocabulary vocabulary) {
        Target t = entry.target();
        Breakdown breakdown = vocabulary.breakdown(group.cell());
        // a count of a town is a part of the district's, not comparable with it; only rates compare
        if (t == null || entry.formula().denominator() == null
                || !(breakdown == Breakdown.TOWN || breakdown == Breakdown.SEX || breakdown == Breakdown.RESIDENCE)) {
            return Optional.empty();
        }
        Double d = district.judged().at(year);
        Double g = group.judged().at(year);
        if (d == null || g == null) return Optional.empty();
        // the goal of a gap between two rates is its absolute size
        boolean absolute = entry.indicator().minus() != null && (t.comparator().equals("increase") || t.comparator().equals("decrease"));
        if (absolute) {
            d = Math.abs(d);
            g = Math.abs(g);
        }
        double lag;
        double scale;
        if (t.comparator().equals("≈")) {
            lag = outside(t, g) - outside(t, d);
            scale = Math.abs(t.value());
        } else {
            int dir = switch (t.comparator()) {
                case "<=", "<", "decrease" -> -1;
                case "relative" -> t.value() < 0 ? -1 : 1;
                default -> 1;
            };
            lag = dir * (d - g);
            scale = Math.abs(d);
        }
        if (scale == 0 || lag <= 0) return Optional.empty();
        double share = lag / scale;
        double gap = settings.groupLagGap();
        if (share <= gap) return Optional.empty();
        Optional<Observation> o = group.in(year);
        boolean asPublished = o.isPresent() && o.get().value() != null
                && Printed.round(o.get().value(), entry.indicator().decimals()) == group.judged().at(year);
        if (asPublished && o.get().ciLow() != null && o.get().ciHigh() != null
                && d >= o.get().ciLow() && d <= o.get().ciHigh()) {
            return Optional.empty();
        }
        Warning.Severity severity = share > 2 * gap ? Warning.Severity.HIGH : Warning.Severity.MEDIUM;
        String basis = group.smoothed().pooled() ? " (" + group.smoothed().basis().replaceFirst(" because.*", "") + ")" : "";
        String reason = group.name() + ": " + (absolute ? "absolute gap " : "") + value(g) + " in " + year + basis + " against the district's "
                + value(d)
                + (t.comparator().equals("≈") ? ", further outside the band " + t + " by " : ", worse by ")
                + num(lag) + " (" + String.format(Locale.ROOT, "%.1f%%", 100 * share) + " of "
                + (t.comparator().equals("≈") ? "the band's centre" : "the district's value")
                + "), beyond the " + String.format(Locale.ROOT, "%.0f%%", 100 * gap) + " gap allowed.";
        return Optional.of(new Warning(entry.code(), group.cell(), WarningKind.GROUP_LAG, severity, reason));
    }

    private static double outside(Target t, double v) {
        return Math.max(0, Math.abs(v - t.value()) - t.tolerance());
    }
}
