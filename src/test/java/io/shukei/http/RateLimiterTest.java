package io.shukei.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60), 100, clock::get);

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void aKeyGetsItsPermitsThenWaitsForTheNextOneToRefill() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire("10.0.0.1").allowed());
        }
        RateLimiter.Decision refused = limiter.acquire("10.0.0.1");
        assertFalse(refused.allowed());
        assertEquals(Duration.ofSeconds(20), refused.retryAfter());
        assertEquals(20, refused.retryAfterSeconds());
        assertTrue(limiter.acquire("10.0.0.2").allowed(), "other keys are not affected");

        advance(Duration.ofSeconds(19));
        assertFalse(limiter.acquire("10.0.0.1").allowed());
        advance(Duration.ofSeconds(1));
        assertTrue(limiter.acquire("10.0.0.1").allowed());
        assertFalse(limiter.acquire("10.0.0.1").allowed());
    }

    @Test
    void aQuietKeyRefillsToItsLimitAndNoFurther() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("k");
        }
        advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire("k").allowed());
        }
        assertFalse(limiter.acquire("k").allowed());
    }

    @Test
    void aLimitNeedsPermitsAndAWindow() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, Duration.ofSeconds(1), 10));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, Duration.ZERO, 10));
    }
}
