package org.wcstat.core.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a configuration file into YAML nodes before anything is bound to it, so that a syntax mistake
 * (a tab, a line indented out of step, an unclosed quote) or a field given twice is reported at its line
 * in the words of the person who wrote the file, not in the parser's.
 */
final class YamlSyntax {
    private YamlSyntax() {
    }

    /** The file's nodes; null for a file without content. */
    static Node compose(Path file) {
        Node root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).compose(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(describe(file, e), e);
        } catch (RuntimeException e) {
            // SnakeYAML reports a malformed stream as a YAMLException with its own words
            throw new ConfigException(file + ": the YAML cannot be read: " + e.getMessage(), e);
        }
        if (root != null) {
            checkNoKeyTwice(file, root, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return root;
    }

    private static void checkNoKeyTwice(Path file, Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (node instanceof MappingNode m) {
            Map<String, Node> keys = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && !k.getValue().equals("<<")) {
                    Node first = keys.putIfAbsent(k.getValue(), k);
                    if (first != null) {
                        throw new ConfigException(where(file, k.getStartMark()) + ": '" + k.getValue() + "' is given twice in this mapping"
                                + " (first on line " + (first.getStartMark().getLine() + 1) + "); only one value can count, so keep one");
                    }
                }
                checkNoKeyTwice(file, t.getValueNode(), seen);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node n : s.getValue()) {
                checkNoKeyTwice(file, n, seen);
            }
        }
    }

    /** A syntax error, where it is and what to do about it, without the parser's vocabulary. */
    static String describe(Path file, MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark mark = e.getProblemMark();
        Mark opened = e.getContextMark();
        if (problem.contains("\\t(TAB)")) {
            return where(file, mark) + ": a tab character; YAML indents with spaces only, so replace it with spaces";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return atLineStartIfFirstColon(file, mark) + ": a 'field: value' where none can start: indent this line like the"
                    + " other fields of its mapping, or put a value that contains ': ' in quotes";
        }
        if (problem.startsWith("expected <block end>") || problem.startsWith("could not find expected ':'")
                || problem.startsWith("did not find expected key")) {
            return where(file, mark) + ": this line is indented out of step with the lines above it: the fields of one mapping,"
                    + " and the '- ' items of one list, start in the same column"
                    + (opened == null ? "" : " (the block it should belong to starts on line " + (opened.getLine() + 1)
                    + ", column " + (opened.getColumn() + 1) + ")");
        }
        if (context.startsWith("while scanning a quoted scalar") && opened != null) {
            return where(file, opened) + ": the quoted text that starts here is never closed; end it with the same quote mark";
        }
        if (context.startsWith("while parsing a flow") && opened != null) {
            String close = context.contains("mapping") ? "}" : "]";
            return where(file, mark) + ": the " + (close.equals("}") ? "{...}" : "[...]") + " opened on line " + (opened.getLine() + 1)
                    + ", column " + (opened.getColumn() + 1) + " is not closed with '" + close + "' before this point;"
                    + " separate its items with ',' and close it on this line or indent the following lines under it";
        }
        if (problem.startsWith("found undefined alias")) {
            return where(file, mark) + ": '*" + problem.substring("found undefined alias".length()).strip()
                    + "' refers to an anchor ('&name') that is not defined above it";
        }
        return where(file, mark) + ": the YAML cannot be read here: " + words(problem) + (context.isEmpty() ? "" : " (" + words(context) + ")");
    }

    /**
     * "mapping values are not allowed" marks the ':'; when it is the first of its line, the field that
     * starts the line is what is out of place, so the message points there.
     */
    private static String atLineStartIfFirstColon(Path file, Mark mark) {
        try {
            List<String> lines = Files.readAllLines(file);
            String line = lines.get(mark.getLine());
            int col = mark.getColumn();
            if (col <= line.length() && !line.substring(0, col).contains(": ")) {
                int indent = 0;
                while (indent < line.length() && line.charAt(indent) == ' ') indent++;
                return file + ":" + (mark.getLine() + 1) + ":" + (indent + 1);
            }
        } catch (IOException | RuntimeException e) {
            // the parser's own position is still right about the line
        }
        return where(file, mark);
    }

    private static String words(String parserText) {
        String s = parserText;
        for (var e : List.of(
                Map.entry("<block end>", "the end of the indented block"),
                Map.entry("<stream end>", "the end of the file"),
                Map.entry("<block mapping start>", "a new field"),
                Map.entry("<block sequence start>", "a new '- ' item"),
                Map.entry("<document start>", "a new document ('---')"))) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    private static String where(Path file, Mark mark) {
        return mark == null ? file.toString() : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
