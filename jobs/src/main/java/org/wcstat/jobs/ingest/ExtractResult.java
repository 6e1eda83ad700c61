package org.wcstat.jobs.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.sql.Timestamp;

/**
 * What loading one extract for one year did: the counts and snapshots of its meta.load record. A load of
 * several years reads an extract once and has one result per year, each as a load of that year alone has.
 */
record ExtractResult(String extract, int year, String loadId, long rowsRead, long rowsWritten, long rowsQuarantined, long factRows,
                     Long rawSnapshot, Timestamp startedAt, long durationMs, String origin) {

    ExtractResult withRawSnapshot(Long snapshot) {
        return new ExtractResult(extract, year, loadId, rowsRead, rowsWritten, rowsQuarantined, factRows, snapshot, startedAt,
                durationMs, origin);
    }

    /** The extract's meta.load row, in the column order of schemas/warehouse/meta.load.sql. */
    Row loadRow(String department, Long factsSnapshot) {
        return RowFactory.create(loadId, department, extract, year, startedAt, durationMs, rowsRead, rowsWritten, rowsQuarantined,
                factRows, rawSnapshot, factsSnapshot, "ok", null, origin);
    }
}
