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
 * <p>
 * A request without an Authorization header that only reads (GET, HEAD) may come from a manager's signed-in
 * browser instead: the session cookie of the pages stands for the key or token it was made from, so that the
 * report, its CSV and xlsx open as links. Writes always need the header (a cookie would make them forgeable
 * across sites). Pages (outside /api) authenticate themselves.
 */
class AuthenticationFilter {

    private final ApiKeyService keys;
    private final OidcCallers oidc;
    private final WebSessions sessions;
    private final CurrentCaller current;
    private final ApiRateLimit limit;
    private final Map<Method, Set<Role>> rulesByMethod = new ConcurrentHashMap<>();

    AuthenticationFilter(ApiKeyService keys, OidcCallers oidc, WebSessions sessions, CurrentCaller current,
                         ApiRateLimit limit) {
        this.keys = keys;
        this.oidc = oidc;
        this.sessions = sessions;
        this.current = current;
        this.limit = limit;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    void authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String remote = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Caller caller;
        try {
            caller = (header == null || header.isBlank()) && readOnly(request.getMethod())
                    && request.getCookies().containsKey(WebSessions.COOKIE)
                    ? session(request.getCookies().get(WebSessions.COOKIE).getValue(), remote)
                    : caller(header, remote);
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

    private Caller session(String cookie, String remote) {
        return sessions.resume(cookie, remote).map(WebSessions.Session::caller)
                .orElseThrow(() -> unauthenticated("The session has ended: sign in again at /manage"));
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

    private static boolean readOnly(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
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
