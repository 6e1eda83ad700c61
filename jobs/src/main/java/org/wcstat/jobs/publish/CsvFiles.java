package org.wcstat.jobs.publish;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** UTF-8 CSV (RFC 4180, "\n" line ends, no byte-order mark), the same bytes for the same rows. */
final class CsvFiles {
    // quote only what must be quoted (a comma, a quote, a line break), as RFC 4180 readers expect
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

    private CsvFiles() {
    }

    static void write(Path file, List<String> header, List<? extends List<?>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter w = MAPPER.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(out)) {
            w.write(header.toArray(String[]::new));
            for (List<?> row : rows) {
                w.write(row.stream().map(CsvFiles::text).toArray(String[]::new));
            }
        }
    }

    /** A value as the release writes it: empty for none, numbers in plain decimal notation without exponent. */
    static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return v.toString();
    }
}
