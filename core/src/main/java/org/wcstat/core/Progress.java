package org.wcstat.core;

/** Where long work reports what it is doing; the CLI prints it, tests may collect it. */
public interface Progress {
    /** A new stage begins (ingest, compute, publish ...). */
    void stage(String name);

    /** A step inside the stage, e.g. a department's extract and its rows so far. */
    void step(String message);

    /** A problem the user should see that does not stop the work. */
    void warn(String message);

    Progress SILENT = new Progress() {
        @Override
        public void stage(String name) {
        }

        @Override
        public void step(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
