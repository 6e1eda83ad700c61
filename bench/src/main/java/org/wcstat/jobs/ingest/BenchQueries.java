package org.wcstat.jobs.ingest;

import org.wcstat.core.config.SourceConfig;

/**
 * The SELECT ingest sends to a department for one extract and year, for the benchmark's COPY peer:
 * lives in ingest's package so the peer reads exactly the columns and rows ingest reads, not a copy
 * of the rule that could drift from it.
 */
public final class BenchQueries {
    private BenchQueries() {
    }

    public static String select(SourceConfig.Extract extract, int year) {
        return SourceQuery.sql(extract, year);
    }

    /** The WHERE condition picking one year's rows, so the generator copies exactly the rows ingest will read. */
    public static String yearFilter(SourceConfig.Extract extract, int year) {
        return SourceQuery.yearFilter(extract.year(), year);
    }
}
