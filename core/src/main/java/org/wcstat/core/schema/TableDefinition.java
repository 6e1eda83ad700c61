package org.wcstat.core.schema;

import org.wcstat.core.yaml.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A warehouse table as schemas/warehouse/<namespace>.<table>.sql defines it: what it is for, its columns, its partitioning. */
public record TableDefinition(String name, String description, List<Column> columns, String partitionedBy) {

    /** One column: its Spark SQL type, whether it may be NULL, and its COMMENT. */
    public record Column(String name, String type, boolean nullable, String comment) {
    }

    private static final Pattern CREATE = Pattern.compile("CREATE TABLE IF NOT EXISTS wh\\.(\\w+\\.\\w+) \\(");
    private static final Pattern COLUMN = Pattern.compile(
            "^\\s*(\\w+)\\s+(\\w+(?:\\([\\d, ]+\\))?)\\s*(NOT NULL)?\\s*COMMENT\\s+'((?:[^']|'')*)'\\s*[,)]?\\s*$");
    private static final Pattern PARTITIONED = Pattern.compile("^PARTITIONED BY \\((.*)\\)\\s*$");

    public static List<TableDefinition> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<TableDefinition> all = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                all.add(read(f));
            }
            return all;
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot list the table definitions (" + e.getMessage() + ")");
        }
    }

    public static TableDefinition read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
        TableDefinition t = parse(file.toString(), lines);
        String expected = t.name() + ".sql";
        if (!file.getFileName().toString().equals(expected)) {
            throw new ConfigException(file + ": defines wh." + t.name() + "; name the file " + expected);
        }
        return t;
    }

    /** A definition from its lines; {@code source} names where they come from, for messages. */
    public static TableDefinition parse(String source, List<String> lines) {
        Object file = source;
        StringBuilder description = new StringBuilder();
        String name = null;
        String partitioned = null;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if (name == null && line.startsWith("--")) {
                description.append(description.isEmpty() ? "" : " ").append(line.substring(2).strip());
            } else if ((m = CREATE.matcher(line)).find()) {
                name = m.group(1);
            } else if (name != null && (m = COLUMN.matcher(line)).matches()) {
                columns.add(new Column(m.group(1), m.group(2), m.group(3) == null, m.group(4).replace("''", "'")));
            } else if ((m = PARTITIONED.matcher(line)).matches()) {
                partitioned = m.group(1);
            } else if (name != null && line.matches("^\\s+\\w+\\s+\\w+.*")) {
                // column lines are the indented ones
                throw new ConfigException(file + ":" + (i + 1) + ": a column without COMMENT '...'; every column says what it means");
            }
        }
        if (name == null || columns.isEmpty()) {
            throw new ConfigException(file + ": no CREATE TABLE IF NOT EXISTS wh.<namespace>.<table> (...) with commented columns");
        }
        return new TableDefinition(name, description.toString(), List.copyOf(columns), partitioned);
    }
}
