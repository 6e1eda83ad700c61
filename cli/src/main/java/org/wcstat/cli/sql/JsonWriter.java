package org.wcstat.cli.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON array of objects, one per row on its own line, with numbers as numbers and NULL as null. */
final class JsonWriter implements ResultFormat.Writer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(List<String> columns, List<List<Object>> rows, PrintStream out) {
        out.println("[");
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), json(rows.get(r).get(i)));
            }
            try {
                out.println(MAPPER.writeValueAsString(object) + (r + 1 < rows.size() ? "," : ""));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.println("]");
    }

    private static Object json(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v instanceof Double d && !Double.isFinite(d) ? d.toString() : v;
        }
        return v.toString();
    }
}
