package io.shukei.api;

import java.util.List;
import java.util.Set;

import io.shukei.security.AccessRules;
import io.shukei.security.Role;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Completes every API operation in the published contract: the problems any request can meet, the
 * bearer-key requirement, and the roles that may call it (from {@link AccessRules}, the same table the
 * request filter enforces), so no operation forgets them.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"));
        operation.getResponses().addAPIResponse("500", OASFactory.createAPIResponse().ref("InternalError"));
        operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse().ref("ServiceUnavailable"));
        Set<Role> roles = AccessRules.allowed(operation.getOperationId());
        if (roles.size() < Role.values().length) {
            operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
        }
        List<String> names = roles.stream().sorted().map(Role::name).toList();
        operation.addExtension("x-shukei-roles", names);
        String allowed = "Roles: " + (names.isEmpty() ? "none" : String.join(", ", names))
                + " (each limited to its unit's subtree).";
        operation.setDescription(operation.getDescription() == null ? allowed : operation.getDescription() + "\n\n" + allowed);
        return operation;
    }
}
