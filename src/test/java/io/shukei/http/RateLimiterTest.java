package io.shukei.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(3), 100, nanos::get);

    @Test
    void aKeyGetsItsPermitsThenWaitsForTheNextRefill() {
        assertEquals(2, limiter.acquire("a").remaining());
        assertEquals(1, limiter.acquire("a").remaining());
        RateLimiter.Decision last = limiter.acquire("a");
        assertTrue(last.allowed());
        assertEquals(0, last.remaining());
        assertEquals(3, last.untilFullSeconds());

        nanos.addAndGet(400_000_000L);
        RateLimiter.Decision refused = limiter.acquire("a");
        assertFalse(refused.allowed());
        assertEquals(Duration.ofMillis(600), refused.retryAfter());
        assertEquals(1, refused.retryAfterSeconds());

        nanos.addAndGet(600_000_000L);
        assertTrue(limiter.acquire("a").allowed());
        assertFalse(limiter.acquire("a").allowed());
    }

    @Test
    void keysAreLimitedEachOnTheirOwn() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire("a").allowed());
        }
        assertFalse(limiter.acquire("a").allowed());
        assertTrue(limiter.acquire("b").allowed());
    }

    @Test
    void anIdleKeyIsFullAgainAfterTheWindow() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        RateLimiter.Decision decision = limiter.acquire("a");
        assertTrue(decision.allowed());
        assertEquals(2, decision.remaining());
        assertEquals(1, decision.untilFullSeconds());
    }

    @Test
    void aLimitNeedsPermitsAndAWindow() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, Duration.ofSeconds(1), 10));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, Duration.ZERO, 10));
    }
}
