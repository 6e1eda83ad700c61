package org.wcstat.core.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.wcstat.core.dimension.Dimension;

import java.util.List;
import java.util.Set;

/** One monitoring indicator of an outline, as written in conf/indicators/*.yaml. */
public record Indicator(
        @JsonProperty(value = "code", required = true) String code,
        @JsonProperty(value = "plan", required = true) String plan,
        @JsonProperty(value = "area", required = true) String area,
        @JsonProperty(value = "name_zh", required = true) String nameZh,
        @JsonProperty(value = "name_en", required = true) String nameEn,
        @JsonProperty(value = "unit", required = true) String unit,
        @JsonProperty(value = "numerator", required = true) String numerator,
        @JsonProperty("denominator") String denominator,
        @JsonProperty("factor") Double factor,
        @JsonProperty("minus") Ratio minus,
        @JsonProperty("by") List<String> by,
        @JsonProperty("interval") String interval,
        @JsonProperty("pooled_years") Integer pooledYears,
        @JsonProperty("target") String target,
        @JsonProperty("baseline") Baseline baseline,
        @JsonProperty(value = "sources", required = true) List<String> sources,
        @JsonProperty("definition") String definition,
        @JsonProperty("plan_text") String planText,
        @JsonProperty("counts") String counts) {

    /** The breakdowns an indicator may be published by, besides the district total. */
    public static final Set<String> DISAGGREGATIONS = Dimension.catalogNames();
    public static final Set<String> PLANS = Set.of("women", "children");
    /** What an indicator's numerator counts: people (the default), whose small counts are withheld, or facilities. */
    public static final String PEOPLE = "people";
    public static final String FACILITIES = "facilities";
    public static final Set<String> COUNTS = Set.of(PEOPLE, FACILITIES);

    /** A second ratio, with the indicator's factor, subtracted from the first: a gap between two rates or shares. */
    public record Ratio(
            @JsonProperty(value = "numerator", required = true) String numerator,
            @JsonProperty(value = "denominator", required = true) String denominator) {
    }

    public record Baseline(
            @JsonProperty(value = "year", required = true) int year,
            @JsonProperty(value = "value", required = true) double value,
            @JsonProperty("source") String source) {
    }

    public List<String> disaggregations() {
        return by == null ? List.of() : by;
    }

    /** How many years the rate pools (1: the year alone); small-number rates pool 3. */
    public int poolYears() {
        return pooledYears == null ? 1 : pooledYears;
    }

    public double factorOrOne() {
        return factor == null ? 1.0 : factor;
    }

    /**
     * Whether its numerator counts facilities (clinics, kindergartens, venues, teams) rather than people: no
     * person can be recognised in a count of clinics, so small counts of them are published (core.disclosure).
     */
    public boolean countsFacilities() {
        return FACILITIES.equals(counts);
    }

    /** The unit of a difference of two percentages. */
    public static final String PERCENTAGE_POINTS = "百分点";

    /**
     * Whether its values are differences in points: a gap between two ratios ({@code minus}) or a unit of 百分点.
     * Their zero is a balance, not an absence, so they may be negative and change through zero.
     */
    public boolean inPoints() {
        return minus != null || PERCENTAGE_POINTS.equals(unit);
    }

    /** Decimals the yearbook prints a ratio's values with; counts are whole. */
    public static final int RATIO_DECIMALS = 2;

    /** The decimals its values are printed and judged with (core.stats.Printed): a ratio's two, a count's none. */
    public int decimals() {
        return denominator == null ? 0 : RATIO_DECIMALS;
    }
}
