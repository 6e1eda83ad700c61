package org.wcstat.core.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the line and column of a value in a YAML file by its path of field names and list indexes
 * ({@code extracts, 0, sex, codes, "1"}). Messages about configuration point at the value they reject,
 * not at the record that holds it nor where a parser happened to stand when it noticed.
 *
 * <p>A path is made of field names ({@link String}), list indexes ({@link Integer}) and list items
 * picked by one of their fields ({@link #item}).
 */
public final class YamlLocator {
    private final Path file;
    private final Node root;

    YamlLocator(Path file, Node root) {
        this.file = file;
        this.root = root;
    }

    /** The file's nodes; a file that cannot be read or parsed locates everything at the file alone. */
    public static YamlLocator of(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            return new YamlLocator(file, new org.yaml.snakeyaml.Yaml(new LoaderOptions()).compose(r));
        } catch (Exception e) {
            return new YamlLocator(file, null);
        }
    }

    /** "file:line:column" of the value at the path (or of the nearest enclosing node the path reaches). */
    public static String at(Path file, Object... path) {
        return of(file).at(List.of(path));
    }

    /** "file:line:column" of the field name the path ends in: for a field that should not be there. */
    public static String atKey(Path file, Object... path) {
        return of(file).atKey(List.of(path));
    }

    /** A path step: the item of a list whose field {@code field} is {@code value}. */
    public static Item item(String field, String value) {
        return new Item(field, value);
    }

    public record Item(String field, String value) {
    }

    public String at(List<?> path) {
        Node at = root;
        for (Object step : path) {
            Node next = value(at, step);
            if (next == null) break;
            at = next;
        }
        return where(at);
    }

    public String atKey(List<?> path) {
        if (path.isEmpty()) {
            return at(path);
        }
        Optional<Node> parent = node(path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent.isPresent() && parent.get() instanceof MappingNode m && last instanceof String name) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
                    return where(k);
                }
            }
        }
        return at(path);
    }

    /** The node at the path, if the path reaches all the way. */
    public Optional<Node> node(List<?> path) {
        Node at = root;
        for (Object step : path) {
            at = value(at, step);
            if (at == null) return Optional.empty();
        }
        return Optional.ofNullable(at);
    }

    private String where(Node node) {
        return where(file, node);
    }

    static String where(Path file, Node node) {
        if (node == null) {
            return file.toString();
        }
        return file + ":" + (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1);
    }

    /** " (at extracts[0].region)": the path as a reader finds it in the file, to follow a message's line number. */
    static String suffix(List<?> path) {
        StringBuilder s = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                s.append('[').append(i).append(']');
            } else if (step instanceof Item item) {
                s.append("[").append(item.field()).append('=').append(item.value()).append(']');
            } else {
                if (!s.isEmpty()) s.append('.');
                s.append(step);
            }
        }
        return s.isEmpty() ? "" : " (at " + s + ")";
    }

    private static Node value(Node at, Object step) {
        if (at instanceof MappingNode m && step instanceof String name) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
                    // an empty value has no place of its own: its key is where it is missing
                    return isBlank(t.getValueNode()) ? t.getKeyNode() : t.getValueNode();
                }
            }
            return null;
        }
        if (at instanceof SequenceNode s) {
            if (step instanceof Integer i) {
                return i >= 0 && i < s.getValue().size() ? s.getValue().get(i) : null;
            }
            if (step instanceof Item item) {
                for (Node n : s.getValue()) {
                    if (value(n, item.field()) instanceof ScalarNode v && v.getValue().equals(item.value())) {
                        return n;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isBlank(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && s.getValue().isEmpty();
    }
}
