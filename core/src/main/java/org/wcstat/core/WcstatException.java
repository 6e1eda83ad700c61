package org.wcstat.core;

/**
 * A failure whose message says what is wrong, where, and how to fix it: the wcstat command and the
 * spark-submit entry point show the message alone, without a stack trace, and exit with its kind's code
 * ({@link Failure}).
 */
public class WcstatException extends RuntimeException {

    /** What kind of failure, and so the exit code a script or scheduler sees. */
    public enum Kind {
        /** A configuration file is missing or wrong: fix it and run again. */
        CONFIGURATION(2, "configuration error"),
        /** The command line is wrong: a missing or unknown option, a bad value. */
        USAGE(2, "usage error"),
        /** A check before anything ran found what the stages would need missing: a font, a database, a writable home. */
        PREFLIGHT(2, "cannot start"),
        /** The work failed for a reason the message gives: a department unreachable, a release refused. */
        FAILED(1, "error");

        private final int exitCode;
        private final String label;

        Kind(int exitCode, String label) {
            this.exitCode = exitCode;
            this.label = label;
        }

        public int exitCode() {
            return exitCode;
        }

        /** How the message starts: "configuration error: …". */
        public String label() {
            return label;
        }
    }

    private final Kind kind;

    public WcstatException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WcstatException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
