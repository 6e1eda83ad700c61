package org.wcstat.core.config;

import org.wcstat.core.yaml.ConfigException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A credential named in configuration but never written there: it is taken from an environment
 * variable or a secret file. Only a default may be written, and only for embedded demo databases.
 */
public record Secret(
        @JsonProperty("env") String env,
        @JsonProperty("file") String file,
        @JsonProperty("default") String fallback) {

    public String resolve(Map<String, String> environment, String what) {
        if (env != null) {
            String v = environment.get(env);
            if (v != null) {
                return v;
            }
        }
        if (file != null) {
            Path p = Path.of(expandHome(file));
            if (Files.isReadable(p)) {
                try {
                    return Files.readString(p).strip();
                } catch (IOException e) {
                    throw new ConfigException(what + ": cannot read secret file " + p + " (" + e.getMessage() + ")");
                }
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw new ConfigException(what + " is not set: export " + (env == null ? "it" : env)
                + (file == null ? "" : " or write it to " + file));
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    @Override
    public String toString() {
        // never the value: this object may end up in a log line
        return "Secret[env=" + env + ", file=" + file + "]";
    }
}
