package org.wcstat.core.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A failure to bind a configuration file, told as what is wrong with the file: an unknown field (and
 * the one probably meant), a missing one, a value of the wrong kind, or a value a record refuses; at
 * the line and column of the field or value itself.
 */
final class BindingErrors {
    private final ObjectMapper mapper;
    private final ConfigShape shape;

    BindingErrors(ObjectMapper mapper) {
        this.mapper = mapper;
        this.shape = new ConfigShape(mapper);
    }

    /** The message for a file whose nodes the locator holds, bound to {@code root}. */
    String describe(YamlLocator locator, Class<?> root, JsonProcessingException e) {
        List<Object> path = e instanceof JsonMappingException m ? path(m) : List.of();
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> allowed = u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return unknown(locator, path, u.getPropertyName(), allowed);
        }
        if (e instanceof ValueInstantiationException v) {
            return refused(locator, path, v.getCause());
        }
        // Jackson has no type of its own for a required field left out, only this message
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Missing required creator property")) {
            return missing(locator, root, path);
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            JavaType target = targetType(root, path).orElse(mapper.constructType(mi.getTargetType()));
            String field = path.isEmpty() ? "the file" : path.get(path.size() - 1) instanceof String f ? "'" + f + "'" : "this item";
            return locator.at(path) + ": " + field + " must be " + shape.expected(target) + ", not "
                    + ConfigShape.found(locator.node(path)) + YamlLocator.suffix(path);
        }
        if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof ConfigException) {
            return refused(locator, path, e.getCause());
        }
        return locator.at(path) + ": cannot read this value (" + withoutJava(e.getOriginalMessage()) + ")" + YamlLocator.suffix(path);
    }

    private static String unknown(YamlLocator locator, List<Object> path, String field, List<String> allowed) {
        return locator.atKey(path) + ": unknown field '" + field + "'" + DidYouMean.hint(field, allowed)
                + "; the fields allowed here are " + String.join(", ", allowed) + YamlLocator.suffix(path);
    }

    private String missing(YamlLocator locator, Class<?> root, List<Object> path) {
        String field = String.valueOf(path.get(path.size() - 1));
        List<Object> owner = path.subList(0, path.size() - 1);
        JavaType type = targetType(root, owner).orElse(null);
        if (type == null) {
            return locator.at(owner) + ": missing field '" + field + "' (required)" + YamlLocator.suffix(path);
        }
        List<String> fields = shape.fields(type);
        // a misspelt field is missing too, but the binding notices the absence first: name the misspelling
        Optional<String> misspelt = keys(locator, owner).stream().filter(k -> !fields.contains(k))
                .min(Comparator.comparing(k -> DidYouMean.nearest(k, List.of(field)).isPresent() ? 0 : 1));
        if (misspelt.isPresent()) {
            List<Object> at = new ArrayList<>(owner);
            at.add(misspelt.get());
            return unknown(locator, at, misspelt.get(), fields.stream().sorted().toList());
        }
        List<String> required = shape.required(type);
        List<String> optional = new ArrayList<>(fields);
        optional.removeAll(required);
        return locator.at(owner) + ": missing field '" + field + "' (required): a mapping here needs " + ConfigShape.list(required)
                + (optional.isEmpty() ? "" : ", and may have " + ConfigShape.list(optional)) + YamlLocator.suffix(path);
    }

    private static List<String> keys(YamlLocator locator, List<Object> path) {
        if (locator.node(path).orElse(null) instanceof MappingNode m) {
            return m.getValue().stream().map(NodeTuple::getKeyNode).filter(k -> k instanceof ScalarNode)
                    .map(k -> ((ScalarNode) k).getValue()).toList();
        }
        return List.of();
    }

    /** A record's constructor refused a value: its message, at the field it names. */
    private static String refused(YamlLocator locator, List<Object> path, Throwable cause) {
        if (cause instanceof ConfigException c) {
            return c.getMessage();
        }
        List<Object> at = new ArrayList<>(path);
        if (cause instanceof InvalidField f) {
            at.addAll(f.path());
        }
        return locator.at(at) + ": " + (cause == null ? "a value is not allowed here" : cause.getMessage()) + YamlLocator.suffix(at);
    }

    /** The type expected at a path below the file's root type, by the declared types of its fields. */
    private Optional<JavaType> targetType(Class<?> root, List<Object> path) {
        JavaType type = mapper.constructType(root);
        for (Object step : path) {
            if (step instanceof Integer && type.isCollectionLikeType()) {
                type = type.getContentType();
            } else if (step instanceof String && type.isMapLikeType()) {
                type = type.getContentType();
            } else if (step instanceof String name && ConfigShape.isRecord(type)) {
                JavaType t = type;
                Optional<JavaType> field = mapper.getDeserializationConfig().introspect(t).findProperties().stream()
                        .filter(p -> p.getName().equals(name)).findFirst().map(p -> p.getPrimaryType());
                if (field.isEmpty()) return Optional.empty();
                type = field.get();
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(type);
    }

    private static List<Object> path(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            path.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
        }
        return path;
    }

    /** A parser message with Java's type names ("`java.lang.String`") put in the reader's words. */
    private static String withoutJava(String message) {
        String s = message == null ? "" : message;
        s = s.replaceAll("`java\\.lang\\.(String|Character)`", "text")
                .replaceAll("`(int|long|short|java\\.lang\\.(Integer|Long|Short))`", "a whole number")
                .replaceAll("`(double|float|java\\.lang\\.(Double|Float))`", "a number")
                .replaceAll("`(boolean|java\\.lang\\.Boolean)`", "true or false")
                .replaceAll("`java\\.util\\.[A-Za-z]*(List|Set)[^`]*`", "a list")
                .replaceAll("`java\\.util\\.[A-Za-z]*Map[^`]*`", "a mapping")
                .replaceAll("`[a-z0-9_.]+\\.([A-Z][A-Za-z0-9]*\\$)*([A-Z][A-Za-z0-9]*)`", "$3")
                .replaceAll("\\s*\\(token `JsonToken\\.[A-Z_]+`\\)", "")
                .replaceAll("\\s*\\(through reference chain:.*\\)", "");
        return s;
    }
}
