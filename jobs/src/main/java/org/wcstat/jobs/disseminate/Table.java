package org.wcstat.jobs.disseminate;

import java.util.List;

/** A table as the dissemination database gets it: its name, typed columns and rows (null for no value). */
public record Table(String name, List<Column> columns, List<Object[]> rows) {

    /** The types a release's columns have; each dialect names them its own way. */
    public enum Type { INTEGER, BIGINT, DOUBLE, BOOLEAN, TEXT }

    public record Column(String name, Type type) {
    }

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
