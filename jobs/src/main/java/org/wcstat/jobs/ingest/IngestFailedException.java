package org.wcstat.jobs.ingest;

/** Some departments could not be loaded; the others were. The message names each and why. */
public final class IngestFailedException extends RuntimeException {
    public IngestFailedException(String message) {
        super(message);
    }
}
