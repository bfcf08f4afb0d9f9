package io.shukei;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates JSON response bodies against the schemas of openapi/openapi.yaml with a JSON Schema 2020-12
 * validator: a null where the schema's types have none, a missing required property or a sibling {@code type}
 * that contradicts an {@code anyOf} fails here (the OpenAPI validator of {@link SpecValidation} lets such
 * nulls through).
 */
public final class ResponseSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private record Route(Pattern pattern, JsonNode item, int literals) {
    }

    private final JsonNode spec;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    public ResponseSchemas(Path file) {
        try {
            spec = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spec.get("paths").fields().forEachRemaining(e -> {
            String template = e.getKey();
            String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            routes.add(new Route(Pattern.compile(regex), e.getValue(), template.replaceAll("\\{[^}]+}", "").length()));
        });
        // A literal path (report.csv) wins over a template that would also match it, as in OpenAPI.
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
    }

    /** What is wrong with the body of this response; empty when it matches or is not JSON described by the spec. */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        if (contentType == null || body == null || body.isEmpty()) {
            return List.of();
        }
        String media = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!media.endsWith("json")) {
            return List.of();
        }
        JsonNode operation = routes.stream().filter(r -> r.pattern().matcher(path).matches())
                .map(r -> r.item().get(method.toLowerCase(Locale.ROOT))).filter(o -> o != null).findFirst().orElse(null);
        if (operation == null) {
            return List.of();
        }
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.has("$ref")) {
            response = spec.at(response.get("$ref").asText().substring(1));
        }
        JsonNode schema = response.path("content").path(media).path("schema");
        if (schema.isMissingNode()) {
            return List.of();
        }
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return compiled.computeIfAbsent(schema.toString(), s -> compile(schema)).validate(document).stream()
                .map(ValidationMessage::getMessage).toList();
    }

    /** A schema document of its own with the spec's components beside it, so that its $refs resolve. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", spec.get("components"));
        root.putArray("allOf").add(schema);
        return FACTORY.getSchema(root, CONFIG);
    }
}
