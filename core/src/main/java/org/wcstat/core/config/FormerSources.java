package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfFolder;
import org.wcstat.core.catalog.MeasureHistory;
import org.wcstat.core.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    static MeasureHistory producers(Path previous, ConfFolder current) {
        return MeasureHistory.of(byMeasure(previous, current));
    }

    private static Map<String, String> byMeasure(Path previous, ConfFolder current) {
        Map<String, String> by = new LinkedHashMap<>();
        if (previous == null || !Files.isDirectory(previous)) return by;
        List<Path> files;
        try {
            files = ConfFolder.open(previous).yamlFiles("sources");
        } catch (RuntimeException e) {
            return by; // a previous folder that no longer reads names nothing
        }
        if (sameFiles(files, current.yamlFiles("sources"))) return by;
        for (Path f : files) {
            try {
                SourceConfig s = Yaml.read(f, SourceConfig.class);
                for (SourceConfig.Extract e : s.extracts()) {
                    e.measures().forEach(m -> by.putIfAbsent(m, f + " (extract " + e.name() + ")"));
                }
            } catch (RuntimeException ignored) {
                // an old file that no longer reads names nothing
            }
        }
        return by;
    }

    private static boolean sameFiles(List<Path> a, List<Path> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) return false;
        }
        return true;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
