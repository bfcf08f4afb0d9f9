package io.shukei.db;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the supervised embedded PostgreSQL: down only while it cannot be started again, so that
 * whatever runs the service restarts it. A database that is slow or briefly away is readiness' concern.
 */
@Liveness
@ApplicationScoped
class EmbeddedDatabaseCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return report(EmbeddedDatabaseHolder.current());
    }

    static HealthCheckResponse report(EmbeddedDatabase database) {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("Embedded PostgreSQL");
        if (database == null) {
            return check.up().withData("embedded", false).build();
        }
        check.withData("embedded", true).withData("state", database.state().name());
        if (database.state() == EmbeddedDatabase.State.FAILED) {
            return check.down().withData("lastFailure", String.valueOf(database.lastFailure())).build();
        }
        return check.up().build();
    }
}
