package org.wcstat.jobs.publish;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.wcstat.core.Progress;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.JobContext;
import org.wcstat.jobs.TestRepo;
import org.wcstat.jobs.Warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release in PostgreSQL (127.0.0.1:5432, user postgres): a database of its own, so schema names carry no prefix.
 * Fails, never skips, when the server is down.
 */
class PostgresDisseminationTest extends DisseminationContract {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String DATABASE = "wcstat_it_dissem_" + ROLE_SUFFIX;
    private static final String ROLE = "wcstat_it_dissem_reader_" + ROLE_SUFFIX;

    /**
     * wcstat publish with a dissemination database in conf/warehouse.yaml: the release it puts in place is loaded too. It
     * publishes the fixture's warehouse into a home of its own (the same data, so the year's tag stays where it is),
     * under another prefix, its credentials from the environment.
     */
    @Test
    @Order(8)
    void publishLoadsTheReleaseOnceItIsInPlace() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "publish-disseminates");
        Path conf = TestRepo.copyOfConf(home.resolve("conf"));
        Files.writeString(conf.resolve("warehouse.yaml"), Files.readString(conf.resolve("warehouse.yaml")) + """
                dissemination:
                  url: %s
                  user: {env: WCSTAT_DISSEM_USER}
                  password: {env: WCSTAT_DISSEM_PASSWORD}
                  reader_role: %s
                  prefix: published_
                """.formatted(url(), ROLE));
        Configuration config = Configuration.load(conf);
        Warehouse wh = new Warehouse(published.spark());
        String message = new PublishJob().run(new JobContext(config, home, wh, Progress.SILENT,
                Map.of("WCSTAT_DISSEM_USER", "postgres", "WCSTAT_DISSEM_PASSWORD", "")), PublishedRelease.YEAR, Optional.empty());
        assertTrue(message.contains("loaded published_release_2024 into the dissemination database"), message);
        assertTrue(message.contains("latest now shows published_release_2024"), message);
        try (Connection c = reader()) {
            assertEquals(16, count(c, "published_latest", "indicator_values"));
        }
    }

    @Override
    String url() {
        return "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    }

    @Override
    String readerRole() {
        return ROLE;
    }

    @Override
    String prefix() {
        return "";
    }

    @Override
    String adminUser() {
        return "postgres";
    }

    @Override
    String privateSchema() {
        return "private_area";
    }

    @Override
    String quote(String name) {
        return '"' + name + '"';
    }

    @Override
    Connection admin() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    @Override
    Connection reader() throws SQLException {
        return DriverManager.getConnection(url(), ROLE, "reader");
    }

    @Override
    void createDatabase() throws SQLException {
        server("CREATE DATABASE " + DATABASE, "CREATE ROLE " + ROLE + " LOGIN PASSWORD 'reader'");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA private_area");
            s.execute("CREATE TABLE private_area.private_table (x integer)");
            s.execute("INSERT INTO private_area.private_table VALUES (1)");
        }
    }

    @Override
    void dropDatabase() throws SQLException {
        server("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "DROP ROLE IF EXISTS " + ROLE);
    }

    @Override
    String identity(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT c.oid::text || '/' || c.xmin::text FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static void server(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
    }
}
