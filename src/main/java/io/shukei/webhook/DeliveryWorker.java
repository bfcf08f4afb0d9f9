package io.shukei.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shukei.config.ShukeiConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;

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
    private final WebhookSender sender;
    private final Duration lease;

    DeliveryWorker(DeliveryQueue queue, TargetPolicy targets, WebhookMetrics metrics, ShukeiConfig config, Vertx vertx) {
        Duration connectTimeout = config.webhooks().connectTimeout();
        Duration timeout = config.webhooks().timeout();
        this.queue = queue;
        this.targets = targets;
        this.metrics = metrics;
        // Long enough for the whole batch to be sent and recorded before another instance may take it.
        this.lease = connectTimeout.plus(timeout).multipliedBy(2).plusSeconds(30);
        this.sender = new WebhookSender(vertx, connectTimeout, timeout, new HttpClientOptions());
    }

    @Scheduled(identity = "webhook-deliveries", every = "${shukei.webhooks.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        List<DeliveryRepository.Claimed> batch = queue.claim(lease, BATCH);
        CompletableFuture.allOf(batch.stream().map(this::send).toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> send(DeliveryRepository.Claimed d) {
        TargetPolicy.Target target;
        try {
            target = targets.target(d.url());
        } catch (TargetPolicy.Refused refused) {
            return CompletableFuture.runAsync(() -> record(d, null, "target refused: URL " + refused.getMessage(), null));
        }
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of("Content-Type", "application/json", "User-Agent", "Shukei-Webhooks/1",
                "webhook-id", d.eventId(), "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", Signature.sign(d.secret(), d.eventId(), timestamp, d.payload()));
        // Recorded on a worker thread: the answer arrives on an event loop, which must not wait for the database.
        return sender.send(target, headers, d.payload()).toCompletableFuture()
                .thenAcceptAsync(o -> record(d, o.status(), o.error(), o.excerpt()));
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
}
