package org.wcstat.jobs.validate;

import org.wcstat.core.config.ValidationRules;

/**
 * One breach of a rule, as the department reads it in its report: where (extract and the row's key,
 * or the group a measure rule was checked in), which rule, and what is wrong.
 */
public record Finding(String extract, String rowKey, String rule, String kind, String importance, String action,
                      String reason) {

    public static Finding of(ValidationRules.Rule r, String extract, String rowKey, String reason) {
        return new Finding(extract, rowKey, r.id(), r.kind(), r.importance(), r.action(), reason);
    }

    /** A row that cannot be mapped to the warehouse's dimensions: always quarantined. */
    public static Finding mapping(String extract, String rowKey, String reason) {
        return new Finding(extract, rowKey, RowChecks.MAPPING, "structural", "high", "quarantine", reason);
    }

    /** A row kept although mapping could not read part of it (an age counted as unknown): reported, not quarantined. */
    public static Finding mappingNote(String extract, String rowKey, String reason) {
        return new Finding(extract, rowKey, RowChecks.MAPPING, "structural", "medium", "warn", reason);
    }

    /** Something about the extract as a whole (no rows, a missing table): not tied to one rule. */
    public static Finding extract(String extract, String action, String reason) {
        return new Finding(extract, "", "extract", "structural", "high", action, reason);
    }
}
