package io.shukei.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.shukei.config.ShukeiConfig;


/** The worker's short transactions: claiming due deliveries and recording each attempt. */
@ApplicationScoped
@Transactional
class DeliveryQueue {

    static final int EXCERPT = 200;

    private final DeliveryRepository deliveries;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final int maxAttempts;

    DeliveryQueue(DeliveryRepository deliveries, ShukeiConfig config) {
        this.deliveries = deliveries;
        this.firstRetry = config.webhooks().firstRetry();
        this.maxRetry = config.webhooks().maxRetryDelay();
        this.maxAttempts = config.webhooks().maxAttempts();
    }

    List<DeliveryRepository.Claimed> claim(Duration lease, int limit) {
        OffsetDateTime now = now();
        // Microseconds, as PostgreSQL stores them, so the lease read back compares equal.
        return deliveries.claim(now, now.plus(lease).truncatedTo(ChronoUnit.MICROS), limit);
    }

    /**
     * Records one attempt: delivered on 2xx, otherwise retried after firstRetry × 2^(attempts-1),
     * capped at maxRetry, until maxAttempts. {@code statusCode} is null when no answer came.
     * A delivery queued again while this attempt was under way (a retry request, or a lease that ran
     * out) keeps its new place in the queue: the attempt is counted, its outcome is not recorded (a later
     * attempt's outcome stands).
     */
    void recordAttempt(DeliveryRepository.Claimed claim, Integer statusCode, String error, String excerpt) {
        Delivery d = deliveries.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            return; // the subscription was deleted while sending
        }
        d.attempts++;
        if (d.status != DeliveryStatus.PENDING || d.nextAttemptAt == null || !d.nextAttemptAt.isEqual(claim.lease())) {
            return;
        }
        OffsetDateTime now = now();
        d.lastAttemptAt = now;
        d.lastStatusCode = statusCode;
        d.lastError = error == null ? null : truncate(error, 500);
        d.responseExcerpt = excerpt == null || excerpt.isEmpty() ? null : truncate(excerpt, EXCERPT);
        if (statusCode != null && statusCode / 100 == 2) {
            d.status = DeliveryStatus.DELIVERED;
            d.nextAttemptAt = null;
        } else if (d.attempts >= maxAttempts) {
            d.status = DeliveryStatus.FAILED;
            d.nextAttemptAt = null;
        } else {
            d.nextAttemptAt = now.plus(backoff(d.attempts));
        }
    }

    Duration backoff(int attempts) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 30));
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
