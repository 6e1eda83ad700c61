package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.TestRepo;
import org.wcstat.core.catalog.Catalog;
import org.wcstat.core.catalog.Formula;
import org.wcstat.core.catalog.Target;
import org.wcstat.core.disclosure.SmallCounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo district's configuration (demo/conf over conf/) loads and holds the outlines' key indicators. */
class ConfigurationTest {

    private static Path conf;
    private static Configuration config;

    @BeforeAll
    static void load() {
        conf = TestRepo.demoConf();
        config = Configuration.load(conf);
    }

    @Test
    void theShippedConfigurationLoads() {
        assertEquals(conf, config.dir());
        assertEquals("510811", config.regions().district().code());
        // regions.yaml lists the 12 towns 510811100 .. 510811111
        assertEquals(12, config.regions().towns().size());
        assertEquals("昭化镇", config.regions().town("510811108").orElseThrow().nameZh());
        assertEquals("65+", config.ageBands().bandOf(65));
        assertEquals("15-17", config.ageBands().bandOf(17));
    }

    @Test
    void everyDepartmentHasItsSource() {
        List<String> departments = config.sources().stream().map(SourceConfig::department).toList();
        assertTrue(departments.containsAll(List.of("civil_affairs", "education", "health", "public_security")), departments.toString());
        assertEquals("health", config.source("health").department());
    }

    @Test
    void anUnknownSourceIsNamed() {
        String m = assertThrows(ConfigException.class, () -> config.source("tax")).getMessage();
        assertTrue(m.startsWith("no source 'tax' in " + conf.resolve("sources") + "; the sources are ["), m);
    }

    @Test
    void theSourcesProduceTheMeasuresTheFormulasUse() {
        Set<String> measures = Configuration.measures(config.sources());
        // written out from conf/sources/*.yaml
        assertTrue(measures.containsAll(Set.of(
                "vc_directors", "vc_members_other",
                "preschool_pupils", "high_school_students",
                "live_births", "maternal_deaths", "neonatal_deaths", "infant_deaths", "under5_deaths",
                "population")), measures.toString());
        for (Catalog.Entry e : config.catalog().entries()) {
            for (Formula.Term t : e.formula().terms()) {
                assertTrue(measures.contains(t.measure()), e.code() + " uses " + t.measure());
            }
        }
    }

    private static void assertTarget(String code, String plan, String comparator, double value, Double tolerance) {
        Catalog.Entry e = config.catalog().get(code);
        assertEquals(plan, e.indicator().plan(), code);
        Target t = e.target();
        assertEquals(comparator, t.comparator(), code);
        assertEquals(value, t.value(), code);
        assertEquals(tolerance, t.tolerance(), code);
        assertEquals(Target.DEFAULT_YEAR, t.year(), code);
    }

    @Test
    void theOutlinesKeyIndicatorsAndTheirTargets() {
        assertTarget("W-H-02", "women", "<=", 12, null);
        assertTarget("C-H-03b", "children", "<=", 5.0, null);
        assertTarget("C-F-08", "children", "≈", 105, 2.0);
        assertTarget("W-D-07", "women", ">=", 30, null);
        assertTarget("C-E-04", "children", ">=", 98, null);
        assertEquals("<= 12", config.catalog().get("W-H-02").target().toString());
        assertEquals("≈ 105 ± 2", config.catalog().get("C-F-08").target().toString());
    }

    @Test
    void theKeyIndicatorsFormulas() {
        Catalog.Entry mmr = config.catalog().get("W-H-02");
        assertEquals("maternal_deaths", mmr.formula().numerator().toString());
        assertEquals("live_births", mmr.formula().denominator().toString());
        assertEquals(100000.0, mmr.formula().factor());

        Catalog.Entry srb = config.catalog().get("C-F-08");
        assertEquals("live_births{sex=M}", srb.formula().numerator().toString());
        assertEquals("live_births{sex=F}", srb.formula().denominator().toString());
        assertEquals(Set.of("sex"), srb.formula().fixedDimensions());

        Catalog.Entry women = config.catalog().get("W-D-07");
        assertEquals("vc_directors + vc_members_other", women.formula().denominator().toString());
        assertEquals(List.of("town"), women.indicator().disaggregations());

        Catalog.Entry ger = config.catalog().get("C-E-04");
        assertEquals("population{age=15-17}", ger.formula().denominator().toString());
        assertEquals(Set.of("age"), ger.formula().fixedDimensions());
    }

    @Test
    void everyIndicatorHasAChapter() {
        for (Catalog.Entry e : config.catalog().entries()) {
            assertTrue(config.yearbook().chapter(e.indicator().plan(), e.indicator().area()).isPresent(), e.code());
        }
    }

    @Test
    void theYearbookLayout() {
        YearbookLayout y = config.yearbook();
        assertEquals(2020, y.firstYear());
        assertEquals(SmallCounts.DEFAULT, y.disclosure().rule());
        assertEquals("儿童与家庭", y.chapter("children", "family").orElseThrow().nameZh());
        assertTrue(y.chapter("children", "decision").isEmpty());
        assertTrue(y.english());
        assertEquals(List.of("C-H-03b", "W-H-02", "C-E-02", "W-D-04"), y.keyIndicators());
        assertTrue(y.pdfFontFile().isEmpty());
    }

    @Test
    void aMissingFolder(@TempDir Path tmp) {
        Path none = tmp.resolve("conf");
        assertEquals(none + ": configuration folder not found; pass --conf DIR or run from the repository",
                assertThrows(ConfigException.class, () -> Configuration.load(none)).getMessage());
    }

    private static Path copyConf(Path to) throws IOException {
        return TestRepo.copyOfConf(to);
    }

    @Test
    void aDepartmentMustMatchItsFileName(@TempDir Path tmp) throws IOException {
        Path copy = copyConf(tmp.resolve("conf"));
        Path health = copy.resolve("sources/health.yaml");
        String yaml = Files.readString(health);
        Files.writeString(health, yaml.replace("department: health", "department: health2"));
        // the value of "department:" (12 characters and a space) on its line
        int line = (int) yaml.lines().takeWhile(l -> !l.startsWith("department: health")).count() + 1;
        assertEquals(health + ":" + line + ":13: department 'health2' must match the file name 'health'",
                assertThrows(ConfigException.class, () -> Configuration.load(copy)).getMessage());
    }

    @Test
    void anAreaWithoutAChapter(@TempDir Path tmp) throws IOException {
        Path copy = copyConf(tmp.resolve("conf"));
        Path file = copy.resolve("indicators/women-health.yaml");
        String yaml = Files.readString(file);
        Files.writeString(file, yaml.replace("area: health", "area: sport"));
        String m = assertThrows(ConfigException.class, () -> Configuration.load(copy)).getMessage();
        // W-H-02, the file's first indicator, is reported at its area's value
        List<String> lines = yaml.lines().toList();
        int line = lines.indexOf("    area: health") + 1;
        assertEquals(file + ":" + line + ":11: indicator W-H-02 is in area 'sport', which is no chapter of the women plan in "
                + copy.resolve("yearbook.yaml") + "; its areas are [health, education, economy, decision, social_security, family,"
                + " environment, law]", m);
    }

    @Test
    void aDisclosureThresholdUnderOneIsRefusedWithItsLine(@TempDir Path tmp) throws IOException {
        Path copy = copyConf(tmp.resolve("conf"));
        Path file = copy.resolve("yearbook.yaml");
        String yaml = Files.readString(file);
        Files.writeString(file, yaml.replace("threshold: 3", "threshold: 0"));
        // the line of "threshold:" in the shipped file
        int line = (int) yaml.lines().takeWhile(l -> !l.contains("threshold: 3")).count() + 1;
        String m = assertThrows(ConfigException.class, () -> Configuration.load(copy)).getMessage();
        assertTrue(m.startsWith(file + ":" + line + ":"), m);
        assertTrue(m.contains("the disclosure threshold is 0; it is the smallest count published, so at least 1"), m);
    }

    @Test
    void expandReplacesHome() {
        assertEquals("jdbc:h2:file:" + Path.of("/srv/wcstat").toAbsolutePath() + "/departments/health;ACCESS_MODE_DATA=r",
                Configuration.expand("jdbc:h2:file:${home}/departments/health;ACCESS_MODE_DATA=r",
                        Path.of("/srv/wcstat"), Map.of()));
    }
}
