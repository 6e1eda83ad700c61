package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfFolder;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.yaml.YamlLocator;
import org.wcstat.core.yaml.Yaml;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.catalog.Indicator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** conf/assessment.yaml: the thresholds of the progress assessment and the early warnings. */
public record AssessmentSettings(
        @JsonProperty(value = "evaluation_years", required = true) List<Integer> evaluationYears,
        @JsonProperty(value = "year_on_year_bound", required = true) double yearOnYearBound,
        @JsonProperty(value = "group_lag_gap", required = true) double groupLagGap,
        @JsonProperty(value = "plausible_ranges", required = true) PlausibleRanges plausibleRanges) implements Yaml.Validated {

    public static final String FILE = "assessment.yaml";

    /** Used when a configuration folder has no assessment.yaml: the shipped thresholds, without per-indicator ranges. */
    public static final AssessmentSettings DEFAULTS = new AssessmentSettings(List.of(2025, 2030), 0.20, 0.10,
            new PlausibleRanges(Map.of("%", new Range(0.0, 100.0), "‰", new Range(0.0, 1000.0),
                    "1/100000", new Range(0.0, 100000.0), "女=100", new Range(90.0, 125.0), "百分点", new Range(-100.0, 100.0)),
                    Map.of(), new Range(0.0, null)));

    public record Range(@JsonProperty("min") Double min, @JsonProperty("max") Double max) {
        public boolean contains(double v) {
            return (min == null || v >= min) && (max == null || v <= max);
        }

        @Override
        public String toString() {
            return "[" + (min == null ? "−∞" : fmt(min)) + ", " + (max == null ? "∞" : fmt(max)) + "]";
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    public record PlausibleRanges(
            @JsonProperty("by_unit") Map<String, Range> byUnit,
            @JsonProperty("by_indicator") Map<String, Range> byIndicator,
            @JsonProperty("other") Range other) {
        public PlausibleRanges {
            byUnit = byUnit == null ? Map.of() : Map.copyOf(byUnit);
            byIndicator = byIndicator == null ? Map.of() : Map.copyOf(byIndicator);
        }
    }

    /**
     * The outlines' target year: their final evaluation, the last of evaluation_years (2030). The yearbook heads
     * its column of targets with it.
     */
    public int targetYear() {
        return evaluationYears.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** The range an indicator's values must lie in: its own, else its unit's, else the one for other units. */
    public Optional<Range> plausibleRange(String indicator, String unit) {
        Range r = plausibleRanges.byIndicator().get(indicator);
        if (r == null) r = plausibleRanges.byUnit().get(unit);
        if (r == null) r = plausibleRanges.other();
        return Optional.ofNullable(r);
    }

    /**
     * The range an indicator's values must lie in, as {@link #plausibleRange(String, String)}; a gap between two
     * ratios (minus) takes its unit's range mirrored around 0 ([−1000, 1000] for ‰), since either ratio may be
     * the larger. Its bounds are also the quantity's natural limits: the assessment holds anticipated values
     * within them, and a goal without a number that reaches one is achieved.
     */
    public Optional<Range> plausibleRange(Indicator indicator) {
        Range own = plausibleRanges.byIndicator().get(indicator.code());
        if (own != null || indicator.minus() == null) return plausibleRange(indicator.code(), indicator.unit());
        Range r = plausibleRanges.byUnit().getOrDefault(indicator.unit(), plausibleRanges.other());
        if (r == null) return Optional.empty();
        Double reach = r.max() != null ? r.max() : r.min() != null && r.min() < 0 ? -r.min() : null;
        return reach == null ? Optional.empty() : Optional.of(new Range(-Math.abs(reach), Math.abs(reach)));
    }

    public static AssessmentSettings load(Path dir) {
        return load(ConfFolder.open(dir));
    }

    public static AssessmentSettings load(ConfFolder folder) {
        Path file = folder.file(FILE);
        return Files.exists(file) ? Yaml.read(file, AssessmentSettings.class) : DEFAULTS;
    }

    @Override
    public void validate(Path file) {
        if (evaluationYears.isEmpty()) {
            throw new ConfigException(YamlLocator.at(file, "evaluation_years") + ": evaluation_years is empty; the outlines evaluate in [2025, 2030]");
        }
        for (int i = 0; i < evaluationYears.size(); i++) {
            int y = evaluationYears.get(i);
            if (y < 2021 || y > 2030) {
                throw new ConfigException(YamlLocator.at(file, "evaluation_years", i) + ": evaluation year " + y
                        + " is outside the outlines' 2021–2030; write e.g. [2025, 2030]");
            }
        }
        if (!(yearOnYearBound > 0)) {
            throw new ConfigException(YamlLocator.at(file, "year_on_year_bound") + ": year_on_year_bound must be a positive share,"
                    + " e.g. 0.20 for ±20%, not " + yearOnYearBound);
        }
        if (!(groupLagGap > 0)) {
            throw new ConfigException(YamlLocator.at(file, "group_lag_gap") + ": group_lag_gap must be a positive share, e.g. 0.10 for 10%, not " + groupLagGap);
        }
        plausibleRanges.byUnit().forEach((unit, r) -> check(file, "unit '" + unit + "'", r, "by_unit", unit));
        plausibleRanges.byIndicator().forEach((code, r) -> check(file, "indicator " + code, r, "by_indicator", code));
        if (plausibleRanges.other() != null) check(file, "other", plausibleRanges.other(), "other");
    }

    private static void check(Path file, String what, Range r, String... path) {
        List<Object> at = new java.util.ArrayList<>(List.of("plausible_ranges"));
        at.addAll(List.of(path));
        if (r == null || (r.min() == null && r.max() == null)) {
            throw new ConfigException(YamlLocator.of(file).at(at) + ": the plausible range of " + what
                    + " needs min, max or both, e.g. {min: 0, max: 100}");
        }
        if (r.min() != null && r.max() != null && r.min() >= r.max()) {
            at.add("max");
            throw new ConfigException(YamlLocator.of(file).at(at) + ": the plausible range of " + what + " has min " + r.min()
                    + " not below max " + r.max());
        }
    }
}
