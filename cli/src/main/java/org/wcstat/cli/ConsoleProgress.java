package org.wcstat.cli;

import org.wcstat.core.Progress;

import java.io.PrintStream;

/** Prints what long work is doing, with the time since start, so a user sees it moving. */
final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final PrintStream err;
    private final long start = System.nanoTime();

    ConsoleProgress(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void stage(String name) {
        out.printf("[%6.1fs] == %s%n", elapsed(), name);
    }

    @Override
    public void step(String message) {
        out.printf("[%6.1fs]    %s%n", elapsed(), message);
    }

    @Override
    public void warn(String message) {
        err.printf("[%6.1fs]    warning: %s%n", elapsed(), message);
    }

    double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
