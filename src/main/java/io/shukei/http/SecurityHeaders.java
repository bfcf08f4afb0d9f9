package io.shukei.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every response of the service carries, whatever answered it (pages, the API, health, static files).
 * <ul>
 * <li>Pages get a Content-Security-Policy that allows scripts and styles from the service only (no inline script or
 * style) and forms posting back to it.</li>
 * <li>HTML documents of the API (the printable report and the other self-contained documents) carry their CSS inline
 * so that they can be saved, mailed and printed as one file: they may use inline styles, and nothing else — no
 * script, no request anywhere.</li>
 * <li>Swagger UI, Quarkus' own page, starts itself with an inline script: it alone may run one.</li>
 * <li>No page may be framed, no Referer leaves the service (an invitation link's secret must not reach another
 * site), no response is sniffed into another type; HSTS once the request came over TLS.</li>
 * </ul>
 */
@ApplicationScoped
class SecurityHeaders {

    static final String PAGES = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String DOCUMENTS = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    static final String SWAGGER_UI = "default-src 'none'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onEveryRequest);
    }

    private void onEveryRequest(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path() == null ? "" : request.path();
        boolean secure = request.isSSL() || "https".equalsIgnoreCase(request.scheme());
        ctx.addHeadersEndHandler(v -> decorate(ctx.response().headers(), path, secure));
        ctx.next();
    }

    static void decorate(MultiMap headers, String path, boolean secure) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Content-Security-Policy", policy(path, headers.get("Content-Type")));
        if (secure) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
    }

    static String policy(String path, String contentType) {
        if (path.startsWith("/q/swagger-ui")) {
            return SWAGGER_UI;
        }
        boolean html = contentType != null && contentType.regionMatches(true, 0, "text/html", 0, 9);
        return html && path.startsWith("/api/") ? DOCUMENTS : PAGES;
    }
}
