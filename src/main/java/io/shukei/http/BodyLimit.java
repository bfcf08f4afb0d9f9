package io.shukei.http;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.shukei.config.ShukeiConfig;
import io.shukei.problem.Problem;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;


/**
 * Reads request bodies whole on the event loop, within the size limit, before any resource runs, and
 * answers an oversize body with a 413 problem document instead of Vert.x's bare 413.
 * <p>
 * Reading first matters for speed: a blocking resource that reads its body itself parks its worker
 * thread until the event loop has the chunks, about two thread switches per request; a body already
 * in memory is parsed from there. Every body the API accepts is JSON of at most the limit (1 MiB by default).
 * HTTP/2 requests are left to the streaming read (see below).
 * <p>
 * Its failure handler also ends the routing of a request whose client has gone, so that Quarkus' error
 * handler does not log it as a server error (io.shukei.problem.FailureProblems does the same in the resource layer).
 */
@ApplicationScoped
class BodyLimit {

    /** Media types of the files the API takes (unit tree imports), which may be larger than a JSON body. */
    private static final List<String> UPLOADS = List.of("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final long limit;
    private final long uploadLimit;

    BodyLimit(ShukeiConfig config) {
        this.limit = config.http().maxBodySize().asLongValue();
        this.uploadLimit = config.http().maxUploadSize().asLongValue();
    }

    void install(@Observes Router router) {
        // After SecurityHeaders (Integer.MIN_VALUE), so that a refusal here carries its headers too.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::checkDeclaredLength);
        // Preallocated, so that an empty body is an empty buffer: with none, the resource layer would wait
        // for a body the handler has already consumed.
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limit).setPreallocateBodyBuffer(true);
        // JSON only: for form and multipart types the handler would decode the body as a form; those are
        // left to the resource layer, which refuses them with 415.
        router.route().order(Integer.MIN_VALUE + 2).method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .consumes("application/json").consumes("application/merge-patch+json")
                .handler(ctx -> {
                    // HTTP/2 requests keep the streaming read: the resource layer pauses every request it
                    // takes, which Vert.x refuses for an HTTP/2 request already read to its end.
                    if (ctx.request().version() == HttpVersion.HTTP_2) {
                        ctx.next();
                    } else {
                        bodies.handle(ctx);
                    }
                });
        router.route().failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                tooLarge(ctx);
            } else if (!(ctx.failure() instanceof HttpClosedException) && !ctx.response().closed()) {
                ctx.next();
            }
            // Otherwise the client went away: there is no one to answer, and it is not a server error to log.
        });
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limitOf(ctx)) {
                    tooLarge(ctx);
                    return;
                }
            } catch (NumberFormatException e) {
                // A malformed length is left to the HTTP layer, which refuses it.
            }
        }
        ctx.next();
    }

    /**
     * The limit of the request's body: a file upload's, or the JSON one. Quarkus' own limit (which counts the bytes
     * of a body sent without a length) is the upload limit; bodies of every other type are read whole by the JSON
     * handler within the JSON limit, or refused by the resource layer before they are read (415).
     */
    private long limitOf(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null) {
            String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (UPLOADS.contains(bare)) {
                return uploadLimit;
            }
        }
        return limit;
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // HTTP/1.1 has no other way to stop the rest of the body; HTTP/2 forbids the header (the stream is
            // reset with a protocol error instead of answered) and ends the stream by itself.
            ctx.response().putHeader("Connection", "close");
        }
        ctx.response().end(new JsonObject().put("type", "/problems/payload-too-large").put("title", "Payload too large")
                        .put("status", 413).put("detail", "The body is larger than the limit of " + limitOf(ctx) + " bytes")
                        .encode());
    }
}
