package io.shukei.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Counters of what the service does, served at {@code /q/metrics} (for example
 * {@code shukei_submissions_received_total}). Each replica counts its own; sum them across replicas.
 */
@Startup
@ApplicationScoped
public class DomainMetrics {

    private final Counter submissionsReceived;
    private final Counter reportsServed;
    private final Counter webhookDeliveries;
    private final Counter webhookFailures;

    public DomainMetrics(MeterRegistry registry) {
        submissionsReceived = Counter.builder("shukei.submissions.received")
                .description("Answer sheets stored (first submissions and corrections)").register(registry);
        reportsServed = Counter.builder("shukei.reports.served")
                .description("Reports tallied and returned").register(registry);
        webhookDeliveries = Counter.builder("shukei.webhook.deliveries")
                .description("Webhook deliveries acknowledged by the receiver").register(registry);
        webhookFailures = Counter.builder("shukei.webhook.failures")
                .description("Webhook delivery attempts that failed").register(registry);
    }

    public void submissionReceived() {
        submissionsReceived.increment();
    }

    public void reportServed() {
        reportsServed.increment();
    }

    public void webhookDelivered() {
        webhookDeliveries.increment();
    }

    public void webhookFailed() {
        webhookFailures.increment();
    }
}
