package org.wcstat.jobs.publish;

import org.wcstat.core.WcstatException;

/** A publication refused for a reason the user can act on; the message says what to do. */
public final class PublishException extends WcstatException {
    public PublishException(String message) {
        super(Kind.FAILED, message);
    }
}
