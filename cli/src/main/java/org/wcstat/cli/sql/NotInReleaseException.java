package org.wcstat.cli.sql;

/** A query named a table the release did not read, so it has no snapshot tagged for that yearbook. */
public final class NotInReleaseException extends ScopeException {
    public NotInReleaseException(String table, String tag, int year) {
        super(table + " has no tag " + tag + ": the " + year + " yearbook was not published from it (publication tags "
                + "every table it reads). Query it without --as-of-release, or list its tags with "
                + "SELECT * FROM " + table + ".refs");
    }
}
