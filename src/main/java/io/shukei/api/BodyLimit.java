package io.shukei.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversize body with a 413 problem document. Vert.x enforces the limit before any
 * resource runs; this turns its bare 413 into the same problem+json every other error uses.
 */
@ApplicationScoped
class BodyLimit {

    private final long limit;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                tooLarge(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    tooLarge(ctx);
                    return;
                }
            } catch (NumberFormatException e) {
                // A malformed length is left to the HTTP layer, which refuses it.
            }
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().setStatusCode(413).putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                .putHeader("Connection", "close")
                .end(new JsonObject().put("type", "/problems/payload-too-large").put("title", "Payload too large")
                        .put("status", 413).put("detail", "The body is larger than the limit of " + limit + " bytes")
                        .encode());
    }
}
