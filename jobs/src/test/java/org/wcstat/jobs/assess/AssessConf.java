package org.wcstat.jobs.assess;

import org.wcstat.jobs.TestRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A configuration for the assessment tests: the shipped regions, dimensions, yearbook and assessment settings, a source
 * producing the measures a and b (never read: the tests write indicator values by hand), and the tests' own catalog. */
final class AssessConf {
    private AssessConf() {
    }

    static Path write(Path conf, String indicatorsYaml) throws IOException {
        Files.createDirectories(conf.resolve("sources"));
        Files.createDirectories(conf.resolve("indicators"));
        for (String f : List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml", "assessment.yaml")) {
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
                    measure: {column: M, codes: {A: a, B: b}}
                    region: {code: R}
                    value: {column: V}
                """);
        Files.writeString(conf.resolve("indicators/test.yaml"), indicatorsYaml);
        return conf;
    }
}
