package org.wcstat.cli.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at the semicolons that end them: not those inside quotes,
 * backquoted names or comments.
 */
public final class Statements {
    /** One statement and the line of the script it starts on (1-based), for messages. */
    public record Statement(String sql, int line) {
    }

    private Statements() {
    }

    public static List<Statement> split(String script) {
        List<Statement> out = new ArrayList<>();
        Scanner s = new Scanner(script);
        StringBuilder current = new StringBuilder();
        int start = -1;
        while (s.hasNext()) {
            int line = s.line;
            String piece = s.next();
            if (piece.equals(";")) {
                add(out, current, start);
                current.setLength(0);
                start = -1;
                continue;
            }
            if (start < 0 && (piece.isBlank() || s.lastWasComment)) {
                continue; // a statement starts at its first word, so Spark's line numbers count from there
            }
            if (start < 0) {
                String leading = piece.substring(0, piece.length() - piece.stripLeading().length());
                start = line + (int) leading.chars().filter(ch -> ch == '\n').count();
            }
            current.append(piece);
        }
        add(out, current, start);
        return out;
    }

    /** True when the text ends with a statement's closing semicolon: what the shell waits for. */
    public static boolean complete(String text) {
        Scanner s = new Scanner(text);
        boolean endsWithSemicolon = false;
        while (s.hasNext()) {
            String piece = s.next();
            if (piece.equals(";")) {
                endsWithSemicolon = true;
            } else if (!piece.isBlank() && !s.lastWasComment) {
                endsWithSemicolon = false;
            }
        }
        return endsWithSemicolon && !s.open;
    }

    private static void add(List<Statement> out, StringBuilder sql, int line) {
        String text = sql.toString().strip();
        if (!text.isEmpty() && line > 0) {
            out.add(new Statement(text, line));
        }
    }

    /** Cuts text into pieces: ";" alone, a quoted string, a comment, or a run of other characters. */
    private static final class Scanner {
        private final String text;
        private int pos;
        int line = 1;
        boolean lastWasComment;
        boolean open;

        Scanner(String text) {
            this.text = text;
        }

        boolean hasNext() {
            return pos < text.length();
        }

        String next() {
            int begin = pos;
            char c = text.charAt(pos);
            lastWasComment = false;
            if (c == ';') {
                pos++;
            } else if (c == '\'' || c == '"' || c == '`') {
                pos++;
                open = true;
                while (pos < text.length()) {
                    char d = text.charAt(pos++);
                    if (d == '\\' && c != '`' && pos < text.length()) {
                        pos++;
                    } else if (d == c) {
                        open = false;
                        break;
                    }
                }
            } else if (text.startsWith("--", pos)) {
                int eol = text.indexOf('\n', pos);
                pos = eol < 0 ? text.length() : eol;
                lastWasComment = true;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                open = end < 0;
                pos = end < 0 ? text.length() : end + 2;
                lastWasComment = true;
            } else {
                while (pos < text.length() && !startsPiece(pos)) pos++;
            }
            String piece = text.substring(begin, pos);
            line += (int) piece.chars().filter(ch -> ch == '\n').count();
            return piece;
        }

        private boolean startsPiece(int i) {
            char c = text.charAt(i);
            return c == ';' || c == '\'' || c == '"' || c == '`' || text.startsWith("--", i) || text.startsWith("/*", i);
        }
    }
}
