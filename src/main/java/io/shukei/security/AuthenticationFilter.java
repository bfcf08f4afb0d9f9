package io.shukei.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import io.shukei.api.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
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
    private final ManagedExecutor workers;
    private final ThreadContext propagation;
    private final Map<Method, Set<Role>> rulesByMethod = new ConcurrentHashMap<>();

    AuthenticationFilter(ApiKeyService keys, OidcCallers oidc, CurrentCaller current, ManagedExecutor workers,
                         ThreadContext propagation) {
        this.keys = keys;
        this.oidc = oidc;
        this.current = current;
        this.workers = workers;
        this.propagation = propagation;
    }

    /** Null (go on at once) when the caller is known here; otherwise the lookup, which resumes the request. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    Uni<Void> authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw unauthenticated("Send Authorization: Bearer <key>");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw unauthenticated("Only bearer keys are accepted: Authorization: Bearer <key>");
        }
        String remote = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        String token = header.substring(7).trim();
        Set<Role> allowed = rulesByMethod.computeIfAbsent(resource.getResourceMethod(), AuthenticationFilter::rulesOf);
        Caller bootstrap = keys.bootstrapCaller(token, remote);
        if (bootstrap != null || !Context.isOnEventLoopThread()) {
            admit(bootstrap != null ? bootstrap : lookUp(token, remote), allowed);
            return null;
        }
        // A non-blocking endpoint (a sheet PUT) runs its filters on the event loop, where the database and the
        // identity provider may not be waited for: the lookup runs on a worker, in this request's context.
        return Uni.createFrom().completionStage(CompletableFuture.supplyAsync(
                propagation.contextualSupplier(() -> admit(lookUp(token, remote), allowed)), workers));
    }

    private Caller lookUp(String token, String remote) {
        // A JWT (three dot-separated parts) goes to the identity provider when one is configured.
        return oidc.enabled() && token.chars().filter(c -> c == '.').count() == 2
                ? oidc.authenticate(remote)
                : keys.authenticate(token, remote);
    }

    private Void admit(Caller caller, Set<Role> allowed) {
        current.set(caller);
        if (!allowed.contains(caller.role())) {
            throw Access.forbidden("The " + caller.role() + " role may not call this operation");
        }
        return null;
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
