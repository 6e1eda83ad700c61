package org.wcstat.jobs.publish;

/** A publication refused for a reason the user can act on; the message says what to do. */
public final class PublishException extends RuntimeException {
    public PublishException(String message) {
        super(message);
    }
}
