package org.wcstat.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks HTTP requests and answers against one of Airflow's OpenAPI documents: the operation must exist, path and
 * query parameters must fit their schemas, unknown query parameters are refused, the security scheme must be
 * used, JSON bodies must validate against the schema (read-only fields may not be sent) and answers must have a
 * declared status and a body that fits it.
 *
 * <p>Both documents mark optional values with OpenAPI 3.0's {@code nullable}, which JSON Schema does not know, so
 * the document is rewritten once into plain JSON Schema 2020-12 ({@code type: [t, "null"]}) before validating.
 */
final class OpenApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonNode document;
    private final String prefix;
    private final String documentUri;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<JsonNode, JsonSchema> schemas = new IdentityHashMap<>();

    private OpenApiContract(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        String paths = document.path("paths").fieldNames().next();
        String server = document.path("servers").path(0).path("url").asText("");
        this.prefix = server.startsWith("/") && !paths.startsWith(server) ? server : "";
        try {
            Path normalized = Files.createTempFile("airflow-contract-", ".json");
            normalized.toFile().deleteOnExit();
            JSON.writeValue(normalized.toFile(), document);
            this.documentUri = normalized.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenApiContract load(Path file) {
        try {
            JsonNode document = YAML.readTree(file.toFile());
            return new OpenApiContract(file.getFileName().toString(), toJsonSchema2020(document.deepCopy()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenApiContract airflow2() {
        return Cache.V1;
    }

    static OpenApiContract airflow3() {
        return Cache.V2;
    }

    private static final class Cache {
        static final OpenApiContract V1 = load(Repository.contract("airflow-2-api-v1.openapi.yaml"));
        static final OpenApiContract V2 = load(Repository.contract("airflow-3-api-v2.openapi.yaml"));
    }

    /** Problems with a request; empty when it is one the API accepts. */
    synchronized List<String> checkRequest(String method, String rawPath, String rawQuery, String authorization,
            String contentType, String body) {
        List<String> problems = new ArrayList<>();
        Operation operation = find(method, rawPath, problems);
        if (operation == null) {
            return problems;
        }
        String where = method + " " + rawPath + ": ";
        checkParameters(operation, rawQuery, where, problems);
        checkSecurity(operation, authorization, where, problems);
        checkBody(operation, contentType, body, where, problems);
        return problems;
    }

    /** Problems with an answer to a request; empty when the API may answer that way. */
    synchronized List<String> checkResponse(String method, String rawPath, int status, String body) {
        List<String> problems = new ArrayList<>();
        Operation operation = find(method, rawPath, problems);
        if (operation == null) {
            return problems;
        }
        String where = method + " " + rawPath + " answered " + status + ": ";
        JsonNode responses = operation.node.path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.get("default");
        if (response == null) {
            problems.add(where + "status " + status + " is not declared by " + name);
            return problems;
        }
        JsonNode schema = resolve(response).path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            validate(schema, body, where + "body", problems);
        }
        return problems;
    }

    private record Operation(String template, JsonNode pathItem, JsonNode node, Map<String, String> pathValues) {
    }

    private Operation find(String method, String rawPath, List<String> problems) {
        if (!rawPath.startsWith(prefix)) {
            problems.add(method + " " + rawPath + ": outside " + prefix + " of " + name);
            return null;
        }
        String[] actual = rawPath.substring(prefix.length()).split("/", -1);
        Operation best = null;
        int bestLiterals = -1;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String[] template = entry.getKey().split("/", -1);
            if (template.length != actual.length) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{") && template[i].endsWith("}")) {
                    matches = !actual[i].isEmpty();
                    values.put(template[i].substring(1, template[i].length() - 1), decode(actual[i]));
                } else {
                    matches = template[i].equals(actual[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                JsonNode operation = entry.getValue().get(method.toLowerCase(Locale.ROOT));
                if (operation != null) {
                    best = new Operation(entry.getKey(), entry.getValue(), operation, values);
                    bestLiterals = literals;
                }
            }
        }
        if (best == null) {
            problems.add(method + " " + rawPath + ": no such operation in " + name);
        }
        return best;
    }

    private List<JsonNode> parameters(Operation operation) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode source : List.of(operation.pathItem.path("parameters"), operation.node.path("parameters"))) {
            for (JsonNode parameter : source) {
                JsonNode resolved = resolve(parameter);
                byKey.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private void checkParameters(Operation operation, String rawQuery, String where, List<String> problems) {
        Map<String, List<String>> query = parseQuery(rawQuery);
        List<String> known = new ArrayList<>();
        for (JsonNode parameter : parameters(operation)) {
            String in = parameter.path("in").asText();
            String parameterName = parameter.path("name").asText();
            JsonNode schema = parameter.path("schema");
            if (in.equals("path")) {
                String value = operation.pathValues.get(parameterName);
                if (value == null) {
                    problems.add(where + "path parameter " + parameterName + " is not in the path");
                } else {
                    validate(schema, typed(schema, value), where + "path parameter " + parameterName, problems);
                }
            } else if (in.equals("query")) {
                known.add(parameterName);
                List<String> values = query.get(parameterName);
                if (values == null) {
                    if (parameter.path("required").asBoolean(false)) {
                        problems.add(where + "required query parameter " + parameterName + " is missing");
                    }
                    continue;
                }
                validate(schema, queryValue(parameter, schema, values), where + "query parameter " + parameterName, problems);
            }
        }
        for (String parameterName : query.keySet()) {
            if (!known.contains(parameterName)) {
                problems.add(where + "query parameter " + parameterName + " is not defined for " + operation.template);
            }
        }
    }

    private JsonNode queryValue(JsonNode parameter, JsonNode schema, List<String> values) {
        JsonNode resolved = resolve(schema);
        if (!hasType(resolved, "array")) {
            return values.size() == 1 ? typed(resolved, values.get(0)) : JSON.valueToTree(values);
        }
        boolean explode = parameter.path("explode").asBoolean(true);
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (String value : values) {
            for (String item : explode ? List.of(value) : List.of(value.split(",", -1))) {
                items.add(typed(resolve(resolved.path("items")), item));
            }
        }
        return items;
    }

    private void checkSecurity(Operation operation, String authorization, String where, List<String> problems) {
        JsonNode requirements = operation.node.has("security") ? operation.node.get("security") : document.path("security");
        if (requirements.isEmpty()) {
            return;
        }
        List<String> offered = new ArrayList<>();
        for (JsonNode requirement : requirements) {
            if (requirement.isEmpty()) {
                return;
            }
            for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
                String scheme = names.next();
                String prefixWord = authorizationWord(document.path("components").path("securitySchemes").path(scheme));
                if (prefixWord != null) {
                    offered.add(prefixWord);
                    if (authorization != null && authorization.regionMatches(true, 0, prefixWord + " ", 0, prefixWord.length() + 1)
                            && authorization.length() > prefixWord.length() + 1) {
                        return;
                    }
                }
            }
        }
        if (offered.isEmpty()) {
            // the v2 document's top-level requirement names v1 schemes it never defines; Airflow 3 serves such
            // operations (/api/v2/version) without a login
            return;
        }
        problems.add(where + "no Authorization accepted by " + name + " (expects one of " + offered + ", got "
                + (authorization == null ? "none" : authorization.split(" ")[0] + " …") + ")");
    }

    private static String authorizationWord(JsonNode scheme) {
        String type = scheme.path("type").asText();
        if (type.equals("http")) {
            String word = scheme.path("scheme").asText();
            return word.isEmpty() ? null : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
        }
        return type.equals("oauth2") || type.equals("openIdConnect") ? "Bearer" : null;
    }

    private void checkBody(Operation operation, String contentType, String body, String where, List<String> problems) {
        JsonNode requestBody = resolve(operation.node.path("requestBody"));
        boolean sent = body != null && !body.isEmpty();
        if (requestBody.isMissingNode()) {
            if (sent) {
                problems.add(where + "sends a body, but " + operation.template + " takes none");
            }
            return;
        }
        if (!sent) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add(where + "the required body is missing");
            }
            return;
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problems.add(where + "the body is sent as " + contentType + ", not application/json");
            return;
        }
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        validate(schema, body, where + "body", problems);
        JsonNode json = parse(body, where, problems);
        if (json != null && json.isObject()) {
            JsonNode properties = properties(resolve(schema));
            for (Iterator<String> fields = json.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (properties.path(field).path("readOnly").asBoolean(false)) {
                    problems.add(where + "body field " + field + " is read-only");
                }
            }
        }
    }

    private JsonNode properties(JsonNode schema) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        schema.path("properties").fields().forEachRemaining(e -> merged.set(e.getKey(), resolve(e.getValue())));
        for (JsonNode part : schema.path("allOf")) {
            properties(resolve(part)).fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        }
        return merged;
    }

    private void validate(JsonNode schema, String body, String what, List<String> problems) {
        JsonNode json = parse(body, what + ": ", problems);
        if (json != null) {
            validate(schema, json, what, problems);
        }
    }

    private void validate(JsonNode schema, JsonNode value, String what, List<String> problems) {
        JsonSchema compiled = schemas.computeIfAbsent(schema, s -> factory.getSchema(absoluteRefs(s.deepCopy()), config));
        for (ValidationMessage message : compiled.validate(value)) {
            problems.add(what + ": " + message.getMessage());
        }
    }

    private JsonNode absoluteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                object.put("$ref", documentUri + ref.asText());
            }
            object.fields().forEachRemaining(e -> absoluteRefs(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(this::absoluteRefs);
        }
        return node;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref") && current.get("$ref").asText().startsWith("#/"); depth++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static JsonNode parse(String body, String where, List<String> problems) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            problems.add(where + "not JSON: " + e.getMessage());
            return null;
        }
    }

    private static boolean hasType(JsonNode schema, String type) {
        JsonNode declared = schema.path("type");
        if (declared.isArray()) {
            for (JsonNode one : declared) {
                if (one.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return declared.asText().equals(type);
    }

    /** A query or path string as the JSON value the schema describes, so "abc" for an integer fails. */
    private JsonNode typed(JsonNode schema, String value) {
        JsonNode resolved = resolve(schema);
        if (hasType(resolved, "integer") || hasType(resolved, "number")) {
            try {
                return JSON.readTree(value).isNumber() ? JSON.readTree(value) : TextNode.valueOf(value);
            } catch (IOException e) {
                return TextNode.valueOf(value);
            }
        }
        if (hasType(resolved, "boolean") && (value.equals("true") || value.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
        }
        return TextNode.valueOf(value);
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String segment) {
        // in a path '+' is a literal plus sign, unlike in a form body
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String decodeQuery(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** OpenAPI 3.0's {@code nullable: true} as JSON Schema 2020-12: null becomes one of the allowed types. */
    static JsonNode toJsonSchema2020(JsonNode node) {
        if (node.isArray()) {
            node.forEach(OpenApiContract::toJsonSchema2020);
            return node;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        object.fields().forEachRemaining(e -> toJsonSchema2020(e.getValue()));
        if (object.path("nullable").asBoolean(false)) {
            object.remove("nullable");
            JsonNode type = object.get("type");
            if (type != null && type.isTextual() && !object.has("$ref")) {
                object.set("type", JsonNodeFactory.instance.arrayNode().add(type.asText()).add("null"));
                if (object.has("enum")) {
                    ArrayNode values = (ArrayNode) object.get("enum");
                    boolean hasNull = false;
                    for (JsonNode value : values) {
                        hasNull |= value.isNull();
                    }
                    if (!hasNull) {
                        values.addNull();
                    }
                }
            } else {
                ObjectNode original = object.deepCopy();
                object.removeAll();
                object.set("anyOf", JsonNodeFactory.instance.arrayNode()
                        .add(original)
                        .add(JsonNodeFactory.instance.objectNode().put("type", "null")));
            }
        }
        return object;
    }
}
