package org.wcstat.core;

/**
 * How an entry point reports what stopped it: one message and one exit code, the same from the wcstat
 * command and from the jobs' spark-submit entry point. Exit code 2 is a configuration or usage problem
 * the user can fix; 1 is any other failure.
 *
 * @param message   what to print on stderr
 * @param exitCode  what to exit with
 * @param explained whether the message says what to do; if not, a stack trace helps whoever reads it
 */
public record Failure(String message, int exitCode, boolean explained) {

    public static Failure of(Throwable e) {
        // a wcstat failure may arrive wrapped, e.g. by a thread pool or a Spark task
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WcstatException w) {
                return new Failure(w.kind().label() + ": " + w.getMessage(), w.kind().exitCode(), true);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return new Failure("error: " + e.getMessage() + (root != e ? "\n  cause: " + root : ""),
                WcstatException.Kind.FAILED.exitCode(), false);
    }
}
