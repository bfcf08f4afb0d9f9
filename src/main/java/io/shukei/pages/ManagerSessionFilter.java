package io.shukei.pages;

import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import io.shukei.security.WebSessions;
import io.vertx.core.http.HttpServerRequest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests to /manage need a usable session: without one the browser is sent to the sign-in page; with one the
 * request acts with the role and scope of the key or token the session was made from.
 */
class ManagerSessionFilter {

    private final WebSessions sessions;
    private final ManagerSession current;

    ManagerSessionFilter(WebSessions sessions, ManagerSession current) {
        this.sessions = sessions;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    Response resume(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/manage/") || path.startsWith("/manage/sign-in")) {
            return null;
        }
        Cookie cookie = request.getCookies().get(WebSessions.COOKIE);
        Optional<WebSessions.Session> session = cookie == null ? Optional.empty()
                : sessions.resume(cookie.getValue(), Page.remote(http));
        if (session.isEmpty()) {
            String lang = request.getUriInfo().getQueryParameters().getFirst("lang");
            return Page.seeOther("/manage/sign-in?ended=" + (cookie != null) + ("en".equals(lang) ? "&lang=en" : ""));
        }
        current.set(session.get());
        return null;
    }
}
