package org.wcstat.cli.demo;

import org.wcstat.core.config.SourceConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tables a database source reads: what the demo must write for it, and what the benchmark copies. */
public final class SourceTables {
    private static final Pattern FROM = Pattern.compile("\\b(?:FROM|JOIN)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    private SourceTables() {
    }

    /**
     * The department's tables its extracts read (named by {@code table:}, or in the FROM or JOIN of a
     * {@code query:}), upper-cased as H2 and the demo name them, each with the extracts reading it, in the
     * order the extracts first read them.
     */
    public static Map<String, List<SourceConfig.Extract>> read(SourceConfig source) {
        Map<String, List<SourceConfig.Extract>> tables = new LinkedHashMap<>();
        for (SourceConfig.Extract e : source.extracts()) {
            Set<String> read = new LinkedHashSet<>();
            if (e.table() != null) read.add(e.table().toUpperCase(Locale.ROOT));
            else if (e.query() != null) for (Matcher m = FROM.matcher(e.query()); m.find(); ) read.add(m.group(1).toUpperCase(Locale.ROOT));
            read.forEach(t -> tables.computeIfAbsent(t, k -> new ArrayList<>()).add(e));
        }
        return tables;
    }
}
