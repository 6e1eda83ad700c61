package org.wcstat.jobs.publish;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.jobs.compute.RatioValue;
import org.wcstat.core.dimension.CellKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cities' (or counties') own values, which a yearbook split into volumes shows in its summary, worked out from
 * their towns' values as compute works out the district's from its facts: a formula's numerator and denominator are
 * sums of facts, so a city's are the sums of its towns' (the towns of a city hold all of its facts that have a town),
 * and its value is numerator / denominator × factor, or the numerator of a count, with compute's interval and flags
 * (quarantine's count is of the whole area's data, so a city's row does not carry it).
 * A gap (a formula less a second ratio) is not a ratio of its stored numerator and denominator, so it has no city
 * rows; nor has an indicator not published by town.
 */
final class AreaValues {
    // a pooled window is the indicator's, the same in every town; quarantine's count is the whole area's, so not a city's
    private static final String[] COPIED_FLAGS = {"pooled"};

    private AreaValues() {
    }

    /**
     * @param rows       indicators.value rows
     * @param areaOfTown each town's city (or county), by town code
     * @return a row per city and indicator, year and pooled years that its towns have, in the rows' schema
     */
    static List<Row> of(List<Row> rows, Catalog catalog, Map<String, String> areaOfTown) {
        if (rows.isEmpty()) return List.of();
        StructType schema = rows.get(0).schema();
        Map<String, Catalog.Entry> entries = new LinkedHashMap<>();
        catalog.entries().forEach(e -> entries.put(e.code(), e));
        Map<Key, Sum> sums = new LinkedHashMap<>();
        for (Row r : rows) {
            String area = areaOfTown.get(r.<String>getAs("region"));
            CellKey cell = new CellKey(r.getAs("region"), r.getAs("sex"), r.getAs("age_band"), r.getAs("residence"));
            Catalog.Entry e = entries.get(r.<String>getAs("indicator"));
            if (area == null || e == null || e.formula().minus() != null || !cell.equals(CellKey.total(cell.region()))) continue;
            Sum s = sums.computeIfAbsent(new Key(r.getAs("indicator"), r.getAs("year"), r.getAs("pooled_years"), area), k -> new Sum(e));
            s.add(r.getAs("numerator"), r.getAs("denominator"), r.getAs("flags"));
        }
        List<Row> out = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> out.add(s.row(k, schema)));
        return out;
    }

    private record Key(String indicator, int year, int pooledYears, String area) {
    }

    private static final class Sum {
        private final Catalog.Entry entry;
        private double numerator;
        private Double denominator;
        private final List<String> flags = new ArrayList<>();

        Sum(Catalog.Entry entry) {
            this.entry = entry;
        }

        void add(double n, Double d, String townFlags) {
            numerator += n;
            if (d != null) denominator = (denominator == null ? 0 : denominator) + d;
            for (String f : townFlags.split(",")) {
                for (String copied : COPIED_FLAGS) if (f.startsWith(copied) && !flags.contains(f)) flags.add(f);
            }
        }

        Row row(Key k, StructType schema) {
            List<String> f = new ArrayList<>(flags);
            // a city's sums make its value as a district's make the district's
            RatioValue ratio = RatioValue.of(entry.indicator(), numerator, entry.formula().denominator() == null ? null
                    : Objects.requireNonNullElse(denominator, 0.0));
            ratio.flagInto(f);
            Object[] values = new Object[schema.size()];
            Map<String, Object> byName = new LinkedHashMap<>();
            byName.put("indicator", k.indicator());
            byName.put("year", k.year());
            byName.put("region", k.area());
            byName.put("sex", CellKey.total(k.area()).sex());
            byName.put("age_band", CellKey.total(k.area()).ageBand());
            byName.put("residence", CellKey.total(k.area()).residence());
            byName.put("pooled_years", k.pooledYears());
            byName.put("numerator", numerator);
            byName.put("denominator", entry.formula().denominator() == null ? null : denominator);
            byName.put("value", ratio.value());
            byName.put("ci_low", ratio.low());
            byName.put("ci_high", ratio.high());
            byName.put("flags", String.join(",", f));
            for (int i = 0; i < values.length; i++) values[i] = byName.get(schema.fields()[i].name());
            return new GenericRowWithSchema(values, schema);
        }
    }
}
