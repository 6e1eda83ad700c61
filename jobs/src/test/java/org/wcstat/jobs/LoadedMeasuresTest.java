package org.wcstat.jobs;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.yaml.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bureau that rewrote its health department's file in place has no old copy to compare with: the catalog check
 * names the file and extract that produced a measure from the loads its warehouse recorded.
 */
class LoadedMeasuresTest {
    @TempDir
    Path tmp;

    @Test
    void aMeasureNoSourceProducesAnyMoreIsNamedWithTheFileAndExtractTheWarehouseLoadedItFrom() throws Exception {
        Path home = tmp.resolve("home");
        SparkSession spark = Spark.session(Spark.localWarehouse(home));
        new Warehouse(spark).ensureTables();
        // maternal deaths came from mch_death_report in 2023 and from a register of their own in 2024: the latest year's load is named
        spark.sql("INSERT INTO " + Warehouse.FACTS + " VALUES"
                + " ('maternal_deaths', 2023, '510811101', 'F', '_T', '_T', 1.0, 'health', 'mch_death_report', 'l1'),"
                + " ('maternal_deaths', 2024, '510811101', 'F', '_T', '_T', 0.0, 'health', 'maternal_death_register', 'l2')");
        Path conf = TestRepo.copyOfConf(tmp.resolve("conf"));
        // health is still read, but without the extracts of births and maternal deaths (a department not read at all
        // leaves its indicators unmonitored instead)
        Path health = conf.resolve("sources/health.yaml");
        Files.writeString(health, withoutExtracts(Files.readString(health), "birth_register", "mch_death_report"));
        Files.deleteIfExists(conf.resolve("validation/health.yaml"));

        String message = assertThrows(ConfigException.class,
                () -> Configuration.load(conf, null, new LoadedMeasures(conf, home, Map.of()))).getMessage();

        assertTrue(message.contains("unknown measure 'maternal_deaths' in numerator: no extract in " + conf.resolve("sources")
                + " produces it; " + conf.resolve("sources/health.yaml") + " (extract maternal_death_register, as the warehouse's load of"
                + " 2024 records) produced it: add an extract with 'measure: maternal_deaths'"), message);
        // live births, which this warehouse never loaded, are named without a producer
        String births = message.lines().filter(l -> l.contains("unknown measure 'live_births'")).findFirst().orElseThrow();
        assertTrue(!births.contains("produced it"), births);
    }

    @Test
    void aHomeWithoutAWarehouseNamesNothing() throws Exception {
        Path conf = TestRepo.copyOfConf(tmp.resolve("conf"));
        assertEquals(java.util.Optional.empty(), new LoadedMeasures(conf, tmp.resolve("no-home"), Map.of()).producer("maternal_deaths"));
        assertTrue(Files.notExists(tmp.resolve("no-home")), "asking made no warehouse");
    }

    /** The source file's text without the named extracts (each from its "  - name:" line to the next one's). */
    private static String withoutExtracts(String yaml, String... names) {
        StringBuilder out = new StringBuilder();
        boolean dropping = false;
        for (String line : yaml.split("\n", -1)) {
            if (line.startsWith("  - name: ")) dropping = java.util.Arrays.asList(names).contains(line.substring(10).strip());
            if (!dropping) out.append(line).append('\n');
        }
        return out.toString();
    }
}
