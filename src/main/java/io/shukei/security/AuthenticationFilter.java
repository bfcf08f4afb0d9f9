package io.shukei.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import io.shukei.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every API request by its bearer key (or an OIDC token) and refuses operations the caller's role may
 * not call (function-level authorisation). Object-level checks follow in the services via {@link Access}.
 */
class AuthenticationFilter {

    private final ApiKeyService keys;
    private final OidcCallers oidc;
    private final CurrentCaller current;
    private final ApiRateLimit limit;
    private final Map<Method, Set<Role>> rulesByMethod = new ConcurrentHashMap<>();

    AuthenticationFilter(ApiKeyService keys, OidcCallers oidc, CurrentCaller current, ApiRateLimit limit) {
        this.keys = keys;
        this.oidc = oidc;
        this.current = current;
        this.limit = limit;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    void authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        String remote = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Caller caller;
        try {
            caller = caller(request.getHeaderString(HttpHeaders.AUTHORIZATION), remote);
        } catch (ProblemException refused) {
            // counted against the address, so that guessing credentials runs into the quota too
            limit.take(request, "address " + remote);
            throw refused;
        }
        limit.take(request, caller.actorType() + " " + caller.actorId());
        current.set(caller);
        Set<Role> allowed = rulesByMethod.computeIfAbsent(resource.getResourceMethod(), AuthenticationFilter::rulesOf);
        if (!allowed.contains(caller.role())) {
            throw Access.forbidden("The " + caller.role() + " role may not call this operation");
        }
    }

    private Caller caller(String header, String remote) {
        if (header == null || header.isBlank()) {
            throw unauthenticated("Send Authorization: Bearer <key>");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw unauthenticated("Only bearer keys are accepted: Authorization: Bearer <key>");
        }
        String token = header.substring(7).trim();
        // A JWT (three dot-separated parts) goes to the identity provider when one is configured.
        return oidc.enabled() && token.chars().filter(c -> c == '.').count() == 2
                ? oidc.authenticate(remote)
                : keys.authenticate(token, remote);
    }

    private static Set<Role> rulesOf(Method method) {
        Operation operation = method.getAnnotation(Operation.class);
        return operation == null ? Set.of() : AccessRules.allowed(operation.operationId());
    }

    static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "/problems/unauthenticated", "Unauthenticated", detail, null)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"shukei\"");
    }
}
