package io.shukei.submission;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.api.ProblemException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.threads.ViewExecutor;

/**
 * Turns for sheet writes: at most shukei.max-concurrent-writes of them (as many as the database pool has
 * connections, by default) run at a time, on Quarkus' worker threads; the others wait in a queue without
 * a thread. A write that waited longer than a connection may be waited for is refused with 503, as it
 * would have been by the pool.
 * <p>
 * Why: a thread that finishes a write runs the next queued one itself, where otherwise every write woke
 * a parked worker and the writes beyond the connections parked again on the pool (README, Performance).
 * Only writes whose body has been read and validated take turns, so a slow client never holds one, and
 * every other request keeps the whole worker pool.
 */
@ApplicationScoped
class WriteTurns {

    private final Executor turns;
    private final ThreadContext propagation;
    private final long maxWaitNanos;

    WriteTurns(ManagedExecutor workers, ThreadContext propagation,
               @ConfigProperty(name = "shukei.max-concurrent-writes") int concurrent,
               @ConfigProperty(name = "quarkus.datasource.jdbc.acquisition-timeout") Duration maxWait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("shukei.max-concurrent-writes must be at least 1, not " + concurrent);
        }
        this.turns = ViewExecutor.builder(workers).setMaxSize(concurrent).setQueueLimit(Integer.MAX_VALUE).build();
        this.propagation = propagation;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Runs the write in its turn, in the request's context (its caller, its audit record). */
    <T> CompletionStage<T> run(Supplier<T> write) {
        long queued = System.nanoTime();
        Supplier<T> inTurn = () -> {
            if (System.nanoTime() - queued > maxWaitNanos) {
                throw ProblemException.unavailable("Too many sheets are waiting to be written; retry shortly");
            }
            return write.get();
        };
        // Captured here, on the request's thread: the thread that runs it may have come from another write.
        return CompletableFuture.supplyAsync(propagation.contextualSupplier(inTurn), turns);
    }
}
