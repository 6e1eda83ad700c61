package org.wcstat.core.config;

import org.wcstat.core.catalog.MeasureHistory;
import org.wcstat.core.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The measures a previous configuration's sources produced, and the file and extract that produced each. A
 * bureau that replaces a department's file (its health commission keeps other registers) learns from it which
 * file used to produce a measure the catalog still needs. Read leniently: a previous file that no longer reads
 * has nothing to say, and is no error of the configuration being loaded.
 */
final class FormerSources {
    private FormerSources() {
    }

    /** By measure, "conf/sources/health.yaml (extract mch_death_report)"; empty without a previous configuration. */
    static MeasureHistory producers(Path previous, Path current) {
        return MeasureHistory.of(byMeasure(previous, current));
    }

    private static Map<String, String> byMeasure(Path previous, Path current) {
        Map<String, String> by = new LinkedHashMap<>();
        if (previous == null || !Files.isDirectory(previous.resolve("sources")) || same(previous, current)) return by;
        try (Stream<Path> files = Files.list(previous.resolve("sources"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    SourceConfig s = Yaml.read(f, SourceConfig.class);
                    for (SourceConfig.Extract e : s.extracts()) {
                        e.measures().forEach(m -> by.putIfAbsent(m, f + " (extract " + e.name() + ")"));
                    }
                } catch (RuntimeException ignored) {
                    // an old file that no longer reads names nothing
                }
            }
        } catch (IOException e) {
            return by;
        }
        return by;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
