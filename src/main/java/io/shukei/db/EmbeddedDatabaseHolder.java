package io.shukei.db;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.jboss.logging.Logger;

/**
 * Stops the embedded server as the last step of Quarkus' shutdown, after in-flight requests have
 * finished, so SIGTERM leaves no PostgreSQL process behind and no request loses its database. A JVM
 * shutdown hook is the safety net for a start that failed before Quarkus could shut down in order.
 */
@ApplicationScoped
class EmbeddedDatabaseHolder {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseHolder.class);
    /** Longer than quarkus.shutdown.timeout: the orderly stop always comes first when Quarkus runs. */
    private static final long ORDERLY_STOP_WAIT_SECONDS = 120;
    private static final CountDownLatch CLOSED = new CountDownLatch(1);
    private static volatile EmbeddedDatabase database;
    private static volatile boolean quarkusStarted;

    static void hold(EmbeddedDatabase started) {
        database = started;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (quarkusStarted) {
                    CLOSED.await(ORDERLY_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeIfHeld();
        }, "embedded-postgres-stop"));
    }

    /** The embedded server when the service runs one, else null. */
    static EmbeddedDatabase current() {
        return database;
    }

    /**
     * When the supervised server dies, every pooled connection to it is dead too: they are closed at
     * once (those in use when they come back), so that requests after the restart get new ones.
     */
    void onStart(@Observes StartupEvent event, AgroalDataSource dataSource) {
        quarkusStarted = true;
        EmbeddedDatabase running = database;
        if (running != null) {
            running.onDeath(() -> dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL));
        }
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        closeIfHeld();
    }

    private static synchronized void closeIfHeld() {
        EmbeddedDatabase running = database;
        database = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
        CLOSED.countDown();
    }
}
