package io.shukei.submission;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code shukei_submissions_received_total} at {@code /q/metrics}, registered at start so that it reads 0
 * before the first sheet. Each replica counts its own; sum them across replicas.
 */
@Startup
@ApplicationScoped
class SubmissionMetrics {

    private final Counter received;

    SubmissionMetrics(MeterRegistry registry) {
        received = Counter.builder("shukei.submissions.received")
                .description("Answer sheets stored (first submissions and corrections)").register(registry);
    }

    void received() {
        received.increment();
    }
}
