package org.wcstat.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo departments' tables as the departments keep them: one {@code CREATE TABLE} per table in
 * {@code demo/tables/<TABLE>.sql} on the class path, written in the SQL that H2 and PostgreSQL both
 * accept, so that the demo, the tests that hand-write a department and the benchmark's PostgreSQL
 * departments create the same tables from one statement.
 */
public final class DemoTables {
    private static final String DIR = "/demo/tables/";

    private DemoTables() {
    }

    /** The table's {@code CREATE TABLE} statement, without its closing semicolon (JDBC takes one statement). */
    public static String ddl(String table) {
        String resource = DIR + table + ".sql";
        try (InputStream in = DemoTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no DDL for demo table " + table + ": add " + resource
                        + " under cli/src/main/resources with its CREATE TABLE statement");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
