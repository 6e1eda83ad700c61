package org.wcstat.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** One department's embedded H2 database file, made afresh so that the demo is the same every time. */
final class DemoDatabase implements AutoCloseable {
    private final Connection connection;

    private DemoDatabase(Connection connection) {
        this.connection = connection;
    }

    static DemoDatabase create(Path dir, String department) throws SQLException, IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(department + ".mv.db"));
        Files.deleteIfExists(dir.resolve(department + ".trace.db"));
        Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve(department), "sa", "");
        c.setAutoCommit(false);
        return new DemoDatabase(c);
    }

    /** Creates a table as the department keeps it (its DDL in {@link DemoTables}). */
    void createTable(String table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(DemoTables.ddl(table));
        }
    }

    PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    /** Adds one row to a batch insert, the values in column order. */
    static int addRow(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        ps.addBatch();
        return 1;
    }

    @Override
    public void close() throws SQLException {
        connection.commit();
        connection.close();
    }
}
