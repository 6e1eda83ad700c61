package org.wcstat.cli.status;

import java.time.Instant;

/**
 * A department's last load of a year, its extracts summed (meta.load).
 *
 * @param message why it failed; null when it did not
 */
public record DepartmentLoad(int year, String source, String loadId, boolean failed, long rowsRead, long rowsQuarantined,
                             Instant startedAt, String message) {

    /** Two extracts of one load as one: failed if either did, the rows summed, started when the first did. */
    DepartmentLoad plus(DepartmentLoad other) {
        return new DepartmentLoad(year, source, loadId, failed || other.failed, rowsRead + other.rowsRead,
                rowsQuarantined + other.rowsQuarantined, startedAt.isBefore(other.startedAt) ? startedAt : other.startedAt,
                message != null ? message : other.message);
    }

    /** Whether this load started after the other, the later load id first when both started at once. */
    boolean isAfter(DepartmentLoad other) {
        int c = startedAt.compareTo(other.startedAt);
        return c != 0 ? c > 0 : loadId.compareTo(other.loadId) > 0;
    }
}
