package org.wcstat.core.assess;

import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Indicator;
import org.wcstat.core.catalog.Target;
import org.wcstat.core.config.AssessmentSettings;
import org.wcstat.core.dimension.Breakdown;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Vocabulary;
import org.wcstat.core.stats.Printed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.wcstat.core.assess.CagrAssessment.num;

/**
 * One indicator in one breakdown, judged from the data up to one year: its series with year-on-year
 * change and trend, its progress towards the target, and the warnings its own series raises
 * (group lags need the district as well and are raised by {@link IndicatorAssessment}).
 */
public final class BreakdownAssessment {

    /** A trend slower than this share of the series' mean level a year is flat. */
    public static final double FLAT_SHARE = 0.005;
    /**
     * A projection missing at least this share of the required progress is a high-severity warning, as is
     * one that loses a target the first value met.
     */
    public static final double MISS_HIGH = 0.5;
    /** ... and at least this share a medium one; less is low. */
    public static final double MISS_MEDIUM = 0.2;
    /** The first years a missing year is reported for: the baseline on, or the last five years before it. */
    static final int MISSING_WINDOW = 5;

    private BreakdownAssessment() {
    }

    /** One year of the series table. */
    public record Point(int year, Double value, Double smoothed, Double yoyChange, Double yoyPct, Double trendSlope,
                        String trend, String flags) {
    }

    /** One row of the assessment table, without the indicator and breakdown. */
    public record Judgement(ProgressStatus status, String method, Integer baselineYear, Double baselineValue,
                            Double currentValue, Double targetValue, Integer targetYear, Double ratio,
                            Double anticipated2025, Double anticipated2030, Double gap2030, String note,
                            boolean quantified, boolean anticipatedMet) {
    }

    /**
     * @param judged the values judged: the assessed ones ({@code smoothed}) as printed, to the indicator's decimals
     */
    public record Result(Catalog.Entry entry, CellKey cell, String name, Smoothing.Smoothed smoothed, Series judged,
                         List<Observation> observations, List<Point> points, Judgement judgement, List<Warning> warnings) {
        /** The observation of {@code year}, if the breakdown has one. */
        public Optional<Observation> in(int year) {
            return observations.stream().filter(o -> o.year() == year).findFirst();
        }
    }

    /**
     * @param observations      the breakdown's rows of indicators.value, any years; those after {@code year} are ignored
     * @param missingLatestToo  whether a missing {@code year} itself is reported (not when the whole indicator lacks it)
     */
    public static Result assess(Catalog.Entry entry, CellKey cell, List<Observation> observations, int year,
                                AssessmentSettings settings, Vocabulary vocabulary, boolean missingLatestToo) {
        List<Observation> obs = observations.stream().filter(o -> o.year() <= year)
                .sorted((a, b) -> Integer.compare(a.year(), b.year())).toList();
        String name = entry.code() + " " + entry.indicator().nameZh() + " (" + vocabulary.nameZh(cell) + ")";
        Target target = entry.target();
        Indicator ind = entry.indicator();
        Smoothing.Smoothed sm = Smoothing.of(obs, ind, Math.min(baseYear(target), year));
        List<Point> points = points(obs, sm, settings.yearOnYearBound(), ind.inPoints());
        Series judged = printed(sm.assessed(), ind.decimals());
        AssessmentSettings.Range range = settings.plausibleRange(ind).orElse(null);
        List<Warning> warnings = new ArrayList<>();

        Judgement judgement = null;
        if (target != null && !judged.isEmpty()) {
            CagrAssessment.Options options = options(entry, vocabulary.breakdown(cell), sm, range);
            Assessment a = CagrAssessment.assess(judged, target, options);
            AnticipatedValue.Projection p = AnticipatedValue.project(judged, target, options);
            judgement = judge(target, judged, sm, a, p, range, ind.baseline());
            progressWarnings(entry, cell, name, a, p, target, warnings);
        }
        fluctuation(entry, cell, name, sm, judged, year, settings, warnings);
        missingYears(entry, cell, name, vocabulary.breakdown(cell), obs, sm, year, missingLatestToo, warnings);
        implausible(entry, cell, name, obs, year, range, warnings);
        return new Result(entry, cell, name, sm, judged, obs, points, judgement, List.copyOf(warnings));
    }

    /** The first year of the assessment window: 2020, or the year a relative target counts from. */
    static int baseYear(Target target) {
        return target != null && target.comparator().equals("relative") ? target.baseYear() : CagrAssessment.BASE_YEAR;
    }

    /** What a breakdown's series is judged with besides its values; the plan's baseline is the district's. */
    static CagrAssessment.Options options(Catalog.Entry entry, Breakdown breakdown, Smoothing.Smoothed sm, AssessmentSettings.Range range) {
        Indicator ind = entry.indicator();
        return CagrAssessment.Options.from(CagrAssessment.BASE_YEAR).pooled(sm.pooled()).intervals(sm.intervals())
                .limits(range).gap(ind.minus() != null).planBaseline(breakdown == Breakdown.TOTAL ? ind.baseline() : null);
    }

    /** A series as printed: every value rounded to {@code decimals} places, as the yearbook shows it. */
    static Series printed(Series s, int decimals) {
        TreeMap<Integer, Double> values = new TreeMap<>();
        s.values().forEach((y, v) -> values.put(y, Printed.round(v, decimals)));
        return Series.of(values);
    }

    static List<Point> points(List<Observation> obs, Smoothing.Smoothed sm, double bound, boolean inPoints) {
        List<Point> points = new ArrayList<>();
        TreeMap<Integer, Double> upTo = new TreeMap<>();
        double scale = 0;
        for (Observation o : obs) {
            Double prev = sm.values().at(o.year() - 1);
            if (o.value() != null) scale = Math.max(scale, Math.abs(o.value()));
            if (prev != null) scale = Math.max(scale, Math.abs(prev));
            Double change = o.value() == null || prev == null ? null : o.value() - prev;
            // no percentage of a value near zero, nor of a difference in points: it would be any size at all
            Double changePct = change == null || !Fluctuation.relative(prev, scale, bound, inPoints) ? null : 100 * change / Math.abs(prev);
            Double smoothed = sm.assessed().at(o.year());
            if (smoothed != null) upTo.put(o.year(), smoothed);
            Series sofar = Series.of(upTo);
            Double slope = AnticipatedValue.slope(sofar);
            points.add(new Point(o.year(), o.value(), smoothed, change, changePct, slope, trend(slope, sofar), o.flags()));
        }
        return points;
    }

    /** up, down, flat (|slope| at most 0.5% of the mean level a year), or none under three points. */
    static String trend(Double slope, Series s) {
        if (slope == null) return "none";
        double level = s.values().values().stream().mapToDouble(Math::abs).average().orElse(0);
        if (Math.abs(slope) <= FLAT_SHARE * level) return "flat";
        return slope > 0 ? "up" : "down";
    }

    private static Judgement judge(Target target, Series judged, Smoothing.Smoothed sm, Assessment a, AnticipatedValue.Projection p,
                                   AssessmentSettings.Range range, Indicator.Baseline plan) {
        boolean direction = target.comparator().equals("increase") || target.comparator().equals("decrease");
        List<String> parts = new ArrayList<>();
        parts.add(direction ? "growth_rate" : "cagr_ratio");
        a.cornerCases().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().forEach(parts::add);
        p.cornerCases().stream().filter(c -> !a.has(c)).map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().forEach(parts::add);

        Double baseValue = a.baseYear() == null ? null
                : a.has(CornerCase.PLAN_BASELINE) ? Double.valueOf(plan.value()) : judged.at(a.baseYear());
        Double current = a.latestYear() == null ? judged.latest() : judged.at(a.latestYear());
        Double level = level(target, judged, a.has(CornerCase.PLAN_BASELINE) ? plan : null);
        Double ratio = a.ratio();
        if (direction && a.growth() != null) {
            int d = target.comparator().equals("increase") ? 1 : -1;
            ratio = (a.has(CornerCase.NEGATIVE_VALUES) ? -d : d) * a.growth();
        }
        // a straight line leaves a bounded quantity's range (coverage above 100%): the value anticipated is the bound
        Double at2025 = clamp(p.at2025(), range);
        Double at2030 = clamp(p.at2030(), range);
        boolean capped = !Objects.equals(at2025, p.at2025()) || !Objects.equals(at2030, p.at2030());
        if (capped) parts.add("projection_capped");
        String note = a.explanation() + " " + p.explanation()
                + (capped ? " Anticipated values are held within the plausible range " + range + "." : "")
                + (sm.pooled() ? " Judged on " + sm.basis() + "." : "");
        return new Judgement(a.status(), String.join("+", parts), a.baseYear(), baseValue, current,
                target.comparator().equals("≈") ? target.value() : level, direction ? null : target.year(), ratio,
                at2025, at2030, gap2030(target, at2030, level), note, !direction,
                p.status() == ProgressStatus.ACHIEVED);
    }

    static Double clamp(Double v, AssessmentSettings.Range range) {
        if (v == null || range == null) return v;
        if (range.max() != null && v > range.max()) return range.max();
        if (range.min() != null && v < range.min()) return range.min();
        return v;
    }

    /**
     * The level to reach: the target's value, or for a relative target its base year's value (the plan's baseline
     * when the series lacks it) moved by the percentage.
     */
    static Double level(Target target, Series s, Indicator.Baseline plan) {
        return switch (target.comparator()) {
            case "increase", "decrease" -> null;
            case "relative" -> {
                Double base = s.at(target.baseYear()) != null ? s.at(target.baseYear()) : plan != null ? Double.valueOf(plan.value()) : null;
                yield base == null ? null : base * (1 + target.value() / 100);
            }
            default -> target.value();
        };
    }

    /** Anticipated 2030 value beyond (+) or short of (−) the target; for a band, 0 inside and minus the distance outside. */
    static Double gap2030(Target target, Double at2030, Double level) {
        if (at2030 == null || level == null) return null;
        if (target.comparator().equals("≈")) {
            return target.isMetBy(at2030) ? 0.0 : -(Math.abs(at2030 - target.value()) - target.tolerance());
        }
        int d = switch (target.comparator()) {
            case "<=", "<" -> -1;
            case "relative" -> target.value() < 0 ? -1 : 1;
            default -> 1;
        };
        return d * (at2030 - level);
    }

    static void progressWarnings(Catalog.Entry entry, CellKey b, String name, Assessment a,
                                         AnticipatedValue.Projection p, Target target, List<Warning> out) {
        if (p.gap() != null && p.status() != ProgressStatus.ACHIEVED) {
            Double share = p.relativeGap();
            Warning.Severity severity = share == null || share >= MISS_HIGH ? Warning.Severity.HIGH
                    : share >= MISS_MEDIUM ? Warning.Severity.MEDIUM : Warning.Severity.LOW;
            out.add(new Warning(entry.code(), b, WarningKind.PROJECTED_MISS, severity,
                    name + ": projected to miss the target " + target + ": " + lower(p.explanation())));
        }
        ProgressStatus s = a.status();
        if (s == ProgressStatus.NEEDS_ACCELERATION || s == ProgressStatus.LIMITED_PROGRESS || s == ProgressStatus.DETERIORATION) {
            Warning.Severity severity = s == ProgressStatus.NEEDS_ACCELERATION ? Warning.Severity.MEDIUM : Warning.Severity.HIGH;
            out.add(new Warning(entry.code(), b, WarningKind.NEEDS_ACCELERATION, severity,
                    name + ": " + s.en() + " (" + s.zh() + ") towards " + target + ", " + a.explanation()));
        }
    }

    private static void fluctuation(Catalog.Entry entry, CellKey b, String name, Smoothing.Smoothed sm, Series judged, int year,
                                    AssessmentSettings settings, List<Warning> out) {
        if (!Objects.equals(judged.latestYear(), year)) return;
        Fluctuation.Result f = Fluctuation.check(judged, settings.yearOnYearBound(), entry.indicator().inPoints());
        if (!f.flagged()) return;
        Warning.Severity severity = f.outlier() && f.beyondBound() ? Warning.Severity.HIGH : Warning.Severity.MEDIUM;
        out.add(new Warning(entry.code(), b, WarningKind.FLUCTUATION, severity,
                name + ": strong fluctuation" + (sm.pooled() ? " of the " + sm.basis().replaceFirst(" because.*", "") : "")
                        + ", " + lower(f.explanation())));
    }

    private static void missingYears(Catalog.Entry entry, CellKey b, String name, Breakdown breakdown, List<Observation> obs,
                                     Smoothing.Smoothed sm, int year, boolean latestToo, List<Warning> out) {
        if (obs.isEmpty()) return;
        int first = obs.get(0).year();
        int from = Math.max(first, Math.min(CagrAssessment.BASE_YEAR, year - MISSING_WINDOW + 1));
        Map<Integer, Observation> byYear = obs.stream().collect(Collectors.toMap(Observation::year, o -> o));
        List<String> missing = new ArrayList<>();
        boolean latestMissing = false;
        for (int y = from; y <= year; y++) {
            Observation o = byYear.get(y);
            if (o != null && o.value() != null) continue;
            if (y == year && !latestToo) continue;
            if (y == year) latestMissing = true;
            missing.add(o == null ? String.valueOf(y) : y + " (denominator zero)");
        }
        if (missing.isEmpty()) return;
        Warning.Severity severity = !latestMissing ? Warning.Severity.LOW
                : breakdown == Breakdown.TOTAL ? Warning.Severity.HIGH : Warning.Severity.MEDIUM;
        Integer lastYear = sm.values().latestYear();
        String last = lastYear == null ? "no value at all" : "the last value is "
                + Printed.text(sm.values().latest(), entry.indicator().decimals()) + " in " + lastYear;
        out.add(new Warning(entry.code(), b, WarningKind.MISSING_YEAR, severity,
                name + ": no value for " + String.join(", ", missing) + " in the series since " + from + ", " + last + "."));
    }

    private static void implausible(Catalog.Entry entry, CellKey b, String name, List<Observation> obs, int year,
                                    AssessmentSettings.Range range, List<Warning> out) {
        if (range == null) return;
        for (Observation o : obs) {
            if (o.year() != year || o.value() == null || range.contains(o.value())) continue;
            out.add(new Warning(entry.code(), b, WarningKind.IMPLAUSIBLE, Warning.Severity.HIGH,
                    name + ": " + Printed.text(o.value(), entry.indicator().decimals()) + " " + entry.indicator().unit() + " in " + year + " is outside the plausible range "
                            + range + " (numerator " + num(o.numerator())
                            + (o.denominator() == null ? "" : ", denominator " + num(o.denominator())) + "); check the source data."));
        }
    }

    static String lower(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
