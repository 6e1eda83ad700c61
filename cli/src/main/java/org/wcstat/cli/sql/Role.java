package org.wcstat.cli.sql;

import java.util.Locale;
import java.util.Set;

/**
 * Who is querying. Analysts see the published and derived tables; raw.* and quarantine.* can hold
 * record-level department data, which only the bureau's own staff may read.
 */
public enum Role {
    ANALYST(Set.of("raw", "quarantine")),
    BUREAU(Set.of());

    private final Set<String> hiddenNamespaces;

    Role(Set<String> hiddenNamespaces) {
        this.hiddenNamespaces = hiddenNamespaces;
    }

    public boolean hides(String[] namespace) {
        return namespace.length > 0 && hiddenNamespaces.contains(namespace[0].toLowerCase(Locale.ROOT));
    }

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String option) {
        for (Role r : values()) {
            if (r.option().equals(option)) return r;
        }
        throw new IllegalArgumentException("no role '" + option + "'; use analyst or bureau");
    }
}
