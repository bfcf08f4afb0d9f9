package io.shukei.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.shukei.security.AccessRules;
import io.shukei.security.Role;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the published contract. On every operation: the problems any request can meet, the roles that may
 * call it (from {@link AccessRules}, the same table the request filter enforces), 429 when the caller's quota is
 * used up, and the rate-limit headers of every response. On every object schema, which properties are sent and which may be null, in JSON Schema
 * 2020-12 terms:
 * <ul>
 * <li>A response body sends every property (Jackson writes every record component), so all are {@code required};
 * a record that leaves some out when null ({@code JsonInclude NON_NULL}) names those it always sends with
 * {@code @Schema(requiredProperties = ...)}, and that list is kept.</li>
 * <li>A response property is null only where its component says {@code @Schema(nullable = true)}.</li>
 * <li>A request property that is not required may be omitted or sent as null: both leave the default.</li>
 * <li>A nullable reference is {@code anyOf: [$ref, {type: null}]} without a sibling {@code type} (which would
 * forbid null again); a nullable scalar lists "null" among its types.</li>
 * </ul>
 * It depends on nothing known only at run time, so it runs once at build time and start-up does not filter the
 * document again.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    /** Headers of every response that went through the rate limiter (components.headers in META-INF/openapi.yaml). */
    private static final Map<String, String> RATE_LIMIT_HEADERS = new TreeMap<>(Map.of("RateLimit", "RateLimit",
            "RateLimit-Policy", "RateLimitPolicy")); // sorted, so that the document is the same on every build

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        addIfMissing(operation, "400", "BadRequest");
        addIfMissing(operation, "406", "NotAcceptable");
        if (operation.getRequestBody() != null) {
            addIfMissing(operation, "413", "PayloadTooLarge");
            addIfMissing(operation, "415", "UnsupportedMediaType");
        }

        operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"));
        operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse().ref("TooManyRequests"));
        operation.getResponses().addAPIResponse("500", OASFactory.createAPIResponse().ref("InternalError"));
        operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse().ref("ServiceUnavailable"));
        // 403 also for any role when an identity provider's token carries no Shukei role or unit
        addIfMissing(operation, "403", "Forbidden");
        Set<Role> roles = AccessRules.allowed(operation.getOperationId());
        List<String> names = roles.stream().sorted().map(Role::name).toList();
        operation.addExtension("x-shukei-roles", names);
        String allowed = "Roles: " + (names.isEmpty() ? "none" : String.join(", ", names))
                + " (each limited to its unit's subtree).";
        operation.setDescription(operation.getDescription() == null ? allowed : operation.getDescription() + "\n\n" + allowed);
        return operation;
    }

    /** Every POST takes an Idempotency-Key: a repeat in flight gets 409, a reuse with another body 422. */
    @Override
    public PathItem filterPathItem(PathItem item) {
        Operation post = item.getPOST();
        if (post != null && post.getResponses() != null) {
            addIfMissing(post, "409", "Conflict");
            addIfMissing(post, "422", "Unprocessable");
        }
        return item;
    }

    private static void addIfMissing(Operation operation, String status, String ref) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(ref));
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, APIResponse> shared = openAPI.getComponents().getResponses();
        Set<String> requests = new TreeSet<>();
        Set<String> responses = new TreeSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    reach(operation.getRequestBody().getContent(), schemas, requests);
                }
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    if (response.getRef() == null) {
                        withRateLimitHeaders(response);
                        reach(response.getContent(), schemas, responses);
                    }
                }
            }
        }
        for (APIResponse response : shared.values()) {
            withRateLimitHeaders(response);
            reach(response.getContent(), schemas, responses);
        }
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null) {
                return;
            }
            if (requests.contains(name) && responses.contains(name)) {
                throw new IllegalStateException("Schema " + name + " is used in requests and in responses; "
                        + "give each side a record of its own so that each can say what it requires");
            }
            boolean response = responses.contains(name);
            if (response && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((property, value) -> nullable(value,
                    response ? declaredNullable(value) : !required.contains(property)));
        });
    }

    private static void withRateLimitHeaders(APIResponse response) {
        RATE_LIMIT_HEADERS.forEach((header, component) -> {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(header)) {
                response.addHeader(header, OASFactory.createHeader().ref(component));
            }
        });
    }

    /** Adds the names of the component schemas a body's schemas lead to. */
    private static void reach(Content content, Map<String, Schema> schemas, Set<String> names) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> reach(media.getSchema(), schemas, names, new HashSet<>()));
        }
    }

    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            names.add(name);
            reach(schemas.get(name), schemas, names, seen);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reach(p, schemas, names, seen));
        }
        reach(schema.getItems(), schemas, names, seen);
        reach(schema.getAdditionalPropertiesSchema(), schemas, names, seen);
        Stream.of(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf()).filter(Objects::nonNull)
                .forEach(list -> list.forEach(s -> reach(s, schemas, names, seen)));
    }

    /**
     * SmallRye writes {@code @Schema(nullable = true)} as a "null" among the property's types, or for a bare
     * reference as a {@code {type: null}} branch beside it.
     */
    private static boolean declaredNullable(Schema property) {
        return property.getType() != null && property.getType().contains(Schema.SchemaType.NULL)
                || property.getAnyOf() != null && property.getAnyOf().stream().anyMatch(ContractFilter::isNull);
    }

    private static boolean isNull(Schema schema) {
        return schema.getRef() == null && List.of(Schema.SchemaType.NULL).equals(schema.getType());
    }

    /** Writes whether the property may be null in 2020-12 terms, whatever SmallRye put beside it. */
    private static void nullable(Schema property, boolean nullable) {
        String ref = property.getRef();
        if (ref != null) {
            // the referenced schema says what it is: a sibling type would only repeat it, or forbid null
            property.setType(null);
            if (nullable) {
                property.setRef(null);
                property.setAnyOf(List.of(OASFactory.createSchema().ref(ref),
                        OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            }
        } else if (property.getAnyOf() != null) {
            property.setType(null);
            List<Schema> branches = new ArrayList<>(property.getAnyOf());
            branches.removeIf(ContractFilter::isNull);
            if (nullable) {
                branches.add(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            }
            if (branches.size() == 1 && branches.get(0).getRef() != null) {
                property.setAnyOf(null);
                property.setRef(branches.get(0).getRef());
            } else {
                property.setAnyOf(branches);
            }
        } else if (property.getType() != null) {
            List<Schema.SchemaType> types = new ArrayList<>(property.getType());
            types.remove(Schema.SchemaType.NULL);
            if (nullable) {
                types.add(Schema.SchemaType.NULL);
            }
            property.setType(types);
            if (property.getEnumeration() != null) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.remove(null);
                if (nullable) {
                    values.add(null);
                }
                property.setEnumeration(values);
            }
        }
    }
}
