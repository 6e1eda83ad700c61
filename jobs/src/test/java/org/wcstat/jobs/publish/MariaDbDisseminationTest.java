package org.wcstat.jobs.publish;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The release in MariaDB (127.0.0.1:3306, root without password), through the same loader: a database per release and
 * one for latest, their names prefixed as the server is shared. The reading role is a MariaDB role, held by default
 * by a user of its own. Fails, never skips, when the server is down.
 */
class MariaDbDisseminationTest extends DisseminationContract {
    private static final String URL = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String PREFIX = "wcstat_it_dissem_" + ROLE_SUFFIX + "_";
    private static final String ROLE = "wcstat_it_dissem_ro_" + ROLE_SUFFIX;
    private static final String USER = "wcstat_it_dissem_u_" + ROLE_SUFFIX;

    @Override
    String url() {
        return URL;
    }

    @Override
    String readerRole() {
        return ROLE;
    }

    @Override
    String prefix() {
        return PREFIX;
    }

    @Override
    String adminUser() {
        return "root";
    }

    @Override
    String privateSchema() {
        return PREFIX + "private";
    }

    @Override
    String quote(String name) {
        return '`' + name + '`';
    }

    @Override
    Set<String> systemSchemas() {
        // performance_schema describes the server itself (its instruments and settings), no one's data
        return Set.of("information_schema", "performance_schema");
    }

    @Override
    Connection admin() throws SQLException {
        return DriverManager.getConnection(URL, "root", "");
    }

    @Override
    Connection reader() throws SQLException {
        return DriverManager.getConnection(URL, USER, "reader");
    }

    @Override
    void createDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + ROLE);
            s.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED BY 'reader'");
            s.execute("CREATE USER '" + USER + "'@'localhost' IDENTIFIED BY 'reader'");
            for (String host : List.of("%", "localhost")) {
                s.execute("GRANT " + ROLE + " TO '" + USER + "'@'" + host + "'");
                s.execute("SET DEFAULT ROLE " + ROLE + " FOR '" + USER + "'@'" + host + "'");
            }
            s.execute("CREATE DATABASE " + privateSchema());
            s.execute("CREATE TABLE " + privateSchema() + ".private_table (x int)");
            s.execute("INSERT INTO " + privateSchema() + ".private_table VALUES (1)");
        }
    }

    @Override
    void dropDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            List<String> databases = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SHOW DATABASES LIKE '" + PREFIX.replace("_", "\\_") + "%'")) {
                while (r.next()) databases.add(r.getString(1));
            }
            for (String d : databases) s.execute("DROP DATABASE `" + d + "`");
            s.execute("DROP USER IF EXISTS '" + USER + "'@'%', '" + USER + "'@'localhost'");
            s.execute("DROP ROLE IF EXISTS " + ROLE);
        }
    }

    @Override
    String identity(Connection c, String schema, String table) throws SQLException {
        // InnoDB's table id: a table dropped and made again gets a new one
        try (PreparedStatement s = c.prepareStatement("SELECT table_id FROM information_schema.innodb_sys_tables WHERE name = ?")) {
            s.setString(1, schema + "/" + table);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) throw new AssertionError(schema + "." + table + " is not an InnoDB table");
                return r.getString(1);
            }
        }
    }
}
