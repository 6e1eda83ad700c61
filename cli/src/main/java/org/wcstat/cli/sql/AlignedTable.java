package org.wcstat.cli.sql;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A table with columns padded to their widest cell; Chinese characters count two columns, as a terminal shows them. */
final class AlignedTable implements ResultFormat.Writer {

    @Override
    public void write(List<String> columns, List<List<Object>> rows, PrintStream out) {
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            cells.add(row.stream().map(v -> v == null ? "NULL" : Cells.text(v)).toList());
        }
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = displayWidth(columns.get(i));
            for (List<String> row : cells) width[i] = Math.max(width[i], displayWidth(row.get(i)));
        }
        StringBuilder rule = new StringBuilder("+");
        for (int w : width) rule.append("-".repeat(w + 2)).append('+');
        out.println(rule);
        out.println(line(columns, width, rows.isEmpty() ? null : rows.get(0), true));
        out.println(rule);
        for (int r = 0; r < cells.size(); r++) {
            out.println(line(cells.get(r), width, rows.get(r), false));
        }
        out.println(rule);
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String line(List<String> texts, int[] width, List<Object> sample, boolean header) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < width.length; i++) {
            String t = texts.get(i);
            String pad = " ".repeat(width[i] - displayWidth(t));
            // numbers to the right, so their digits line up
            boolean right = !header && sample != null && sample.get(i) instanceof Number;
            b.append(' ').append(right ? pad + t : t + pad).append(" |");
        }
        return b.toString();
    }

    static int displayWidth(String s) {
        return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
