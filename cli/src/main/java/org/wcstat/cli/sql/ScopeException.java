package org.wcstat.cli.sql;

/** A statement reached outside what the session's role or release lets it read; the message says what to do. */
public class ScopeException extends RuntimeException {
    public ScopeException(String message) {
        super(message);
    }
}
