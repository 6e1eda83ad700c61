package org.wcstat.cli.sql;

/** A query named a table the session's role may not read. */
public final class HiddenTableException extends ScopeException {
    public HiddenTableException(String name) {
        super(name + " is not visible to analysts: raw.* and quarantine.* can hold record-level department data. "
                + "The statistics bureau's staff read them with wcstat sql --role bureau.");
    }
}
