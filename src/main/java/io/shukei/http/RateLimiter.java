package io.shukei.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A keyed limit of {@code permits} per {@code window} (a token bucket per key, refilled evenly over the window):
 * API callers, sign-in attempts, invitation links. Keys are kept in memory, at most {@code maxKeys} of them, each
 * until its bucket would be full again; every instance limits on its own.
 */
public final class RateLimiter {

    /**
     * Whether a request may go ahead, and if not, when it may be tried again.
     *
     * @param remaining  permits left after this one
     * @param untilFull  until the bucket is full again
     */
    public record Decision(boolean allowed, Duration retryAfter, int remaining, Duration untilFull) {

        /** Whole seconds for a Retry-After header, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, ceilSeconds(retryAfter));
        }

        /** Whole seconds until the bucket is full again (0 when it is). */
        public long untilFullSeconds() {
            return ceilSeconds(untilFull);
        }

        private static long ceilSeconds(Duration duration) {
            return (duration.toMillis() + 999) / 1000;
        }
    }

    private final int permits;
    private final Duration window;
    private final long nanosPerPermit;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(int permits, Duration window, int maxKeys) {
        this(permits, window, maxKeys, Ticker.systemTicker());
    }

    RateLimiter(int permits, Duration window, int maxKeys, Ticker ticker) {
        if (permits < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("A limit needs at least one permit in a positive window");
        }
        this.permits = permits;
        this.window = window;
        this.nanosPerPermit = Math.max(1, window.toNanos() / permits);
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).ticker(ticker)
                .expireAfterAccess(window.toNanos(), TimeUnit.NANOSECONDS).build();
    }

    public int permits() {
        return permits;
    }

    public Duration window() {
        return window;
    }

    /** Takes one permit for the key when one is left. */
    public Decision acquire(String key) {
        Bucket bucket = buckets.get(key, k -> new Bucket(permits, ticker.read()));
        synchronized (bucket) {
            long now = ticker.read();
            long refilled = (now - bucket.updated) / nanosPerPermit;
            if (refilled > 0) {
                bucket.tokens = (int) Math.min(permits, bucket.tokens + refilled);
                bucket.updated = bucket.tokens == permits ? now : bucket.updated + refilled * nanosPerPermit;
            }
            boolean allowed = bucket.tokens > 0;
            if (allowed) {
                bucket.tokens--;
            }
            // the next permit comes one period after the last refill; the others one period apart after it
            long nextPermit = bucket.updated + nanosPerPermit - now;
            Duration untilFull = bucket.tokens == permits ? Duration.ZERO
                    : Duration.ofNanos(nextPermit + (permits - bucket.tokens - 1) * nanosPerPermit);
            return new Decision(allowed, allowed ? Duration.ZERO : Duration.ofNanos(nextPermit), bucket.tokens, untilFull);
        }
    }

    private static final class Bucket {
        int tokens;
        long updated;

        Bucket(int tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
