package org.wcstat.jobs.publish;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.assess.Warning;
import org.wcstat.core.assess.WarningKind;
import org.wcstat.core.dimension.Breakdown;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.core.dimension.Dimension;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

/**
 * What the yearbook, its printable copy and the web report show for year Y: the published values from the
 * first year on, each indicator's status (district total) and the year's early warnings. The tables show
 * the values indicators are published by (a pooled indicator's pooled values); the single-year values of a
 * pooled indicator are in its footnote.
 */
final class YearbookData {
    private final int year;
    private final int firstYear;
    private final String district;
    private final List<PublishedValue> values;
    private final Map<String, IndicatorStatus> statuses;
    private final List<Warning> warnings;
    /**
     * The values the tables show, and a pooled indicator's single-year ones, by indicator in the order they come:
     * the tables ask for one indicator at a time, and a province's volume has 360 towns' values to look through.
     */
    private final Map<String, List<PublishedValue>> shown = new HashMap<>();
    private final Map<String, List<PublishedValue>> singleYears = new HashMap<>();
    /** The indicators whose shown values are pooled, and the year's withheld cells, for a warning to be judged by. */
    private final Set<String> pooled = new HashSet<>();
    private final Set<Withheld> withheld = new HashSet<>();

    private record Withheld(String indicator, CellKey cell) {
    }

    YearbookData(int year, int firstYear, String district, List<PublishedValue> values, Map<String, IndicatorStatus> statuses,
                 List<Warning> warnings) {
        this.year = year;
        this.firstYear = firstYear;
        this.district = district;
        this.values = values;
        this.statuses = statuses;
        this.warnings = warnings;
        // the values the tables show: of a pooled indicator the pooled ones (PublishedValue.headline)
        for (PublishedValue v : PublishedValue.headline(values)) {
            shown.computeIfAbsent(v.indicator(), k -> new ArrayList<>()).add(v);
            if (v.pooledYears() > 1) pooled.add(v.indicator());
            if (v.year() == year && v.suppressed()) withheld.add(new Withheld(v.indicator(), v.cell()));
        }
        for (PublishedValue v : values) {
            if (v.pooledYears() == 1 && pooled.contains(v.indicator())) singleYears.computeIfAbsent(v.indicator(), k -> new ArrayList<>()).add(v);
        }
    }

    int year() {
        return year;
    }

    int firstYear() {
        return firstYear;
    }

    String district() {
        return district;
    }

    List<PublishedValue> values() {
        return values;
    }

    Map<String, IndicatorStatus> statuses() {
        return statuses;
    }

    List<Warning> warnings() {
        return warnings;
    }

    /** The values the tables show of one indicator. */
    private List<PublishedValue> shown(String indicator) {
        return shown.getOrDefault(indicator, List.of());
    }

    /**
     * Reads the assessment of year Y as the release sees the warehouse; indicators it has not judged show as not assessed.
     *
     * @param snapshot   the tables pinned for the release, so that its yearbook and its data files tell the same, and a
     *                   release built again from its tag tells what it told
     * @param disclosure what the release withholds of the assessment, as in data/assessment
     */
    static YearbookData read(ReleaseSnapshot snapshot, int year, int firstYear, String district, List<PublishedValue> values,
                             ReleaseTables disclosure) {
        CellKey total = CellKey.total(district);
        Map<String, IndicatorStatus> statuses = new LinkedHashMap<>();
        Dataset<Row> assessment = snapshot.read(Warehouse.ASSESSMENT).where(expr("assessed_year = " + year + " AND " + is(total)))
                .orderBy("indicator");
        // the rows disclosure control rewrote carry no schema of their own: their columns are found in the table's
        StructType schema = assessment.schema();
        for (Row r : disclosure.assessment(assessment.collectAsList())) {
            String indicator = r.getString(schema.fieldIndex("indicator"));
            statuses.put(indicator, new IndicatorStatus(indicator, r.getString(schema.fieldIndex("status")),
                    r.getString(schema.fieldIndex("status_zh")), r.getString(schema.fieldIndex("status_en")),
                    r.getString(schema.fieldIndex("note"))));
        }
        // the most severe first
        String severityOrder = Arrays.stream(Warning.Severity.values())
                .map(s -> "WHEN '" + s.code() + "' THEN " + s.ordinal()).collect(Collectors.joining(" ", "CASE severity ", " END"));
        List<Warning> warnings = new ArrayList<>();
        for (Row r : snapshot.read(Warehouse.WARNINGS).where(expr("assessed_year = " + year))
                .orderBy(expr(severityOrder), col("indicator"), col("region"), col("sex"), col("age_band"), col("residence"), col("kind"))
                .select("indicator", "region", "sex", "age_band", "residence", "kind", "severity", "reason").collectAsList()) {
            warnings.add(warning(r, year));
        }
        return new YearbookData(year, firstYear, district, values, statuses, warnings);
    }

    /** A condition selecting one cell's rows. */
    private static String is(CellKey key) {
        return Arrays.stream(Dimension.values()).map(d -> d.column() + " = '" + key.code(d) + "'").collect(Collectors.joining(" AND "));
    }

    private static Warning warning(Row r, int year) {
        try {
            return new Warning(r.getString(0), new CellKey(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
                    WarningKind.ofCode(r.getString(5)), Warning.Severity.ofCode(r.getString(6)), r.getString(7));
        } catch (IllegalArgumentException e) {
            throw new PublishException(Warehouse.WARNINGS + " of " + year + " holds a warning this wcstat does not know: "
                    + e.getMessage() + ". Run assess --year " + year + " again to rewrite the year's warnings, then publish");
        }
    }

    IndicatorStatus status(String indicator) {
        return statuses.getOrDefault(indicator, IndicatorStatus.notAssessed(indicator));
    }

    /** The district total by year. */
    Map<Integer, PublishedValue> totals(String indicator) {
        return totals(shown(indicator));
    }

    /** A pooled indicator's district total of each year alone, by year; empty for an indicator not pooled. */
    Map<Integer, PublishedValue> singleYearTotals(String indicator) {
        if (!pooled.contains(indicator)) return Map.of();
        return totals(singleYears.getOrDefault(indicator, List.of()));
    }

    /** @param of one indicator's values */
    private Map<Integer, PublishedValue> totals(List<PublishedValue> of) {
        Map<Integer, PublishedValue> series = new TreeMap<>();
        for (PublishedValue v : of) {
            if (v.isTotal(district) && v.year() >= firstYear) series.put(v.year(), v);
        }
        return series;
    }

    /** One breakdown of an indicator: category code, then year, in the order the values come. */
    Map<String, Map<Integer, PublishedValue>> breakdown(String indicator, Dimension d) {
        Breakdown b = Breakdown.by(d);
        Map<String, Map<Integer, PublishedValue>> byCategory = new TreeMap<>();
        for (PublishedValue v : shown(indicator)) {
            if (v.year() < firstYear) continue;
            CellKey cell = v.cell();
            if (cell.breakdown(district) == b) {
                byCategory.computeIfAbsent(cell.code(d), k -> new TreeMap<>()).put(v.year(), v);
            }
        }
        return byCategory;
    }

    /**
     * Whether a warning's breakdown has its year's value withheld: its reason quotes the numbers behind it,
     * so publishing the reason would reveal the small count.
     */
    boolean concernsWithheldValue(Warning w) {
        return withheld.contains(new Withheld(w.indicator(), w.cell()));
    }
}
