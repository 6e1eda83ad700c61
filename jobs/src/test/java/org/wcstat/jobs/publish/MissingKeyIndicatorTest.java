package org.wcstat.jobs.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.TestRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A key indicator the yearbook cannot chart says why: a department the county does not read, or a code the catalog lacks. */
class MissingKeyIndicatorTest {
    @TempDir
    Path tmp;

    @Test
    void aKeyIndicatorNotMonitoredNamesTheDepartmentsItNeedsAndOneNotInTheCatalogAsksForACorrection() throws IOException {
        // a county reading health alone, its folder extending the checkout's conf/ (conf/README.md)
        Path conf = Files.createDirectories(tmp.resolve("conf/sources")).getParent();
        Files.writeString(conf.resolve("layer.yaml"), "extends: " + TestRepo.root().resolve("conf") + "\n");
        Files.copy(TestRepo.demoConf().resolve("sources/health.yaml"), conf.resolve("sources/health.yaml"));
        Catalog catalog = Configuration.load(conf).catalog();

        // C-E-02 (学前教育毛入园率) counts pupils of education over children of public_security
        assertEquals("conf/yearbook.yaml: key indicator C-E-02 is not monitored: the configuration reads no source of departments"
                + " education, public_security, so the yearbook charts it not", PublishJob.missingKeyIndicator(catalog, "C-E-02"));
        assertEquals("conf/yearbook.yaml: key indicator X-99 is not in the catalog, so the yearbook charts it not; correct"
                + " key_indicators", PublishJob.missingKeyIndicator(catalog, "X-99"));
    }
}
