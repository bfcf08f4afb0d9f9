package io.shukei.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code shukei_webhook_deliveries_total} and {@code shukei_webhook_failures_total} at {@code /q/metrics},
 * registered at start so that they read 0 before the first attempt. Each replica counts its own.
 */
@Startup
@ApplicationScoped
class WebhookMetrics {

    private final Counter deliveries;
    private final Counter failures;

    WebhookMetrics(MeterRegistry registry) {
        deliveries = Counter.builder("shukei.webhook.deliveries")
                .description("Webhook deliveries acknowledged by the receiver").register(registry);
        failures = Counter.builder("shukei.webhook.failures")
                .description("Webhook delivery attempts that failed").register(registry);
    }

    void delivered() {
        deliveries.increment();
    }

    void failed() {
        failures.increment();
    }
}
