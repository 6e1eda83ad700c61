package org.wcstat.cli.demo;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The rows a generator adds to one demo table, each with its values in column order, sent to the
 * database in batches; the statement has as many parameters as the table has columns, so a row of
 * the wrong width fails at once, naming the table.
 */
final class DemoTable implements AutoCloseable {
    /** Large enough to amortise a round trip, small enough that a birth register's year is a few batches. */
    private static final int BATCH = 10_000;

    private final String name;
    private final PreparedStatement insert;
    private final int columns;
    private final Runnable counted;
    private int pending;

    DemoTable(String name, PreparedStatement insert, int columns, Runnable counted) {
        this.name = name;
        this.insert = insert;
        this.columns = columns;
        this.counted = counted;
    }

    void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + name + ", which has " + columns
                    + " columns: give one value per column of demo/tables/" + name + ".sql, in its order");
        }
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
        counted.run();
        if (++pending == BATCH) flush();
    }

    private void flush() throws SQLException {
        insert.executeBatch();
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (pending > 0) flush();
        } finally {
            insert.close();
        }
    }
}
