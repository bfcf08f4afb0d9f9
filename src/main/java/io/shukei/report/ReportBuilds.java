package io.shukei.report;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most shukei.report.max-concurrent-builds reports are built at a time; other requests wait for a
 * turn. A build holds a whole subtree's rows, sheets and results until it is written (tens of MB over
 * 10,000 units), so without a bound a dozen first requests arriving together exhausted a 96 MB heap.
 * The builds are CPU-bound, so waiting costs little time on a machine with few cores.
 */
@ApplicationScoped
class ReportBuilds {

    private final Semaphore permits;

    ReportBuilds(@ConfigProperty(name = "shukei.report.max-concurrent-builds", defaultValue = "2") int concurrent) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("shukei.report.max-concurrent-builds must be at least 1, not " + concurrent);
        }
        this.permits = new Semaphore(concurrent, true);
    }

    <T> T run(Supplier<T> build) {
        permits.acquireUninterruptibly();
        try {
            return build.get();
        } finally {
            permits.release();
        }
    }
}
