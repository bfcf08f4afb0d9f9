package io.shukei.db;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

import io.quarkus.runtime.ShutdownEvent;

import org.jboss.logging.Logger;

/**
 * Stops the embedded server as the last step of Quarkus' shutdown, after in-flight requests have
 * finished, so SIGTERM leaves no PostgreSQL process behind.
 */
@ApplicationScoped
class EmbeddedDatabaseHolder {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseHolder.class);
    private static volatile EmbeddedDatabase database;

    static void hold(EmbeddedDatabase started) {
        database = started;
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDatabase running = database;
        database = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
