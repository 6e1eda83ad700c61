package org.wcstat.jobs.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.ingest.SourceConnection.Refusal;
import org.wcstat.jobs.ingest.SourceConnection.SourceRefusedException;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a department's database answers when it will not let wcstat in, on the real servers: which of the
 * user (or its password), the database or the server itself refused, and the setting that fixes it. Only
 * a server that does not answer is worth trying again.
 */
class SourceConnectionTest {
    @TempDir
    Path dir;

    @Test
    void postgresRefusingTheUserNamesTheVariables() throws Exception {
        // trust authentication lets any password in, so an unknown role is what PostgreSQL refuses here (28000)
        SourceRefusedException e = refused("jdbc:postgresql://127.0.0.1:5432/postgres", "org.postgresql.Driver",
                "{env: IT_NOBODY_USER, default: wcstat_no_such_role}", "{env: IT_NOBODY_PASSWORD, file: /run/secrets/it, default: x}");
        assertEquals(Refusal.USER_OR_PASSWORD, e.refusal());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().startsWith("itdept (测试局)'s database refused the user or its password"), e.getMessage());
        assertTrue(e.getMessage().contains("set the variable IT_NOBODY_USER and the variable IT_NOBODY_PASSWORD (or the file /run/secrets/it)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("wcstat_no_such_role"), "no account name in messages: " + e.getMessage());
    }

    @Test
    void postgresWithoutTheDatabaseSaysToCorrectTheUrl() throws Exception {
        SourceRefusedException e = refused("jdbc:postgresql://127.0.0.1:5432/wcstat_it_no_such_database", "org.postgresql.Driver",
                "{default: postgres}", null);
        assertEquals(Refusal.DATABASE, e.refusal());
        assertTrue(e.getMessage().contains("has no database, or none this user may open, at jdbc:postgresql://127.0.0.1:5432/wcstat_it_no_such_database"),
                e.getMessage());
        assertTrue(e.getMessage().contains("/conf/sources/itdept.yaml"), e.getMessage());
    }

    @Test
    void mariaDbRefusingThePasswordNamesTheVariables() throws Exception {
        // root has an empty password on this machine: any other is refused (1045)
        SourceRefusedException e = refused("jdbc:mariadb://127.0.0.1:3306/", "org.mariadb.jdbc.Driver",
                "{env: IT_MARIA_USER, default: root}", "{env: IT_MARIA_PASSWORD, default: not-the-password}");
        assertEquals(Refusal.USER_OR_PASSWORD, e.refusal());
        assertTrue(e.getMessage().contains("set the variable IT_MARIA_USER and the variable IT_MARIA_PASSWORD"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
        assertFalse(e.getMessage().contains("'root'"), e.getMessage());
    }

    @Test
    void mariaDbWithoutTheDatabase() throws Exception {
        SourceRefusedException e = refused("jdbc:mariadb://127.0.0.1:3306/wcstat_it_no_such_database", "org.mariadb.jdbc.Driver",
                "{default: root}", null);
        assertEquals(Refusal.DATABASE, e.refusal());
    }

    @Test
    void anEmbeddedDatabaseThatWasNeverMadePointsAtTheDemo() throws Exception {
        SourceRefusedException e = refused("jdbc:h2:file:" + dir.resolve("departments/itdept") + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE",
                "org.h2.Driver", "{default: sa}", "{default: \"\"}");
        assertEquals(Refusal.DATABASE, e.refusal());
        assertTrue(e.getMessage().contains("`wcstat demo`"), e.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerIsWorthTryingAgain() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SourceRefusedException e = refused("jdbc:postgresql://127.0.0.1:" + closed + "/x", "org.postgresql.Driver", "{default: postgres}", null);
        assertEquals(Refusal.UNREACHABLE, e.refusal());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("cannot be reached at jdbc:postgresql://127.0.0.1:" + closed + "/x"), e.getMessage());
        assertTrue(e.getMessage().contains("check that its server is up"), e.getMessage());
    }

    @Test
    void theRealServersLetTheirUsersIn() throws Exception {
        assertDoesNotThrow(() -> connection("jdbc:postgresql://127.0.0.1:5432/postgres", "org.postgresql.Driver", "{default: postgres}", null).check());
        assertDoesNotThrow(() -> connection("jdbc:mariadb://127.0.0.1:3306/", "org.mariadb.jdbc.Driver", "{default: root}", null).check());
    }

    private SourceRefusedException refused(String url, String driver, String user, String password) throws Exception {
        SourceConnection c = connection(url, driver, user, password);
        return assertThrows(SourceRefusedException.class, c::check);
    }

    private SourceConnection connection(String url, String driver, String user, String password) throws Exception {
        Path conf = ItWarehouse.conf(java.nio.file.Files.createTempDirectory(dir, "c"), Map.of("itdept", """
                department: itdept
                name_zh: 测试局
                name_en: Test Bureau
                jdbc:
                  url: "%s"
                  driver: %s
                  user: %s
                %s
                extracts:
                  - name: things
                    table: T
                    year: {column: Y}
                    measure: it_things
                    region: {code: TOWN}
                """.formatted(url, driver, user, password == null ? "" : "  password: " + password)));
        Configuration config = Configuration.load(conf);
        return new SourceConnection(config, config.source("itdept"), dir, Map.of());
    }
}
