package org.wcstat.jobs.disseminate;

import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A release's data/&lt;name&gt;.parquet read as a {@link Table}, without Spark: the file's own schema gives each
 * column's type, so the database gets the types the release was written with, not guesses from CSV text.
 */
final class ParquetTables {
    private ParquetTables() {
    }

    static Table read(Path file, String name) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<Table.Column> columns = new ArrayList<>();
            for (Type field : schema.getFields()) {
                columns.add(new Table.Column(field.getName(), type(file, field)));
            }
            List<Object[]> rows = new ArrayList<>();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(row(records.read(), columns));
                }
            }
            return new Table(name, columns, rows);
        }
    }

    private static Table.Type type(Path file, Type field) {
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            throw new DisseminationException(file + ": column " + field.getName() + " is not a plain value; a release's tables"
                    + " have only plain columns, so the file was not written by wcstat publish: restore the release from a copy");
        }
        PrimitiveType p = field.asPrimitiveType();
        return switch (p.getPrimitiveTypeName()) {
            case INT32 -> Table.Type.INTEGER;
            case INT64 -> Table.Type.BIGINT;
            case DOUBLE, FLOAT -> Table.Type.DOUBLE;
            case BOOLEAN -> Table.Type.BOOLEAN;
            case BINARY -> {
                if (p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) yield Table.Type.TEXT;
                throw new DisseminationException(file + ": column " + field.getName() + " holds bytes, not text; a release's tables"
                        + " hold numbers and text only: restore the release from a copy");
            }
            default -> throw new DisseminationException(file + ": column " + field.getName() + " has type "
                    + p.getPrimitiveTypeName() + ", which a release's tables do not use: restore the release from a copy");
        };
    }

    private static Object[] row(Group g, List<Table.Column> columns) {
        Object[] cells = new Object[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            if (g.getFieldRepetitionCount(i) == 0) continue;
            cells[i] = switch (columns.get(i).type()) {
                case INTEGER -> g.getInteger(i, 0);
                case BIGINT -> g.getLong(i, 0);
                case DOUBLE -> g.getType().getType(i).asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FLOAT
                        ? (double) g.getFloat(i, 0) : g.getDouble(i, 0);
                case BOOLEAN -> g.getBoolean(i, 0);
                case TEXT -> g.getString(i, 0);
            };
        }
        return cells;
    }
}
