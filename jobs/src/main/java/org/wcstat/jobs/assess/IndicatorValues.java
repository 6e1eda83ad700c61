package org.wcstat.jobs.assess;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.assess.Observation;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.dimension.CellKey;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * indicators.value up to a year, by indicator and breakdown: a few thousand rows, judged on the driver. A
 * pooled indicator is judged on its pooled values, as the catalog pools it; its single-year values are left.
 */
final class IndicatorValues {

    private IndicatorValues() {
    }

    static Map<String, Map<CellKey, List<Observation>>> upTo(SparkSession spark, int year, Catalog catalog) {
        Map<String, Integer> pooled = new HashMap<>();
        catalog.entries().forEach(e -> pooled.put(e.code(), e.indicator().poolYears()));
        Map<String, Map<CellKey, List<Observation>>> byIndicator = new HashMap<>();
        List<Row> rows = spark.sql("SELECT indicator, year, region, sex, age_band, residence, numerator, denominator, value,"
                + " ci_low, ci_high, flags, pooled_years FROM " + Warehouse.INDICATOR_VALUES + " WHERE year <= " + year).collectAsList();
        for (Row r : rows) {
            Integer pool = pooled.get(r.getString(0));
            if (pool == null || pool != r.getInt(12)) continue;
            CellKey b = new CellKey(r.getString(2), r.getString(3), r.getString(4), r.getString(5));
            Observation o = new Observation(r.getInt(1), (Double) r.get(8), r.getDouble(6), (Double) r.get(7),
                    (Double) r.get(9), (Double) r.get(10), r.getString(11));
            byIndicator.computeIfAbsent(r.getString(0), k -> new HashMap<>()).computeIfAbsent(b, k -> new ArrayList<>()).add(o);
        }
        return byIndicator;
    }
}
