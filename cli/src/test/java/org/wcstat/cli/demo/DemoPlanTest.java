package org.wcstat.cli.demo;

import org.junit.jupiter.api.Test;
import org.wcstat.cli.TestRepo;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.SourceConfig;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo writes what the sources read, found by table name, and refuses to guess when the two disagree. */
class DemoPlanTest {
    private static final List<SourceConfig> SHIPPED = Configuration.load(TestRepo.demoConf()).sources();

    @Test
    void theShippedSourcesHaveAGeneratorForEveryTableAndEveryGeneratorIsRead() {
        DemoPlan plan = DemoPlan.of(SHIPPED);

        // 17 departments keep a database, next_generation sends files
        assertEquals(17, plan.databases().size());
        assertEquals(Set.of("next_generation"), plan.returns().keySet());
        // the health commission's two registers are drawn together: one generator, run once
        List<String> health = plan.databases().get("health").stream().flatMap(g -> g.tables().stream()).toList();
        assertEquals(health.size(), Set.copyOf(health).size());
        assertTrue(health.containsAll(List.of("BIRTH_REGISTER", "MCH_DEATH_REPORT", "WZXSE_JD_BB")), health.toString());
        // every table a shipped source reads is written, each exactly once
        int tables = plan.databases().values().stream().mapToInt(gs -> gs.stream().mapToInt(g -> g.tables().size()).sum()).sum();
        int read = SHIPPED.stream().filter(s -> !s.isFile()).mapToInt(s -> SourceTables.read(s).size()).sum();
        assertEquals(read, tables);
    }

    @Test
    void aTableASourceReadsWithoutAGeneratorIsAnErrorNamingTheSourceAndTheTable() {
        Map<String, Set<String>> read = shippedTablesRead();
        read.get("health").add("FY_XSE_SC");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DemoPlan.of(read, List.of("next_generation"), DemoGenerators.ALL, DemoGenerators.RETURNS));

        assertTrue(e.getMessage().contains("demo/conf/sources/health.yaml reads table FY_XSE_SC, which no demo generator writes"), e.getMessage());
        assertTrue(e.getMessage().contains("demo/tables/FY_XSE_SC.sql"), e.getMessage());
    }

    @Test
    void aGeneratorWhoseTableNoSourceReadsIsAnErrorNamingTheTable() {
        Map<String, Set<String>> read = shippedTablesRead();
        // the quarterly NICU report is drawn with the health resources report; no source reading it any more
        read.get("health").remove("WZXSE_JD_BB");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DemoPlan.of(read, List.of("next_generation"), DemoGenerators.ALL, DemoGenerators.RETURNS));

        assertTrue(e.getMessage().contains("the demo generator of WS_JG_NB and WZXSE_JD_BB writes table WZXSE_JD_BB,"
                + " which no source in demo/conf/sources reads"), e.getMessage());
    }

    @Test
    void tablesOfOneGeneratorReadByTwoDepartmentsAreAnError() {
        Map<String, Set<String>> read = shippedTablesRead();
        read.get("health").remove("MCH_DEATH_REPORT");
        read.get("statistics").add("MCH_DEATH_REPORT");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DemoPlan.of(read, List.of("next_generation"), DemoGenerators.ALL, DemoGenerators.RETURNS));

        assertTrue(e.getMessage().contains("its tables are read by health and statistics"), e.getMessage());
    }

    @Test
    void returnsAsFilesWithoutAWriterAndAWriterWithoutItsFileSourceAreErrors() {
        Map<String, Set<String>> read = shippedTablesRead();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DemoPlan.of(read, List.of("civil_society"), DemoGenerators.ALL, DemoGenerators.RETURNS));

        assertTrue(e.getMessage().contains("demo/conf/sources/civil_society.yaml reads returns as files, which no demo generator writes"), e.getMessage());
        assertTrue(e.getMessage().contains("the demo writes returns of next_generation, but no source in demo/conf/sources reads"), e.getMessage());
    }

    @Test
    void aSourceReadingACountysOwnDatabaseIsNotTheDemosAndIsRefused() {
        SourceConfig health = SHIPPED.stream().filter(s -> s.department().equals("health")).findFirst().orElseThrow();
        SourceConfig county = new SourceConfig("health", health.nameZh(), health.nameEn(), new SourceConfig.Jdbc(
                "jdbc:postgresql://10.0.0.5:5432/wjw", "org.postgresql.Driver", null, null, null, null, null), health.extracts());
        List<SourceConfig> sources = SHIPPED.stream().map(s -> s.department().equals("health") ? county : s).toList();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemoPlan.of(sources));

        assertTrue(e.getMessage().contains("health's source reads jdbc:postgresql://10.0.0.5:5432/wjw,"
                + " not the demo's jdbc:h2:file:${home}/departments/health"), e.getMessage());
    }

    @Test
    void aQueryReadsTheTablesInItsFromAndJoin() {
        SourceConfig.Extract byQuery = SHIPPED.stream().filter(s -> s.department().equals("culture_sports"))
                .flatMap(s -> s.extracts().stream()).filter(x -> x.query() != null).findFirst().orElseThrow();

        // the venue ledger's query selects from WL_ETHDCS_TZ three times: one table
        assertEquals(Set.of("WL_ETHDCS_TZ"),
                SourceTables.read(new SourceConfig("culture_sports", "x", "x", null, List.of(byQuery))).keySet());
    }

    private static Map<String, Set<String>> shippedTablesRead() {
        Map<String, Set<String>> read = new LinkedHashMap<>();
        for (SourceConfig s : SHIPPED) {
            if (!s.isFile()) read.put(s.department(), new LinkedHashSet<>(SourceTables.read(s).keySet()));
        }
        return read;
    }
}
