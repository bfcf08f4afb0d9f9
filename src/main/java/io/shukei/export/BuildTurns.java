package io.shukei.export;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.config.ShukeiConfig;

/**
 * Turns for the large builds (reports in every form, the submissions export): at most
 * shukei.max-concurrent-builds (one by default) run at a time, and other requests wait for a turn. Such
 * a build holds a whole subtree's rows and results until it is written (tens of MB over 10,000 units):
 * without a bound a dozen requests arriving together exhausted a 96 MB heap, and two submission exports
 * of 10,000 units at once still did. The builds are CPU-bound, so waiting costs little time on a machine
 * with few cores.
 */
@ApplicationScoped
public class BuildTurns {

    private final Semaphore permits;

    BuildTurns(ShukeiConfig config) {
        int concurrent = config.maxConcurrentBuilds();
        if (concurrent < 1) {
            throw new IllegalArgumentException("shukei.max-concurrent-builds must be at least 1, not " + concurrent);
        }
        this.permits = new Semaphore(concurrent, true);
    }

    public <T> T run(Supplier<T> build) {
        permits.acquireUninterruptibly();
        try {
            return build.get();
        } finally {
            permits.release();
        }
    }
}
