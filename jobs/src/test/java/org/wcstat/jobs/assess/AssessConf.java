package org.wcstat.jobs.assess;

import org.wcstat.jobs.TestConf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A configuration for the assessment tests: the shipped regions, dimensions, yearbook and assessment settings, a source
 * producing the measures a and b (never read: the tests write indicator values by hand), and the tests' own catalog. */
final class AssessConf {
    private AssessConf() {
    }

    static Path write(Path conf, String indicatorsYaml) throws IOException {
        return TestConf.write(conf, List.of("regions.yaml", "dimensions.yaml", "yearbook.yaml", "assessment.yaml"), "A: a, B: b",
                indicatorsYaml);
    }
}
