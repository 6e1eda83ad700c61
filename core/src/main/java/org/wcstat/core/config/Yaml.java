package org.wcstat.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads configuration files strictly, so a typo fails at start with file:line instead of being ignored. */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Yaml() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T read(Path file, Class<T> type) {
        try {
            if (Files.exists(file) && Files.readAllLines(file).stream().allMatch(l -> l.isBlank() || l.strip().startsWith("#") || l.strip().equals("---"))) {
                throw new ConfigException(file + ": the file is empty; see conf/README.md for what it must hold");
            }
            T value = MAPPER.readValue(Files.newBufferedReader(file), type);
            if (value == null) {
                throw new ConfigException(file + ": the file is empty; see conf/README.md for what it must hold");
            }
            if (value instanceof Validated v) {
                v.validate(file);
            }
            return value;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found");
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(file, e), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    static String describe(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where = YamlLocator.locate(file, m.getPath()).map(lc -> file + ":" + lc).orElse(where);
        }
        String path = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " (at " + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[") + ")"
                : "";
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown field '" + u.getPropertyName() + "'; the fields allowed here are "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        } else {
            what = e.getOriginalMessage();
            if (e.getCause() instanceof IllegalArgumentException iae) {
                what = iae.getMessage();
            }
        }
        return where + ": " + what + path;
    }

    /** A configuration object that checks itself after binding; messages are prefixed with the file. */
    public interface Validated {
        void validate(Path file);
    }
}
