package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the yearbook, its printable copy and the web report show for year Y: the published values from the
 * first year on, each indicator's status (district total) and the year's early warnings.
 */
record YearbookData(int year, int firstYear, String district, List<PublishedValue> values,
                    Map<String, IndicatorStatus> statuses, List<EarlyWarning> warnings) {

    /** Reads the assessment of year Y from the warehouse; indicators it has not judged show as not assessed. */
    static YearbookData read(Warehouse wh, int year, int firstYear, String district, List<PublishedValue> values) {
        Map<String, IndicatorStatus> statuses = new LinkedHashMap<>();
        for (Row r : wh.spark().sql("SELECT indicator, status, status_zh, status_en, note FROM " + Warehouse.ASSESSMENT
                + " WHERE assessed_year = " + year + " AND region = '" + district
                + "' AND sex = '_T' AND age_band = '_T' AND residence = '_T' ORDER BY indicator").collectAsList()) {
            statuses.put(r.getString(0), new IndicatorStatus(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
        }
        List<EarlyWarning> warnings = new ArrayList<>();
        for (Row r : wh.spark().sql("SELECT indicator, region, sex, age_band, residence, kind, severity, reason FROM "
                + Warehouse.WARNINGS + " WHERE assessed_year = " + year
                + " ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, indicator, region, sex, age_band, residence, kind")
                .collectAsList()) {
            warnings.add(new EarlyWarning(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5), r.getString(6), r.getString(7)));
        }
        return new YearbookData(year, firstYear, district, values, statuses, warnings);
    }

    IndicatorStatus status(String indicator) {
        return statuses.getOrDefault(indicator, IndicatorStatus.notAssessed(indicator));
    }

    /** The district total by year. */
    Map<Integer, PublishedValue> totals(String indicator) {
        Map<Integer, PublishedValue> series = new TreeMap<>();
        for (PublishedValue v : values) {
            if (v.indicator().equals(indicator) && v.isTotal(district) && v.year() >= firstYear) series.put(v.year(), v);
        }
        return series;
    }

    /** One breakdown of an indicator: category code, then year, in the order the values come. */
    Map<String, Map<Integer, PublishedValue>> breakdown(String indicator, Breakdown b) {
        Map<String, Map<Integer, PublishedValue>> byCategory = new TreeMap<>();
        for (PublishedValue v : values) {
            if (!v.indicator().equals(indicator) || v.year() < firstYear) continue;
            if (Breakdown.of(v, district).equals(Optional.of(b))) {
                byCategory.computeIfAbsent(b.category(v), k -> new TreeMap<>()).put(v.year(), v);
            }
        }
        return byCategory;
    }

    /**
     * Whether a warning's breakdown has its year's value withheld: its reason quotes the numbers behind it,
     * so publishing the reason would reveal the small count.
     */
    boolean concernsWithheldValue(EarlyWarning w) {
        return values.stream().anyMatch(v -> v.year() == year && v.suppressed() && v.indicator().equals(w.indicator())
                && v.region().equals(w.region()) && v.sex().equals(w.sex()) && v.ageBand().equals(w.ageBand())
                && v.residence().equals(w.residence()));
    }
}
