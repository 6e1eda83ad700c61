package org.wcstat.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.yaml.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dissemination: section of conf/warehouse.yaml: the database releases are loaded into for BI tools. */
class DisseminationSettingsTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheSectionThereIsNoDisseminationDatabase() {
        assertNull(WarehouseSettings.load(dir).dissemination());
        assertNull(WarehouseSettings.load(org.wcstat.core.TestRepo.root().resolve("conf")).dissemination());
    }

    @Test
    void theSectionNamesTheDatabaseTheRoleAndWhereTheCredentialsAre() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), """
                dissemination:
                  url: jdbc:postgresql://bi-db:5432/wcstat_releases
                  user: {env: WCSTAT_DISSEM_USER}
                  password: {file: /run/secrets/dissem_password}
                  reader_role: wcstat_reader
                """);
        WarehouseSettings.Dissemination d = WarehouseSettings.load(dir).dissemination();
        assertEquals("jdbc:postgresql://bi-db:5432/wcstat_releases", d.url());
        assertEquals("wcstat_reader", d.readerRole());
        assertEquals("", d.prefix());
        assertEquals("loader", d.user().resolve(Map.of("WCSTAT_DISSEM_USER", "loader"), "dissemination.user"));
        // the password file is missing here: the message names the variable's absence and the file
        ConfigException e = assertThrows(ConfigException.class, () -> d.password().resolve(Map.of(), "dissemination.password"));
        assertTrue(e.getMessage().contains("/run/secrets/dissem_password"), e.getMessage());
    }

    @Test
    void aDatabaseOtherThanPostgresqlOrMariadbIsRefusedAtItsLine() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), "dissemination:\n  reader_role: r\n  url: jdbc:oracle:thin:@db:1521/x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WarehouseSettings.load(dir));
        // line 3, column 8: the value after "  url: "
        assertTrue(e.getMessage().startsWith(dir.resolve("warehouse.yaml") + ":3:8: "), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
    }

    @Test
    void aRoleNameThatIsNotAPlainNameIsRefused() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), "dissemination:\n  url: jdbc:mariadb://db:3306/\n  reader_role: \"r; DROP USER x\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WarehouseSettings.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("warehouse.yaml") + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("plain name"), e.getMessage());
    }

    @Test
    void theRoleIsRequired() throws Exception {
        Files.writeString(dir.resolve("warehouse.yaml"), "dissemination:\n  url: jdbc:postgresql://db/x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WarehouseSettings.load(dir));
        assertTrue(e.getMessage().contains("reader_role"), e.getMessage());
    }
}
