package org.wcstat.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.TestRepo;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.PlanGoals;
import org.wcstat.core.yaml.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A county that reads some departments only: the indicators needing another are not monitored, not errors, while a
 * department it reads under a misspelt name is still the mistake it is.
 */
class UnmonitoredIndicatorsTest {
    @TempDir
    Path tmp;

    /** As conf/README.md says: a folder extending the checkout's conf/, with the county's one department, health. */
    private Path healthOnly(String department) throws IOException {
        Path conf = Files.createDirectories(tmp.resolve("county/conf/sources"));
        Files.writeString(conf.resolveSibling("layer.yaml"), "extends: " + TestRepo.root().resolve("conf") + "\n");
        Files.writeString(conf.resolve(department + ".yaml"), Files.readString(TestRepo.demoConf().resolve("sources/health.yaml"))
                .replace("department: health", "department: " + department));
        return conf.getParent();
    }

    @Test
    void anIndicatorNeedingADepartmentNotReadIsNotMonitored() throws IOException {
        Catalog catalog = Configuration.load(healthOnly("health")).catalog();

        // C-F-08 (sex ratio at birth) needs health alone: monitored
        assertEquals("C-F-08", catalog.get("C-F-08").code());
        // C-E-02 needs education and public_security, neither read; C-H-M2a health and public_security: the one not read
        Catalog.Unmonitored e02 = catalog.unmonitored("C-E-02").orElseThrow();
        assertEquals(List.of("education", "public_security"), e02.departments());
        assertEquals(TestRepo.root().resolve("conf/indicators/children-education.yaml"), e02.file());
        assertEquals("not monitored: the configuration reads no source of department public_security",
                catalog.unmonitored("C-H-M2a").orElseThrow().why());
        assertTrue(catalog.entries().stream().noneMatch(x -> x.code().equals("C-H-M2a")));
        // every indicator is one or the other
        assertEquals(Configuration.load(TestRepo.demoConf()).catalog().entries().size(),
                catalog.entries().size() + catalog.unmonitored().size());
    }

    @Test
    void thePlanGoalsOfAnIndicatorNotMonitoredAreLeftOutSayingWhy() throws IOException {
        Path conf = healthOnly("health");
        Catalog catalog = Configuration.load(conf).catalog();

        PlanGoals.Coverage c = PlanGoals.load(conf).orElseThrow().check(catalog);

        // plan-goals.yaml measures 适龄妇女宫颈癌人群筛查率 by W-H-03a, which needs public_security's population
        assertTrue(c.problems().isEmpty(), c.problems().toString());
        assertTrue(c.omitted().stream().anyMatch(g -> g.quantity().equals("适龄妇女宫颈癌人群筛查率")
                && g.omitted().equals("indicator W-H-03a is not monitored: the configuration reads no source of department public_security")),
                c.omitted().toString());
    }

    @Test
    void aDepartmentReadUnderAMisspeltNameIsStillAnError() throws IOException {
        Path conf = healthOnly("heath");

        String m = assertThrows(ConfigException.class, () -> Configuration.load(conf)).getMessage();

        assertTrue(m.contains("names department 'health', which has no source in " + conf.resolve("sources") + " (did you mean 'heath'?)"), m);
    }
}
