package org.wcstat.core;

/** Where long work reports what it is doing; the CLI prints it, tests may collect it. */
public interface Progress {
    /** A new stage begins (ingest, compute, publish ...); by default not told. */
    default void stage(String name) {
    }

    /** A step inside the stage, e.g. a department's extract and its rows so far; by default not told. */
    default void step(String message) {
    }

    /** A problem the user should see that does not stop the work; by default not told. */
    default void warn(String message) {
    }

    /** Tells nothing: for work nobody watches (a benchmark's, a test's). */
    Progress SILENT = new Progress() {
    };
}
