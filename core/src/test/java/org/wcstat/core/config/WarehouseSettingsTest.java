package org.wcstat.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseSettingsTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheFileTheWarehouseIsAHadoopCatalogUnderTheHome() {
        WarehouseSettings s = WarehouseSettings.load(dir);
        assertEquals("hadoop", s.catalog());
        assertNull(s.jdbc());
        Path home = dir.resolve("home");
        assertEquals("file://" + home.toAbsolutePath() + "/warehouse", s.locationUri(home));
        assertTrue(s.isLocal(home));
    }

    @Test
    void theShippedFileSaysTheEmbeddedDefault() {
        assertEquals(WarehouseSettings.embedded(), WarehouseSettings.load(org.wcstat.core.TestRepo.root().resolve("conf")));
    }

    @Test
    void aJdbcCatalogWithTheWarehouseOnS3() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), """
                catalog: jdbc
                location: s3a://wcstat-510811/warehouse/
                jdbc:
                  url: jdbc:postgresql://catalog.example:5432/wcstat
                  user: {env: WCSTAT_CATALOG_USER}
                  password: {env: WCSTAT_CATALOG_PASSWORD}
                spark:
                  spark.hadoop.fs.s3a.endpoint: https://s3.example
                """);
        WarehouseSettings s = WarehouseSettings.load(dir);
        assertEquals("jdbc", s.catalog());
        assertEquals("s3a://wcstat-510811/warehouse", s.locationUri(dir));
        assertFalse(s.isLocal(dir));
        assertEquals("WCSTAT_CATALOG_PASSWORD", s.jdbc().password().env());
        assertEquals("https://s3.example", s.spark().get("spark.hadoop.fs.s3a.endpoint"));
    }

    @Test
    void aPlainPathIsMadeAFileUriAndHomeIsExpanded() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), "location: ${home}/../shared/wh\n");
        Path home = dir.resolve("home");
        assertEquals("file://" + dir.toAbsolutePath() + "/shared/wh", WarehouseSettings.load(dir).locationUri(home));
    }

    @Test
    void anUnknownCatalogNamesTheFileAndTheChoices() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), "catalog: hive\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WarehouseSettings.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("warehouse.yaml").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("use hadoop (the default) or jdbc"), e.getMessage());
    }

    @Test
    void aJdbcCatalogWithoutItsDatabaseIsRefused() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), "catalog: jdbc\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WarehouseSettings.load(dir));
        assertTrue(e.getMessage().contains("needs a jdbc: section"), e.getMessage());
    }

    @Test
    void aMistypedFieldIsReportedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), "catalog: jdbc\nlocaton: /data/wh\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WarehouseSettings.load(dir));
        assertTrue(e.getMessage().contains("warehouse.yaml:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field 'locaton'"), e.getMessage());
    }
}
