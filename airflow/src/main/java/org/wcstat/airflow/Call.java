package org.wcstat.airflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One REST call: what to send, what it is for (in words, for error messages), and how to recover
 * when Airflow answers 409.
 *
 * @param path path below the server root, with every variable segment already encoded
 * @param body JSON body, or null for none
 */
public record Call(String method, String path, JsonNode body, String purpose, String conflictAdvice) {

    public static Call get(String path, String purpose) {
        return new Call("GET", path, null, purpose, null);
    }

    public static Call send(String method, String path, JsonNode body, String purpose) {
        return new Call(method, path, body, purpose, null);
    }

    public Call onConflict(String advice) {
        return new Call(method, path, body, purpose, advice);
    }
}
