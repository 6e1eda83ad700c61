package org.wcstat.core.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * Where a measure came from before the sources changed: a previous configuration's source file, or the loads
 * the warehouse recorded. A bureau that replaces a department's file learns from it which file and extract used
 * to produce a measure the catalog still names. Asked only when a measure has no source, so a history that is
 * costly to read (the warehouse's facts) costs nothing on a configuration that is whole.
 */
@FunctionalInterface
public interface MeasureHistory {
    MeasureHistory NONE = measure -> Optional.empty();

    /** What produced the measure, e.g. "conf/sources/health.yaml (extract mch_death_report)"; empty when unknown. */
    Optional<String> producer(String measure);

    /** This history, and the other one where this one knows nothing. */
    default MeasureHistory orElse(MeasureHistory other) {
        return measure -> producer(measure).or(() -> other.producer(measure));
    }

    static MeasureHistory of(Map<String, String> producers) {
        return measure -> Optional.ofNullable(producers.get(measure));
    }
}
