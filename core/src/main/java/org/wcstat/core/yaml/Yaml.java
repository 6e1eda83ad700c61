package org.wcstat.core.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads configuration files strictly, so that a typo fails at start with file:line:column and what to
 * change instead of being ignored: the YAML first (syntax, a field given twice), then its binding to
 * the configuration's records, then the record's own checks ({@link Validated}).
 */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // 2.5 for a whole number is a mistake to report, not a value to round down
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private static final BindingErrors ERRORS = new BindingErrors(MAPPER);
    private static final ConfigShape SHAPE = new ConfigShape(MAPPER);

    private Yaml() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T read(Path file, Class<T> type) {
        Node root = YamlSyntax.compose(file);
        if (root == null || root instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            throw new ConfigException(file + ": the file is empty; see conf/README.md for what it must hold");
        }
        SHAPE.checkRequiredValues(file, root, MAPPER.constructType(type), List.of());
        T value;
        try (Reader r = Files.newBufferedReader(file)) {
            value = MAPPER.readValue(r, type);
        } catch (JsonProcessingException e) {
            throw new ConfigException(ERRORS.describe(new YamlLocator(file, root), type, e), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (value instanceof Validated v) {
            try {
                v.validate(file);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": " + e.getMessage(), e);
            }
        }
        return value;
    }

    /**
     * A configuration object that checks itself after binding. Its messages start with the place of the
     * value they reject, {@code YamlLocator.at(file, field, ...)}, as every configuration error does.
     */
    public interface Validated {
        void validate(Path file);
    }
}
