package org.wcstat.jobs.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Throw-away databases on the real servers: PostgreSQL at 127.0.0.1:5432 (postgres, trust) and
 * MariaDB at 127.0.0.1:3306 (root, no password). A missing server fails the test at creation: these
 * are integration tests, and skipping them would hide a broken CI machine.
 */
public final class TestDatabases {
    static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String MARIA_ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/";

    private TestDatabases() {
    }

    static String uniqueName() {
        return "wcstat_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A database of its own on one server; closing drops it. */
    public abstract static class Db implements AutoCloseable {
        final String name = uniqueName();

        public abstract String url();

        abstract Connection connect() throws SQLException;

        public void exec(String... sql) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                for (String q : sql) {
                    s.execute(q);
                }
            }
        }
    }

    public static final class Postgres extends Db {
        public Postgres() throws SQLException {
            admin("CREATE DATABASE " + name);
        }

        @Override
        public String url() {
            return "jdbc:postgresql://127.0.0.1:5432/" + name;
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), "postgres", "");
        }

        @Override
        public void close() throws SQLException {
            // FORCE: a reader killed mid-query may leave its backend running for a while
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }

        private static void admin(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    static final class MariaDb extends Db {
        MariaDb() throws SQLException {
            admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }

        @Override
        public String url() {
            return "jdbc:mariadb://127.0.0.1:3306/" + name;
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), "root", "");
        }

        @Override
        public void close() throws SQLException {
            admin("DROP DATABASE IF EXISTS " + name);
        }

        static void admin(String... sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(MARIA_ADMIN_URL, "root", ""); Statement s = c.createStatement()) {
                for (String q : sql) {
                    s.execute(q);
                }
            }
        }
    }
}
