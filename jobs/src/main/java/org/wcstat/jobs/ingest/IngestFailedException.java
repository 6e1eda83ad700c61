package org.wcstat.jobs.ingest;

import org.wcstat.core.WcstatException;

/** Some departments could not be loaded; the others were. The message names each and why. */
public final class IngestFailedException extends WcstatException {
    public IngestFailedException(String message) {
        super(Kind.FAILED, message);
    }
}
