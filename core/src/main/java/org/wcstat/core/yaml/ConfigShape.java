package org.wcstat.core.yaml;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a configuration type looks like to the person writing its file: the fields it allows and
 * requires, and what a value of it is ("a whole number", "a list"), in their words rather than Java's.
 */
final class ConfigShape {
    private final ObjectMapper mapper;

    ConfigShape(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The fields a mapping of this type may have, as written in YAML, in declaration order. */
    List<String> fields(JavaType type) {
        return properties(type).stream().map(BeanPropertyDefinition::getName).toList();
    }

    List<String> required(JavaType type) {
        return properties(type).stream().filter(BeanPropertyDefinition::isRequired).map(BeanPropertyDefinition::getName).toList();
    }

    private List<BeanPropertyDefinition> properties(JavaType type) {
        if (!isRecord(type)) {
            return List.of();
        }
        return mapper.getDeserializationConfig().introspect(type).findProperties();
    }

    /** A record (or bean) read from a YAML mapping, rather than a scalar, a list or a map of names. */
    static boolean isRecord(JavaType type) {
        Class<?> c = type.getRawClass();
        return !type.isContainerType() && !type.isPrimitive() && !c.isEnum() && !c.getName().startsWith("java.");
    }

    /** What a value of the type is, e.g. "a whole number" or "a mapping with the fields ...". */
    String expected(JavaType type) {
        Class<?> c = type.getRawClass();
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class || c == Short.class
                || c == BigInteger.class) {
            return "a whole number";
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class) {
            return "a number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c == String.class) {
            return "a single text value";
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "a list ([a, b], or one '- ' item per line)";
        }
        if (type.isMapLikeType()) {
            return "a mapping of names to values ({name: value}, or one 'name: value' per line)";
        }
        if (isRecord(type)) {
            String mapping = "a mapping with the fields " + String.join(", ", fields(type));
            return acceptsText(c) ? "a code, or " + mapping : mapping;
        }
        return "a " + c.getSimpleName();
    }

    /** A record that a single word stands for, too (a fixed code instead of a column with codes). */
    private static boolean acceptsText(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> isTextCreator(m));
    }

    private static boolean isTextCreator(Method m) {
        return Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonCreator.class)
                && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class;
    }

    /** What was written instead, e.g. "'zero'", "a list", "nothing". */
    static String found(Optional<Node> node) {
        if (node.isEmpty()) {
            return "something else";
        }
        Node n = node.get();
        if (n instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) && (s.getValue().isEmpty() || s.getValue().equals("~")) ? "nothing" : "'" + s.getValue() + "'";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        return "something else";
    }

    /**
     * Refuses a required field written without a value ({@code table:} and nothing after it): the
     * binding would take it as given and the record would meet a null it cannot name.
     */
    void checkRequiredValues(Path file, Node node, JavaType type, List<Object> path) {
        if (node == null) {
            return;
        }
        if (node instanceof SequenceNode s && type.isCollectionLikeType()) {
            for (int i = 0; i < s.getValue().size(); i++) {
                checkRequiredValues(file, s.getValue().get(i), type.getContentType(), append(path, i));
            }
        } else if (node instanceof MappingNode m && type.isMapLikeType()) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    checkRequiredValues(file, t.getValueNode(), type.getContentType(), append(path, k.getValue()));
                }
            }
        } else if (node instanceof MappingNode m && isRecord(type)) {
            List<BeanPropertyDefinition> props = properties(type);
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
                Optional<BeanPropertyDefinition> prop = props.stream().filter(p -> p.getName().equals(k.getValue())).findFirst();
                if (prop.isEmpty()) continue;
                List<Object> at = append(path, k.getValue());
                if (isNull(t.getValueNode()) && prop.get().isRequired()) {
                    throw new ConfigException(YamlLocator.where(file, k) + ": field '" + k.getValue() + "' has no value, but it is required: "
                            + "give it " + expected(prop.get().getPrimaryType()) + YamlLocator.suffix(at));
                }
                checkRequiredValues(file, t.getValueNode(), prop.get().getPrimaryType(), at);
            }
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> p = new ArrayList<>(path);
        p.add(step);
        return p;
    }

    /** "a, b and c". */
    static String list(Collection<String> names) {
        List<String> l = List.copyOf(names);
        if (l.size() <= 1) return String.join("", l);
        return String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
    }
}
