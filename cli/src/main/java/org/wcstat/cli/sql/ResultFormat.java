package org.wcstat.cli.sql;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** How `wcstat sql` prints a result: an aligned table for people, CSV or JSON for other programs. */
public enum ResultFormat {
    TABLE(new AlignedTable()),
    CSV(new CsvWriter()),
    JSON(new JsonWriter());

    /** Writes one statement's result. */
    public interface Writer {
        void write(List<String> columns, List<List<Object>> rows, PrintStream out);
    }

    private final Writer writer;

    ResultFormat(Writer writer) {
        this.writer = writer;
    }

    public void write(List<String> columns, List<List<Object>> rows, PrintStream out) {
        writer.write(columns, rows, out);
    }

    public static ResultFormat of(String option) {
        try {
            return valueOf(option.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no format '" + option + "'; use table, csv or json");
        }
    }
}
