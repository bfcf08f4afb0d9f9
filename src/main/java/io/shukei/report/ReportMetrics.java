package io.shukei.report;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code shukei_reports_served_total} at {@code /q/metrics}, registered at start so that it reads 0 before
 * the first report. Each replica counts its own; sum them across replicas.
 */
@Startup
@ApplicationScoped
class ReportMetrics {

    private final Counter served;

    ReportMetrics(MeterRegistry registry) {
        served = Counter.builder("shukei.reports.served").description("Reports tallied and returned").register(registry);
    }

    void served() {
        served.increment();
    }
}
