package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.wcstat.core.config.SourceConfig;

import java.util.List;

/**
 * Where a department's rows come from: its database ({@link SourceReader}) or its returns as files
 * ({@link ReturnReader}). Both give the same rows, so mapping, rules, quarantine and the commit are shared.
 */
interface ExtractReader {
    /**
     * @param years ascending; for several, the rows carry {@link SourceQuery#YEAR}
     * @param checked further columns validation rules read
     */
    Dataset<Row> read(SourceConfig.Extract extract, List<Integer> years, List<String> checked);

    /** The source as progress and messages name it, without credentials. */
    String where();

    /** What meta.load records of where an extract's rows of a year came from; null when nothing more than the source. */
    String origin(SourceConfig.Extract extract, int year);
}
