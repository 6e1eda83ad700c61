package org.wcstat.cli.status;

import org.apache.spark.sql.Row;
import org.wcstat.jobs.Warehouse;
import org.wcstat.jobs.publish.Releases;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a release's figures are still the warehouse's: the indicator values of the years it shows, and its
 * year's assessment and warnings, compared between the snapshots its manifest names and the tables now. A
 * re-run of the yearly load writes the same figures again as new commits; only different figures make a
 * new revision worth publishing. Each side is fingerprinted by its row count and the sum of its rows' 64-bit
 * hashes, one Spark query per table for all the releases asked about.
 */
public final class ReleaseFigures implements NextSteps.ReleaseCheck {
    /** A table a release reads, and which of its rows belong to the release of year %d. */
    private record Part(String table, String rowsOfRelease) {
    }

    private static final List<Part> PARTS = List.of(
            new Part(Warehouse.INDICATOR_VALUES, "year <= %d"),
            new Part(Warehouse.ASSESSMENT, "assessed_year = %d"),
            new Part(Warehouse.WARNINGS, "assessed_year = %d"));

    private final Warehouse wh;

    public ReleaseFigures(Warehouse wh) {
        this.wh = wh;
    }

    @Override
    public Set<Integer> changed(Collection<Releases.Published> releases) {
        Set<Integer> changed = new TreeSet<>();
        if (releases.isEmpty()) return changed;
        for (Part part : PARTS) {
            if (!wh.exists(part.table())) continue;
            Map<String, List<Object>> prints = fingerprints(part, releases);
            for (Releases.Published r : releases) {
                if (!Objects.equals(prints.get(r.year() + " then"), prints.get(r.year() + " now"))) changed.add(r.year());
            }
        }
        return changed;
    }

    /** "2024 then" and "2024 now" → [rows, sum of hashes]; a side without rows has no entry. */
    private Map<String, List<Object>> fingerprints(Part part, Collection<Releases.Published> releases) {
        List<String> sides = new ArrayList<>();
        for (Releases.Published r : releases) {
            String rows = String.format(part.rowsOfRelease(), r.year());
            Long snapshot = r.snapshot(part.table());
            // a table the release found never written had no rows for it
            if (snapshot != null) {
                sides.add("SELECT '" + r.year() + " then' AS side, xxhash64(*) AS h FROM " + part.table()
                        + " VERSION AS OF " + snapshot + " WHERE " + rows);
            }
            sides.add("SELECT '" + r.year() + " now' AS side, xxhash64(*) AS h FROM " + part.table() + " WHERE " + rows);
        }
        Map<String, List<Object>> prints = new HashMap<>();
        // DECIMAL: the sum of a table's 64-bit hashes overflows a BIGINT, which Spark's ANSI mode refuses
        for (Row row : wh.spark().sql("SELECT side, count(*), sum(CAST(h AS DECIMAL(38, 0))) FROM ("
                + String.join(" UNION ALL ", sides) + ") GROUP BY side").collectAsList()) {
            prints.put(row.getString(0), List.of(row.getLong(1), row.<BigDecimal>getAs(2)));
        }
        return prints;
    }
}
