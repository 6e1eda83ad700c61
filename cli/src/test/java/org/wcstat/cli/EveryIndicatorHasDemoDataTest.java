package org.wcstat.cli;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.Spark;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo databases exercise the catalog: after `wcstat demo` and a year's ingest and compute, every
 * indicator of the plans below has a district total with a value, and rates stay in their range.
 */
class EveryIndicatorHasDemoDataTest {
    /** The outlines whose every indicator must have demo data. */
    static final Set<String> PLANS = Set.of("women");
    static final int YEAR = 2025;

    @TempDir
    static Path home;
    static SparkSession spark;
    static Catalog catalog;
    static String district;

    @BeforeAll
    static void demoIngestAndCompute() {
        String h = home.toString();
        assertEquals(0, Wcstat.commandLine().execute("demo", "--home", h));
        assertEquals(0, Wcstat.commandLine().execute("ingest", "--year", String.valueOf(YEAR), "--home", h));
        // the yearly changes of the women's survey compare with the year before
        assertEquals(0, Wcstat.commandLine().execute("ingest", "--year", String.valueOf(YEAR - 1), "--source", "health", "--home", h));
        assertEquals(0, Wcstat.commandLine().execute("compute", "--year", String.valueOf(YEAR), "--home", h));
        Configuration config = Configuration.load(TestRepo.root().resolve("conf"));
        catalog = config.catalog();
        district = config.regions().district().code();
        spark = Spark.session(Spark.localWarehouse(home));
    }

    @Test
    void everyIndicatorOfThePlansHasADistrictTotal() {
        Map<String, Row> totals = districtTotals();
        List<String> empty = new ArrayList<>();
        int checked = 0;
        for (Catalog.Entry e : catalog.entries()) {
            if (!PLANS.contains(e.indicator().plan())) continue;
            checked++;
            Row r = totals.get(e.code());
            if (r == null || r.isNullAt(r.fieldIndex("value"))) empty.add(e.code());
        }
        assertEquals(List.of(), empty, "indicators without a " + YEAR + " district total");
        assertTrue(checked >= 70, "only " + checked + " indicators checked");
    }

    @Test
    void sharesOfAPopulationStayWithinZeroAndAHundred() {
        // a share is a part of its denominator; only ratios of two registers (the gross enrolment ratio,
        // maternity insurance over urban-unit employees, managed mothers over live births) may pass 100
        Set<String> mayPassAHundred = Set.of("W-E-05", "W-S-02", "W-H-M4");
        List<String> outside = new ArrayList<>();
        districtTotals().forEach((code, r) -> {
            Catalog.Entry e = catalog.get(code);
            if (!PLANS.contains(e.indicator().plan()) || !e.indicator().unit().equals("%") || e.formula().minus() != null
                    || mayPassAHundred.contains(code)) return;
            double v = r.getDouble(r.fieldIndex("value"));
            if (v < 0 || v > 100) outside.add(code + " = " + v);
        });
        assertEquals(List.of(), outside);
    }

    private static Map<String, Row> districtTotals() {
        Map<String, Row> m = new HashMap<>();
        spark.sql("SELECT indicator, value FROM " + Warehouse.INDICATOR_VALUES + " WHERE year = " + YEAR + " AND region = '"
                        + district + "' AND sex = '_T' AND age_band = '_T' AND residence = '_T'")
                .collectAsList().forEach(r -> m.put(r.getString(0), r));
        return m;
    }
}
