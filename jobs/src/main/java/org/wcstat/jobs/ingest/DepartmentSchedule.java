package org.wcstat.jobs.ingest;

import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.ValidationRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs the departments' loads side by side, a few at a time. A county's extracts are small, so a load
 * spends most of its time in the fixed costs of Spark's jobs and Iceberg's commits, waiting as often as
 * computing; two or three loads at once keep the cores busy. Commits still take turns ({@link LoadLock}).
 *
 * <p>A department whose validation rules read another department's measures (education's pupils
 * against public security's population) starts once that department's load has ended, so it checks
 * the year's own figures, whatever the order of the configuration.
 */
final class DepartmentSchedule {
    /** Loads at once when {@code -Dwcstat.ingest.parallel} does not say: twice the cores, at most 4. */
    static int parallelism() {
        String set = System.getProperty("wcstat.ingest.parallel");
        if (set != null) {
            try {
                return Math.max(1, Integer.parseInt(set.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-Dwcstat.ingest.parallel=" + set + " is not a number; give the number of"
                        + " department loads to run at once, e.g. 2");
            }
        }
        return Math.min(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    private final List<SourceConfig> sources;
    private final Map<String, Set<String>> after;

    DepartmentSchedule(List<SourceConfig> sources, Configuration config) {
        this.sources = sources;
        this.after = dependencies(sources, config);
    }

    /** For each department, the departments (among those loaded) whose measures its rules read. */
    static Map<String, Set<String>> dependencies(List<SourceConfig> sources, Configuration config) {
        Map<String, Set<String>> read = new LinkedHashMap<>();
        for (SourceConfig s : sources) {
            Set<String> measures = new LinkedHashSet<>();
            for (ValidationRules.Rule r : config.validation(s.department()).measureRules()) {
                measures.addAll(r.measures());
            }
            Set<String> deps = new LinkedHashSet<>();
            for (SourceConfig other : sources) {
                if (other != s && Configuration.measures(List.of(other)).stream().anyMatch(measures::contains)) {
                    deps.add(other.department());
                }
            }
            read.put(s.department(), deps);
        }
        if (order(sources, read) == null) {
            // rules reading each other's measures both ways: the configuration's order decides
            List<String> order = sources.stream().map(SourceConfig::department).toList();
            read.replaceAll((d, deps) -> {
                Set<String> earlier = new LinkedHashSet<>(deps);
                earlier.removeIf(x -> order.indexOf(x) > order.indexOf(d));
                return earlier;
            });
        }
        return read;
    }

    /** The sources, each after those it depends on, otherwise in the configuration's order; null when they wait in a circle. */
    private static List<SourceConfig> order(List<SourceConfig> sources, Map<String, Set<String>> after) {
        List<SourceConfig> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < sources.size()) {
            int before = ordered.size();
            for (SourceConfig s : sources) {
                if (!placed.contains(s.department()) && placed.containsAll(after.get(s.department()))) {
                    ordered.add(s);
                    placed.add(s.department());
                }
            }
            if (ordered.size() == before) return null;
        }
        return ordered;
    }

    Set<String> after(String department) {
        return after.get(department);
    }

    /**
     * Runs {@code load} for every department, at most {@code parallel} at once, each after those it depends
     * on; returns the results in the configuration's order. An exception {@code load} throws stops the
     * loads not yet begun and is thrown once the running ones have ended.
     */
    <T> List<T> run(int parallel, Function<SourceConfig, T> load) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, sources.size())), r -> {
            Thread t = new Thread(r, "wcstat-ingest");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<RuntimeException> stopped = new AtomicReference<>();
        Map<String, CompletableFuture<T>> futures = new LinkedHashMap<>();
        try {
            for (SourceConfig s : order(sources, after)) {
                CompletableFuture<?>[] before = after.get(s.department()).stream().map(futures::get).toArray(CompletableFuture[]::new);
                futures.put(s.department(), CompletableFuture.allOf(before).handle((ok, failed) -> null)
                        .thenApplyAsync(ignored -> {
                            if (stopped.get() != null) return null;
                            try {
                                return load.apply(s);
                            } catch (RuntimeException e) {
                                stopped.compareAndSet(null, e);
                                throw e;
                            }
                        }, pool));
            }
            List<T> results = new ArrayList<>();
            for (SourceConfig s : sources) {
                try {
                    results.add(futures.get(s.department()).join());
                } catch (CompletionException e) {
                    // the first failure is the one to report; wait for the others first
                }
            }
            if (stopped.get() != null) throw stopped.get();
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
