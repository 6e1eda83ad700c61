package org.wcstat.cli.status;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.jobs.Warehouse;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the warehouse holds, year by year, as status reads it: each department's last load (meta.load), and
 * when the facts, the indicator values and the assessment of each year were last written — the commit
 * times of their partitions, which Iceberg keeps in each table's partitions metadata table.
 *
 * @param loaded   year → when its facts were last committed
 * @param computed year → when its indicator values were last committed
 * @param assessed assessed year → when its assessment was last committed
 * @param warnings the warnings of the latest year assessed, by severity
 * @param zone     the time zone the warehouse's times are shown in, as wcstat sql shows them
 */
public record WarehouseState(List<DepartmentLoad> lastLoads, SortedMap<Integer, Instant> loaded,
                             SortedMap<Integer, Instant> computed, SortedMap<Integer, Instant> assessed,
                             SortedMap<String, Long> warnings, ZoneId zone) {

    public static WarehouseState read(Warehouse wh) {
        SparkSession spark = wh.spark();
        SortedMap<Integer, Instant> assessed = committed(wh, Warehouse.ASSESSMENT, "assessed_year");
        SortedMap<String, Long> warnings = new TreeMap<>();
        if (!assessed.isEmpty() && wh.exists(Warehouse.WARNINGS)) {
            for (Row r : spark.sql("SELECT severity, count(*) FROM " + Warehouse.WARNINGS + " WHERE assessed_year = "
                    + assessed.lastKey() + " GROUP BY severity").collectAsList()) {
                warnings.put(r.getString(0), r.getLong(1));
            }
        }
        return new WarehouseState(lastLoads(wh), committed(wh, Warehouse.FACTS, "year"),
                committed(wh, Warehouse.INDICATOR_VALUES, "year"), assessed, warnings,
                ZoneId.of(spark.conf().get("spark.sql.session.timeZone")));
    }

    /** The latest year assessed, whose warnings {@link #warnings()} counts. */
    public OptionalInt latestAssessed() {
        return assessed.isEmpty() ? OptionalInt.empty() : OptionalInt.of(assessed.lastKey());
    }

    /**
     * Each department's last load of each year: the load that started last, its extracts' rows summed. The
     * table holds a row per extract and load, thousands after years of runs: summed here rather than by a
     * Spark aggregation, whose shuffles would cost more than the rows.
     */
    private static List<DepartmentLoad> lastLoads(Warehouse wh) {
        if (!wh.exists(Warehouse.LOADS)) return List.of();
        Map<String, DepartmentLoad> byLoad = new HashMap<>();
        for (Row r : wh.spark().sql("SELECT year, source, load_id, status = 'failed', rows_read, rows_quarantined, started_at, message FROM "
                + Warehouse.LOADS).collectAsList()) {
            DepartmentLoad extract = new DepartmentLoad(r.getInt(0), r.getString(1), r.getString(2), r.getBoolean(3), r.getLong(4),
                    r.getLong(5), r.<Timestamp>getAs(6).toInstant(), r.isNullAt(7) ? null : r.getString(7));
            byLoad.merge(extract.year() + "/" + extract.source() + "/" + extract.loadId(), extract, DepartmentLoad::plus);
        }
        Map<String, DepartmentLoad> last = new TreeMap<>();
        for (DepartmentLoad load : byLoad.values()) {
            last.merge(load.year() + "/" + load.source(), load, (a, b) -> a.isAfter(b) ? a : b);
        }
        return List.copyOf(last.values());
    }

    /** When each value of a table's year partition was last committed; empty for a table missing or never written. */
    private static SortedMap<Integer, Instant> committed(Warehouse wh, String table, String yearColumn) {
        SortedMap<Integer, Instant> at = new TreeMap<>();
        if (!wh.exists(table)) return at;
        for (Row r : wh.spark().sql("SELECT partition." + yearColumn + ", max(last_updated_at) FROM " + table + ".partitions"
                + " WHERE record_count > 0 GROUP BY 1").collectAsList()) {
            // a partition whose last snapshot has expired has no time; it was written long ago
            at.put(r.getInt(0), r.isNullAt(1) ? Instant.EPOCH : r.<Timestamp>getAs(1).toInstant());
        }
        return at;
    }
}
