package org.wcstat.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One department's embedded H2 database file, made afresh so that the demo is the same every time. */
final class DemoDatabase implements AutoCloseable {
    private final Connection connection;
    private int rows;

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

    /** Creates a table as the department keeps it (its DDL in {@link DemoTables}), to add its rows to. */
    DemoTable table(String name) throws SQLException {
        int columns;
        try (Statement s = connection.createStatement()) {
            s.execute(DemoTables.ddl(name));
            try (ResultSet none = s.executeQuery("SELECT * FROM " + name + " WHERE 1 = 0")) {
                columns = none.getMetaData().getColumnCount();
            }
        }
        String insert = "INSERT INTO " + name + " VALUES (" + "?,".repeat(columns - 1) + "?)";
        return new DemoTable(name, connection.prepareStatement(insert), columns, () -> rows++);
    }

    /** The rows added to all its tables so far. */
    int rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.commit();
        connection.close();
    }
}
