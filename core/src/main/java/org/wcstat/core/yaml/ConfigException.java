package org.wcstat.core.yaml;

import org.wcstat.core.WcstatException;

/** A configuration file is missing or wrong; the message names the file, the line and the fix. */
public class ConfigException extends WcstatException {
    public ConfigException(String message) {
        super(Kind.CONFIGURATION, message);
    }

    public ConfigException(String message, Throwable cause) {
        super(Kind.CONFIGURATION, message, cause);
    }
}
