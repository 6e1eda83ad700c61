package org.wcstat.jobs.ingest;

import org.wcstat.core.Progress;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a job reports, for tests to inspect. */
final class CollectingProgress implements Progress {
    private final List<String> all = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Override
    public synchronized void stage(String name) {
        all.add("stage: " + name);
    }

    @Override
    public synchronized void step(String message) {
        all.add("step: " + message);
    }

    @Override
    public synchronized void warn(String message) {
        all.add("warn: " + message);
        warnings.add(message);
    }

    synchronized List<String> all() {
        return List.copyOf(all);
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }
}
