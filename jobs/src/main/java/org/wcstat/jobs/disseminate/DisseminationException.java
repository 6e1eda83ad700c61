package org.wcstat.jobs.disseminate;

import org.wcstat.core.WcstatException;

/** A release that cannot be loaded into the dissemination database; the message says why and what to do. */
public final class DisseminationException extends WcstatException {
    public DisseminationException(String message) {
        super(Kind.FAILED, message);
    }

    public DisseminationException(String message, Throwable cause) {
        super(Kind.FAILED, message, cause);
    }
}
