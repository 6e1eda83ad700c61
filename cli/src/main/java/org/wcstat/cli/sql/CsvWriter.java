package org.wcstat.cli.sql;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV with a header line; NULL is an empty field. */
final class CsvWriter implements ResultFormat.Writer {

    @Override
    public void write(List<String> columns, List<List<Object>> rows, PrintStream out) {
        out.print(line(columns.stream().map(c -> (Object) c).toList()));
        for (List<Object> row : rows) {
            out.print(line(row));
        }
        out.flush();
    }

    private static String line(List<Object> values) {
        return values.stream().map(v -> field(Cells.text(v))).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(String s) {
        if (s == null) return "";
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
