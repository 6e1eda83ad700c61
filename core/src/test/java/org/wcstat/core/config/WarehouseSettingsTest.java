package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
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

    @Test
    void maintenanceKeepsAWeekAndTheLastFiveUnlessTheFileSaysOtherwise() throws Exception {
        assertEquals(new WarehouseSettings.Maintenance(7, 5), WarehouseSettings.load(dir).maintenance());
        Files.writeString(dir.resolve("warehouse.yaml"), "maintenance:\n  snapshot_age_days: 30\n");
        assertEquals(new WarehouseSettings.Maintenance(30, 5), WarehouseSettings.load(dir).maintenance());
    }

    @Test
    void aSnapshotAgeUnderADayIsRefusedAtItsValue() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), "maintenance:\n  keep_last: 3\n  snapshot_age_days: 0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WarehouseSettings.load(dir));
        // line 3, column 22: the 0 after "  snapshot_age_days: "
        assertTrue(e.getMessage().startsWith(dir.resolve("warehouse.yaml") + ":3:22: "), e.getMessage());
        assertTrue(e.getMessage().contains("at least 1, not 0"), e.getMessage());
        assertTrue(e.getMessage().contains("--older-than 0"), e.getMessage());
    }

    @Test
    void aMistypedMaintenanceFieldNamesTheNearestOne() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), "maintenance:\n  keep_lats: 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WarehouseSettings.load(dir));
        assertTrue(e.getMessage().contains("warehouse.yaml:2:3"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'keep_last'"), e.getMessage());
    }
}
