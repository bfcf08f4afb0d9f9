package io.shukei.db;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * Starts the embedded server beside Quarkus' boot and stops it as the last step of Quarkus' shutdown,
 * after in-flight requests have finished, so SIGTERM leaves no PostgreSQL process behind and no request
 * loses its database. A JVM shutdown hook is the safety net for a start that failed before Quarkus could
 * shut down in order.
 */
@ApplicationScoped
class EmbeddedDatabaseHolder {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseHolder.class);
    /** Longer than quarkus.shutdown.timeout: the orderly stop always comes first when Quarkus runs. */
    private static final long ORDERLY_STOP_WAIT_SECONDS = 120;
    private static final CountDownLatch CLOSED = new CountDownLatch(1);
    private static volatile CompletableFuture<EmbeddedDatabase> starting;
    private static volatile boolean quarkusStarted;

    /**
     * Starts the prepared server on a thread of its own, or on this one unless {@code alongside}; a start
     * that fails is reported by {@link #awaitStart()}.
     */
    static void hold(EmbeddedDatabase.Launch launch, boolean alongside) throws IOException {
        CompletableFuture<EmbeddedDatabase> start = new CompletableFuture<>();
        starting = start;
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
        Runnable run = () -> {
            try {
                start.complete(launch.start());
            } catch (IOException | RuntimeException e) {
                start.completeExceptionally(e);
            }
        };
        if (alongside) {
            Thread thread = new Thread(run, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        } else {
            run.run();
            awaitStart();
        }
    }

    /** The embedded server when the service runs one and it has started, else null. */
    static EmbeddedDatabase current() {
        CompletableFuture<EmbeddedDatabase> start = starting;
        return start == null || start.isCompletedExceptionally() ? null : start.getNow(null);
    }

    /**
     * Returns once the embedded server, if the service runs one, answers; its start has its own time limit
     * (EmbeddedDatabase's startup wait). Throws what stopped it from starting.
     */
    static void awaitStart() throws IOException {
        CompletableFuture<EmbeddedDatabase> start = starting;
        if (start == null) {
            return;
        }
        try {
            start.join();
        } catch (CompletionException e) {
            throw new IOException("The embedded PostgreSQL did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * When the supervised server dies, every pooled connection to it is dead too: they are closed at
     * once (those in use when they come back), so that requests after the restart get new ones.
     */
    void onStart(@Observes StartupEvent event, AgroalDataSource dataSource) throws IOException {
        quarkusStarted = true;
        awaitStart();
        EmbeddedDatabase running = current();
        if (running != null) {
            running.onDeath(() -> dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL));
        }
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        closeIfHeld();
    }

    /** Stops the server; one still starting is stopped once it has. */
    private static synchronized void closeIfHeld() {
        CompletableFuture<EmbeddedDatabase> start = starting;
        starting = null;
        if (start != null) {
            try {
                start.join().close();
            } catch (CompletionException startFailed) {
                // Nothing runs that could be stopped; the start's failure has been reported where it was awaited.
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
        CLOSED.countDown();
    }
}
