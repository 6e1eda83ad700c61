package org.wcstat.core.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the line and column of a path (extracts[0].tabel) in a YAML file. Jackson reports where its
 * parser stood when it noticed a problem, which for records is the end of the object; the user needs
 * the line of the field itself.
 */
final class YamlLocator {
    private YamlLocator() {
    }

    /** "line:column" (1-based) of the deepest node the path reaches, if the file parses. */
    static Optional<String> locate(Path file, List<JsonMappingException.Reference> path) {
        try (Reader r = Files.newBufferedReader(file)) {
            Node node = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).compose(r);
            Node at = node;
            for (JsonMappingException.Reference ref : path) {
                Node next = step(at, ref);
                if (next == null) break;
                at = next;
            }
            if (at == null) return Optional.empty();
            return Optional.of((at.getStartMark().getLine() + 1) + ":" + (at.getStartMark().getColumn() + 1));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Node step(Node at, JsonMappingException.Reference ref) {
        if (at instanceof MappingNode m && ref.getFieldName() != null) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(ref.getFieldName())) {
                    // the key's own line for a field that should not be there; the value's for a bad value
                    return t.getValueNode() instanceof ScalarNode ? t.getKeyNode() : t.getValueNode();
                }
            }
            return null;
        }
        if (at instanceof SequenceNode s && ref.getIndex() >= 0 && ref.getIndex() < s.getValue().size()) {
            return s.getValue().get(ref.getIndex());
        }
        return null;
    }
}
