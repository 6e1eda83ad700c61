package org.wcstat.cli.sql;

import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The interactive `wcstat sql`: a statement may run over several lines and ends with ';'; the history
 * (one entry per statement) is kept between sessions in a file. quit, exit or Ctrl-D leaves.
 */
public final class Shell {
    private static final Set<String> QUIT = Set.of("quit", "exit", "\\q", "quit;", "exit;");

    private final Terminal terminal;
    private final SqlRunner runner;
    private final Path history;

    public Shell(Terminal terminal, SqlRunner runner, Path history) {
        this.terminal = terminal;
        this.runner = runner;
        this.history = history;
    }

    public void run(String banner) throws IOException {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("wcstat")
                .parser(new StatementParser())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P    -> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        PrintWriter out = terminal.writer();
        out.println(banner);
        out.println("End a statement with ';'. quit, exit or Ctrl-D leaves.");
        out.flush();
        try {
            while (true) {
                String input;
                try {
                    input = reader.readLine("wcstat> ");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C drops the statement being typed
                } catch (EndOfFileException e) {
                    break;
                }
                String text = input.strip();
                if (QUIT.contains(text.toLowerCase(Locale.ROOT))) break;
                for (Statements.Statement s : Statements.split(text)) {
                    runner.run(s.sql(), null);
                }
            }
        } finally {
            reader.getHistory().save();
        }
    }

    /** Tells JLine a line is unfinished until its statement's ';', so Enter continues on the next line. */
    private static final class StatementParser extends DefaultParser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            String text = line.strip();
            if (context == ParseContext.ACCEPT_LINE && !text.isEmpty()
                    && !QUIT.contains(text.toLowerCase(Locale.ROOT)) && !Statements.complete(line)) {
                throw new EOFError(-1, cursor, "the statement ends with ;");
            }
            return super.parse(line, cursor, context);
        }
    }
}
