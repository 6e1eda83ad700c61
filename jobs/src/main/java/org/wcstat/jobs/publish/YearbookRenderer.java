package org.wcstat.jobs.publish;

import java.io.IOException;
import java.nio.file.Path;

/** One rendering of the yearbook's tables as one file of the release: the workbook, the printable yearbook, the web report. */
interface YearbookRenderer {
    /** The file's name in the release, e.g. yearbook.xlsx. */
    String fileName();

    void write(Path file, YearbookTables tables) throws IOException;
}
