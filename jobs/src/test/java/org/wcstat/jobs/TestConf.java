package org.wcstat.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A configuration for the job tests that write their facts or values by hand: copies of the shipped files they
 * keep, one health source whose report maps the measure codes they name (never read), and their own catalog.
 */
public final class TestConf {
    private TestConf() {
    }

    /**
     * @param shipped      files of the checkout's conf/ to copy, e.g. regions.yaml
     * @param measureCodes the report's measure codes as YAML, e.g. "B: live_births, D: deaths"
     */
    public static Path write(Path conf, List<String> shipped, String measureCodes, String indicatorsYaml) throws IOException {
        Files.createDirectories(conf.resolve("sources"));
        Files.createDirectories(conf.resolve("indicators"));
        for (String f : shipped) {
            Files.copy(TestRepo.root().resolve("conf").resolve(f), conf.resolve(f));
        }
        Files.writeString(conf.resolve("sources/health.yaml"), """
                department: health
                name_zh: 卫健局
                name_en: Health
                jdbc: {url: "jdbc:h2:mem:unused", driver: org.h2.Driver}
                extracts:
                  - name: report
                    table: T
                    year: {column: Y}
                    measure: {column: M, codes: {%s}}
                    region: {code: R}
                    value: {column: V}
                """.formatted(measureCodes));
        Files.writeString(conf.resolve("indicators/test.yaml"), indicatorsYaml);
        return conf;
    }
}
