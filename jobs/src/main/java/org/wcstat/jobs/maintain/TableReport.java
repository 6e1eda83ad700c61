package org.wcstat.jobs.maintain;

import org.apache.hadoop.util.StringUtils;

import java.util.List;

/** One table before and after maintenance, and what was done to it. */
record TableReport(String table, TableState before, TableState after, List<String> done) {

    String line() {
        return String.format("%s: snapshots %d → %d, data files %d → %d, %s → %s on disk (%d → %d files)%s",
                table, before.snapshots(), after.snapshots(), before.dataFiles(), after.dataFiles(),
                bytes(before.bytesOnDisk()), bytes(after.bytesOnDisk()), before.filesOnDisk(), after.filesOnDisk(),
                done.isEmpty() ? "" : "; " + String.join(", ", done));
    }

    static String bytes(long n) {
        return StringUtils.byteDesc(n);
    }
}
