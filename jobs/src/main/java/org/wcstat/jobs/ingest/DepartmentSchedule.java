package org.wcstat.jobs.ingest;

import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.ValidationRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the departments' loads side by side, a few at a time. A county's extracts are small, so a load
 * spends most of its time in the fixed costs of Spark's jobs and Iceberg's commits, waiting as often as
 * computing; two or three loads at once keep the cores busy. Commits still take turns ({@link LoadLock}).
 *
 * <p>A department whose validation rules read another department's measures (education's pupils
 * against public security's population) starts once that department's load has ended, so it checks
 * the year's own figures, whatever the order of the configuration.
 *
 * <p>The loads that can start begin longest first, so that the longest does not start last and run
 * alone while the other slots stand idle: a load's length is its extracts (each costs about the same
 * fixed Spark jobs and commit), counting the longest chain of loads that wait for it.
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
        return order(sources, after, Map.of());
    }

    /**
     * The sources, each after those it depends on, and among those that could go next the one of the greatest
     * weight first (the configuration's order between equals); null when they wait in a circle.
     */
    private static List<SourceConfig> order(List<SourceConfig> sources, Map<String, Set<String>> after, Map<String, Integer> weight) {
        List<SourceConfig> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < sources.size()) {
            SourceConfig next = null;
            for (SourceConfig s : sources) {
                if (!placed.contains(s.department()) && placed.containsAll(after.get(s.department()))
                        && (next == null || weight.getOrDefault(s.department(), 0) > weight.getOrDefault(next.department(), 0))) {
                    next = s;
                }
            }
            if (next == null) return null;
            ordered.add(next);
            placed.add(next.department());
        }
        return ordered;
    }

    /** The order the loads start in: each after those it waits for, the longest chain of extracts first. */
    List<SourceConfig> startOrder() {
        Map<String, Integer> chain = new LinkedHashMap<>();
        List<SourceConfig> dependenciesFirst = order(sources, after);
        for (int i = dependenciesFirst.size() - 1; i >= 0; i--) {
            SourceConfig s = dependenciesFirst.get(i);
            int longestWaiting = 0;
            for (SourceConfig other : sources) {
                if (after.get(other.department()).contains(s.department())) {
                    longestWaiting = Math.max(longestWaiting, chain.get(other.department()));
                }
            }
            chain.put(s.department(), s.extracts().size() + longestWaiting);
        }
        return order(sources, after, chain);
    }

    Set<String> after(String department) {
        return after.get(department);
    }

    /**
     * Runs {@code load} for every department, at most {@code parallel} at once, each after those it depends
     * on, a free slot taking the load of the longest chain among those that can start ({@link #startOrder()});
     * returns the results in the configuration's order. An exception {@code load} throws stops the loads not
     * yet begun and is thrown once the running ones have ended.
     */
    <T> List<T> run(int parallel, Function<SourceConfig, T> load) {
        Map<String, Integer> rank = new HashMap<>();
        for (SourceConfig s : startOrder()) rank.put(s.department(), rank.size());
        PriorityQueue<SourceConfig> ready = new PriorityQueue<>(Comparator.comparingInt(s -> rank.get(s.department())));
        sources.stream().filter(s -> after.get(s.department()).isEmpty()).forEach(ready::add);
        Map<String, T> results = new HashMap<>();
        Set<String> ended = new HashSet<>();
        RuntimeException[] stopped = new RuntimeException[1];
        int[] running = new int[1];
        Object lock = new Object();
        Runnable worker = () -> {
            while (true) {
                SourceConfig s;
                synchronized (lock) {
                    while (ready.isEmpty() && stopped[0] == null && ended.size() + running[0] < sources.size()) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    if (ready.isEmpty() || stopped[0] != null) return;
                    s = ready.poll();
                    running[0]++;
                }
                T result = null;
                RuntimeException failure = null;
                try {
                    result = load.apply(s);
                } catch (RuntimeException e) {
                    failure = e;
                }
                synchronized (lock) {
                    running[0]--;
                    ended.add(s.department());
                    if (failure != null && stopped[0] == null) stopped[0] = failure;
                    results.put(s.department(), result);
                    for (SourceConfig waiting : sources) {
                        if (!ended.contains(waiting.department()) && !ready.contains(waiting) && ended.containsAll(after.get(waiting.department()))
                                && after.get(waiting.department()).contains(s.department())) {
                            ready.add(waiting);
                        }
                    }
                    lock.notifyAll();
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(parallel, sources.size())); i++) {
            Thread t = new Thread(worker, "wcstat-ingest");
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the departments' loads ran", e);
            }
        }
        if (stopped[0] != null) throw stopped[0];
        return sources.stream().map(s -> results.get(s.department())).toList();
    }
}
