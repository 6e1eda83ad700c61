package org.wcstat.core.yaml;

import java.util.List;

/**
 * A value a configuration record rejects, with the fields (names and list indexes) that lead from the
 * record to it. A record checks itself without knowing its file; whoever read the file turns the path
 * into the line and column of the value (see {@link YamlLocator}).
 */
public final class InvalidField extends IllegalArgumentException {
    private final List<Object> path;

    public InvalidField(String message, Object... path) {
        super(message);
        this.path = List.of(path);
    }

    /** The field names (String) and list indexes (Integer) from the record that threw to the value. */
    public List<Object> path() {
        return path;
    }
}
