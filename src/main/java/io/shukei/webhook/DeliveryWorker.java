package io.shukei.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shukei.config.ShukeiConfig;

/**
 * Sends due deliveries. Each poll claims a batch in a short transaction, sends them in parallel
 * outside any transaction (no database connection waits on a receiver), then records each outcome.
 * Any number of instances can poll the same database: a claimed delivery is invisible to the others.
 */
@ApplicationScoped
class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int BATCH = 50;

    private final DeliveryQueue queue;
    private final TargetPolicy targets;
    private final WebhookMetrics metrics;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration lease;

    DeliveryWorker(DeliveryQueue queue, TargetPolicy targets, WebhookMetrics metrics, ShukeiConfig config) {
        Duration connectTimeout = config.webhooks().connectTimeout();
        Duration timeout = config.webhooks().timeout();
        this.queue = queue;
        this.targets = targets;
        this.metrics = metrics;
        this.timeout = timeout;
        // Long enough for the whole batch to be sent and recorded before another instance may take it.
        this.lease = connectTimeout.plus(timeout).multipliedBy(2).plusSeconds(30);
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout).build();
    }

    @Scheduled(identity = "webhook-deliveries", every = "${shukei.webhooks.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        List<DeliveryRepository.Claimed> batch = queue.claim(lease, BATCH);
        CompletableFuture.allOf(batch.stream().map(this::send).toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> send(DeliveryRepository.Claimed d) {
        String refusal = targets.refusal(d.url());
        if (refusal != null) {
            return CompletableFuture.runAsync(() -> record(d, null, "target refused: URL " + refusal, null));
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.url())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Shukei-Webhooks/1")
                .header("webhook-id", d.eventId())
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", Signature.sign(d.secret(), d.eventId(), timestamp, d.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(r -> record(d, r.statusCode(), null, excerpt(r.body())))
                .exceptionally(e -> {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    record(d, null, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null);
                    return null;
                });
    }

    private void record(DeliveryRepository.Claimed d, Integer status, String error, String excerpt) {
        try {
            queue.recordAttempt(d, status, error, excerpt);
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is tried again: at-least-once, never lost.
            LOG.warnf(e, "Outcome of webhook delivery %d not recorded", d.id());
        }
        if (status != null && status / 100 == 2) {
            metrics.delivered();
        } else {
            metrics.failed();
        }
    }

    /** Only the start of the answer is read and kept: receivers' bodies are not stored. */
    private static String excerpt(InputStream body) {
        try (body) {
            return new String(body.readNBytes(DeliveryQueue.EXCERPT * 4), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
