package io.shukei.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one delivery to the address its target policy checked: the connection goes to that address, while the
 * URL's host name is kept for TLS (SNI and the certificate's name) and the Host header, so nothing resolves the
 * name again. Vert.x's client is used rather than the JDK's, which can do neither, and it is never given a
 * proxy: a proxy would resolve the name itself, and the JVM's proxy settings must not take deliveries past the
 * check. Only the start of the answer is read.
 */
class WebhookSender {

    /** What came of one attempt: the status (null when no answer came), or why it failed, and the answer's start. */
    record Outcome(Integer status, String error, String excerpt) {
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(Vertx vertx, Duration connectTimeout, Duration timeout, HttpClientOptions options) {
        this.vertx = vertx;
        this.timeout = timeout;
        this.client = vertx.createHttpClient(new HttpClientOptions(options)
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setVerifyHost(true)
                .setTrustAll(false)
                .setProxyOptions(null));
    }

    CompletionStage<Outcome> send(TargetPolicy.Target target, Map<String, String> headers, String payload) {
        boolean https = target.uri().getScheme().equalsIgnoreCase("https");
        int port = target.uri().getPort() > 0 ? target.uri().getPort() : https ? 443 : 80;
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setHost(target.uri().getHost()).setPort(port).setSsl(https)
                .setURI(target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery())
                .setFollowRedirects(false).setIdleTimeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        Promise<Outcome> outcome = Promise.promise();
        long timer = vertx.setTimer(timeout.toMillis(), t -> outcome.tryComplete(
                new Outcome(null, "no complete answer within " + timeout.toMillis() + " ms", null)));
        client.request(request)
                .compose(r -> r.send(Buffer.buffer(payload.getBytes(StandardCharsets.UTF_8))))
                .compose(WebhookSender::excerpt)
                .onComplete(result -> {
                    vertx.cancelTimer(timer);
                    outcome.tryComplete(result.succeeded() ? result.result() : new Outcome(null, describe(result.cause()), null));
                });
        return outcome.future().toCompletionStage();
    }

    /** Reads the answer up to the excerpt's length, then lets the rest go (the connection is closed). */
    private static Future<Outcome> excerpt(HttpClientResponse response) {
        int limit = DeliveryQueue.EXCERPT * 4;
        Buffer start = Buffer.buffer();
        Promise<Outcome> read = Promise.promise();
        Runnable done = () -> read.tryComplete(new Outcome(response.statusCode(), null,
                new String(start.getBytes(), 0, Math.min(start.length(), limit), StandardCharsets.UTF_8)));
        response.handler(chunk -> {
            start.appendBuffer(chunk);
            if (start.length() >= limit) {
                done.run();
                response.request().reset();
            }
        });
        response.endHandler(v -> done.run());
        response.exceptionHandler(e -> done.run());
        return read.future();
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
