package org.wcstat.jobs.publish;

import org.wcstat.core.config.Configuration;

/** What publishing needs besides the warehouse: the PDF's fonts and the web report's templates. */
public final class PublishResources {
    private PublishResources() {
    }

    /** Throws, saying what to change, when publish would fail for want of a font or template. */
    public static void check(Configuration config) {
        PdfFonts.of(config).check();
        WebReport.checkTemplates();
    }
}
