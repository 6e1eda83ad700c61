package org.wcstat.jobs.disseminate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What differs between PostgreSQL and MariaDB/MySQL in loading a release: quoting, types, what a schema is (a
 * database on MariaDB) and how a staged schema becomes the release's. PostgreSQL's DDL is transactional, so there
 * the rename, the grants and the latest views change in one transaction; MariaDB's is not (docs/analysts.md).
 */
enum Dialect {
    POSTGRESQL {
        @Override
        String quote(String name) {
            return '"' + name + '"';
        }

        @Override
        String type(Table.Type type, int maxLength) {
            return switch (type) {
                case INTEGER -> "integer";
                case BIGINT -> "bigint";
                case DOUBLE -> "double precision";
                case BOOLEAN -> "boolean";
                case TEXT -> "text";
            };
        }

        @Override
        String createSchema(String schema, boolean ifMissing) {
            return "CREATE SCHEMA " + (ifMissing ? "IF NOT EXISTS " : "") + quote(schema);
        }

        @Override
        String dropSchema(String schema) {
            return "DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE";
        }

        @Override
        List<String> install(String staging, String target, List<String> tables) {
            return List.of("ALTER SCHEMA " + quote(staging) + " RENAME TO " + quote(target));
        }

        @Override
        List<String> grantRead(String schema, String role) {
            return List.of("GRANT USAGE ON SCHEMA " + quote(schema) + " TO " + quote(role),
                    "GRANT SELECT ON ALL TABLES IN SCHEMA " + quote(schema) + " TO " + quote(role));
        }

        @Override
        List<String> replaceView(String schema, String view, String target) {
            // a view whose columns changed cannot be replaced in place; in the transaction no reader sees the gap
            return List.of("DROP VIEW IF EXISTS " + name(schema, view),
                    "CREATE VIEW " + name(schema, view) + " AS SELECT * FROM " + name(target, view));
        }

        @Override
        boolean roleExists(Connection c, String role) throws SQLException {
            return exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
        }

        @Override
        String createRoleHint(String role) {
            return "CREATE ROLE " + role + " LOGIN PASSWORD '…'";
        }
    },

    MARIADB {
        @Override
        String quote(String name) {
            return '`' + name + '`';
        }

        @Override
        String type(Table.Type type, int maxLength) {
            return switch (type) {
                case INTEGER -> "INT";
                case BIGINT -> "BIGINT";
                case DOUBLE -> "DOUBLE";
                case BOOLEAN -> "BOOLEAN";
                // VARCHAR, not TEXT: ODBC clients (Excel) read TEXT as a long memo field
                case TEXT -> maxLength <= 4000 ? "VARCHAR(" + Math.max(16, maxLength) + ")" : "TEXT";
            };
        }

        @Override
        String createSchema(String schema, boolean ifMissing) {
            return "CREATE DATABASE " + (ifMissing ? "IF NOT EXISTS " : "") + quote(schema)
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        }

        @Override
        String dropSchema(String schema) {
            return "DROP DATABASE IF EXISTS " + quote(schema);
        }

        @Override
        List<String> install(String staging, String target, List<String> tables) {
            // one RENAME TABLE moves every table at once: a reader sees all of them in the release's database or none
            List<String> moves = new ArrayList<>();
            for (String t : tables) moves.add(name(staging, t) + " TO " + name(target, t));
            // IF NOT EXISTS: a load stopped after making the database and before the rename leaves it empty
            return List.of(createSchema(target, true), "RENAME TABLE " + String.join(", ", moves), dropSchema(staging));
        }

        @Override
        List<String> grantRead(String schema, String role) {
            return List.of("GRANT SELECT ON " + quote(schema) + ".* TO " + quote(role));
        }

        @Override
        List<String> replaceView(String schema, String view, String target) {
            return List.of("CREATE OR REPLACE SQL SECURITY DEFINER VIEW " + name(schema, view) + " AS SELECT * FROM " + name(target, view));
        }

        @Override
        boolean roleExists(Connection c, String role) throws SQLException {
            return exists(c, "SELECT 1 FROM mysql.user WHERE User = ?", role);
        }

        @Override
        String createRoleHint(String role) {
            return "CREATE ROLE " + role + "; GRANT " + role + " TO 'analyst'@'%'; SET DEFAULT ROLE " + role + " FOR 'analyst'@'%'";
        }
    };

    static Dialect of(String url) {
        if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) return MARIADB;
        throw new DisseminationException("dissemination.url in conf/warehouse.yaml names neither PostgreSQL nor MariaDB/MySQL;"
                + " use jdbc:postgresql://host:5432/wcstat_releases or jdbc:mariadb://host:3306/");
    }

    abstract String quote(String name);

    /** A column's type; maxLength is the longest text the column holds, for dialects that size text. */
    abstract String type(Table.Type type, int maxLength);

    abstract String createSchema(String schema, boolean ifMissing);

    abstract String dropSchema(String schema);

    /** The statements that make a staged schema the release's, its tables all at once. */
    abstract List<String> install(String staging, String target, List<String> tables);

    abstract List<String> grantRead(String schema, String role);

    /** Point a view of latest at the same table of another release. */
    abstract List<String> replaceView(String schema, String view, String target);

    abstract boolean roleExists(Connection c, String role) throws SQLException;

    /** How an administrator makes the reading role, for the message when it is missing. */
    abstract String createRoleHint(String role);

    String name(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
