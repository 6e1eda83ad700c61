package org.wcstat.jobs.maintain;

import java.util.List;

/** What maintenance did to every table, and the warehouse's size on disk before and after. */
public record MaintenanceReport(List<TableReport> tables, long warehouseBytesBefore, long warehouseBytesAfter) {

    /** One line per table: snapshots, data files, bytes and files on disk before and after, and what was done. */
    public List<String> lines() {
        return tables.stream().map(TableReport::line).toList();
    }

    public String summary() {
        return String.format("%d tables: snapshots %d → %d, data files %d → %d; the warehouse %s → %s on disk",
                tables.size(), sum(true, TableState::snapshots), sum(false, TableState::snapshots),
                sum(true, TableState::dataFiles), sum(false, TableState::dataFiles),
                TableReport.bytes(warehouseBytesBefore), TableReport.bytes(warehouseBytesAfter));
    }

    private long sum(boolean before, java.util.function.ToLongFunction<TableState> what) {
        return tables.stream().mapToLong(t -> what.applyAsLong(before ? t.before() : t.after())).sum();
    }
}
