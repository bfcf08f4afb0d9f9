package io.shukei.contract;

import java.util.List;
import java.util.Set;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.shukei.security.AccessRules;
import io.shukei.security.Role;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Completes the published contract: on every operation the problems any request can meet and the
 * roles that may call it (from {@link AccessRules}, the same table the request filter enforces); on
 * every schema, that optional fields may be null, as the service writes them (OpenAPI 3.1 type lists).
 * It depends on nothing known only at run time, so it runs once at build time and start-up does not
 * filter the document again.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

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
    public Schema filterSchema(Schema schema) {
        if (schema.getProperties() == null) {
            return schema;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                String ref = property.getRef();
                property.setRef(null);
                property.addAnyOf(OASFactory.createSchema().ref(ref));
                property.addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            } else if (property.getType() == null && property.getAnyOf() != null) {
                property.addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            } else if (property.getType() != null && property.getType().size() == 1
                    && SCALARS.contains(property.getType().get(0))) {
                property.addType(Schema.SchemaType.NULL);
                if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                    property.addEnumeration(null);
                }
            }
        });
        return schema;
    }

    private static final Set<Schema.SchemaType> SCALARS = Set.of(Schema.SchemaType.STRING, Schema.SchemaType.INTEGER,
            Schema.SchemaType.NUMBER, Schema.SchemaType.BOOLEAN);
}
