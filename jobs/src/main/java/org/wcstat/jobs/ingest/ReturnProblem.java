package org.wcstat.jobs.ingest;

/**
 * A return (报表) that cannot be read as its configuration describes: a missing file or sheet, a renamed
 * heading, a count that is not a number. The message names the file, the sheet and the cell, and what to do;
 * the load stops rather than guess, since a return is small and the department can send it again.
 */
final class ReturnProblem extends RuntimeException {
    ReturnProblem(String message) {
        super(message);
    }

    ReturnProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
