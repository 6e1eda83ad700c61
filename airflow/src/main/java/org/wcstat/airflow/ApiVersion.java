package org.wcstat.airflow;

import java.util.Locale;

/** The stable REST API generations: v1 on Airflow 2, v2 on Airflow 3. */
public enum ApiVersion {
    V1("/api/v1"),
    V2("/api/v2");

    private final String prefix;

    ApiVersion(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public static ApiVersion parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "v1", "1", "airflow2" -> V1;
            case "v2", "2", "airflow3" -> V2;
            default -> throw new IllegalArgumentException("unknown API version '" + text + "': use v1 (Airflow 2) or v2 (Airflow 3)");
        };
    }
}
