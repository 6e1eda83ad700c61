package org.wcstat.jobs.publish;

import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Puts a Parquet file's footer in one canonical order. parquet-mr lists each column chunk's encodings
 * from a hash set of enum constants, whose order follows identity hash codes and so changes from one JVM
 * to the next: the same rows written twice differ in those bytes. Sorting the lists (encodings,
 * encoding statistics, key-value metadata) makes the bytes a function of the rows alone; readers take
 * the lists as sets.
 */
final class ParquetFooter {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetFooter() {
    }

    static void canonicalise(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int n = bytes.length;
        if (n < 12 || !Arrays.equals(Arrays.copyOfRange(bytes, n - 4, n), MAGIC)) {
            throw new IOException(file + " is not a Parquet file (no PAR1 at its end)");
        }
        int footerLength = ByteBuffer.wrap(bytes, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = n - 8 - footerLength;
        FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(bytes, footerStart, footerLength));
        for (RowGroup g : meta.getRow_groups()) {
            for (ColumnChunk c : g.getColumns()) {
                ColumnMetaData m = c.getMeta_data();
                if (m == null) continue;
                m.getEncodings().sort(Comparator.comparingInt(Encoding::getValue));
                if (m.getEncoding_stats() != null) {
                    m.getEncoding_stats().sort(Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                            .thenComparingInt(s -> s.getEncoding().getValue()));
                }
            }
        }
        if (meta.getKey_value_metadata() != null) meta.getKey_value_metadata().sort(Comparator.comparing(KeyValue::getKey));

        ByteArrayOutputStream footer = new ByteArrayOutputStream(footerLength);
        Util.writeFileMetaData(meta, footer);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        out.write(bytes, 0, footerStart);
        footer.writeTo(out);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
        out.write(MAGIC);
        Files.write(file, out.toByteArray());
    }
}
