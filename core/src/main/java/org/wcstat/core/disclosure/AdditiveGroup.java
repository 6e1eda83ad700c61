package org.wcstat.core.disclosure;

import java.util.List;

/**
 * Cells a reader can add up: the parts sum to the total (towns to the district, girls and boys to all
 * children, urban and rural to both). Whoever knows all but one of them knows the last.
 */
public record AdditiveGroup<K>(K total, List<K> parts) {
    public AdditiveGroup {
        parts = List.copyOf(parts);
    }
}
