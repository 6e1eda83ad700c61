package org.wcstat.airflow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes one path segment: run ids such as {@code manual__2025-01-01T00:00:00+08:00} carry ':' and '+'. */
public final class PathSegment {

    private PathSegment() {
    }

    public static String encode(String value) {
        // URLEncoder targets form bodies: a space becomes '+', which in a path would read as a literal '+'
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
