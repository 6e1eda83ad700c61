package org.wcstat.cli.demo;

import org.wcstat.core.config.SourceConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates the embedded department databases, one H2 file per department under &lt;home&gt;/departments,
 * and the returns of the departments that send files: for each source, what it reads ({@link DemoPlan}).
 */
public final class Demo {
    private Demo() {
    }

    public static Path departmentsDir(Path home) {
        return home.resolve("departments");
    }

    /** Writes every source's database or returns afresh; returns the rows written per department. */
    public static Map<String, Integer> create(Path home, List<SourceConfig> sources, Consumer<String> progress) throws Exception {
        DemoPlan plan = DemoPlan.of(sources);
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (var d : plan.databases().entrySet()) {
            progress.accept("writing department database " + d.getKey());
            try (DemoDatabase db = DemoDatabase.create(departmentsDir(home), d.getKey())) {
                for (DemoGenerators.Generator g : d.getValue()) g.writer().write(db);
                rows.put(d.getKey(), db.rows());
            }
        }
        for (var d : plan.returns().entrySet()) {
            progress.accept("writing the returns of " + d.getKey());
            rows.put(d.getKey(), d.getValue().write(home));
        }
        return rows;
    }
}
