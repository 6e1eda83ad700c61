package org.wcstat.core.config;

/** A configuration file is missing or wrong; the message names the file, the line and the fix. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
