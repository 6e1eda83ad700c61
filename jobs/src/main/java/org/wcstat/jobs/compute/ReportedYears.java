package org.wcstat.jobs.compute;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.jobs.Warehouse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which years each measure is reported for, and what quarantine took from them. A measure is reported for a
 * year when it has facts then, or when an extract that produces it loaded the year (meta.load, status ok): a
 * register of events (maternal deaths, bullying incidents) with no row for a year it loaded had no event,
 * and its measures are zero that year, not missing. A year no producing extract loaded stays missing.
 */
final class ReportedYears {
    /** One extract of one source. */
    record Extract(String source, String name) {
    }

    /** An extract's load of a year. */
    private record Load(Extract extract, int year) {
    }

    private final Map<String, Set<Integer>> reported;
    private final Map<String, List<Extract>> producers;
    private final Map<Load, Long> quarantined;

    private ReportedYears(Map<String, Set<Integer>> reported, Map<String, List<Extract>> producers, Map<Load, Long> quarantined) {
        this.reported = reported;
        this.producers = producers;
        this.quarantined = quarantined;
    }

    /**
     * @param sources the configured sources, whose extracts say which measures each produces
     * @param years   the years the computation reads
     * @param inFacts the years each measure has facts in
     */
    static ReportedYears read(SparkSession spark, List<SourceConfig> sources, Set<Integer> years, Map<String, Set<Integer>> inFacts) {
        Map<String, List<Extract>> producers = new HashMap<>();
        for (SourceConfig s : sources) {
            for (SourceConfig.Extract x : s.extracts()) {
                for (String m : x.measures()) producers.computeIfAbsent(m, k -> new ArrayList<>()).add(new Extract(s.department(), x.name()));
            }
        }
        String in = years.stream().map(String::valueOf).collect(Collectors.joining(", "));
        Map<String, Set<Integer>> reported = new HashMap<>();
        inFacts.forEach((m, ys) -> reported.put(m, new HashSet<>(ys)));
        if (!years.isEmpty()) {
            Set<Load> loaded = new HashSet<>();
            for (Row r : spark.sql("SELECT DISTINCT source, extract, year FROM " + Warehouse.LOADS
                    + " WHERE status = 'ok' AND year IN (" + in + ")").collectAsList()) {
                loaded.add(new Load(new Extract(r.getString(0), r.getString(1)), r.getInt(2)));
            }
            producers.forEach((m, extracts) -> {
                for (int y : years) {
                    if (extracts.stream().anyMatch(x -> loaded.contains(new Load(x, y)))) reported.computeIfAbsent(m, k -> new HashSet<>()).add(y);
                }
            });
        }
        Map<Load, Long> quarantined = new LinkedHashMap<>();
        if (!years.isEmpty()) {
            for (Row r : spark.sql("SELECT source, extract, year, count(*) FROM " + Warehouse.QUARANTINE
                    + " WHERE year IN (" + in + ") GROUP BY source, extract, year").collectAsList()) {
                quarantined.put(new Load(new Extract(r.getString(0), r.getString(1)), r.getInt(2)), r.getLong(3));
            }
        }
        return new ReportedYears(reported, producers, quarantined);
    }

    /** Whether the measure is reported for the year: it has facts, or an extract producing it loaded the year. */
    boolean reported(String measure, int year) {
        return reported.getOrDefault(measure, Set.of()).contains(year);
    }

    /**
     * The rows quarantine took from the years a value reads of its measures: every quarantined row of those
     * years of an extract producing one of them (a rejected row's measure is not always known: its code may
     * be the fault). Each extract's year counts once, however many of the value's measures it produces.
     *
     * @param measureYears the value's measures, each with the years it reads of it
     */
    long quarantined(Map<String, ? extends Collection<Integer>> measureYears) {
        Set<Load> loads = new LinkedHashSet<>();
        measureYears.forEach((m, ys) -> {
            for (Extract x : producers.getOrDefault(m, List.of())) {
                for (int y : ys) loads.add(new Load(x, y));
            }
        });
        return loads.stream().mapToLong(l -> quarantined.getOrDefault(l, 0L)).sum();
    }
}
