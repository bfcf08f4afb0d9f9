package io.shukei.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run by the service itself when no datasource is configured. Its data
 * directory survives restarts, and it is made as durable as a normal server: zonky's defaults
 * (fsync off, asynchronous commit) would lose acknowledged writes on a machine crash.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        clearStaleLock(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by EmbeddedDatabaseHolder after Quarkus has drained requests, not by a racing hook.
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        PackagedBinaries.besideApplication().ifPresent(builder::setPgBinaryResolver);
        EmbeddedPostgres postgres = builder.start();
        LOG.infof("Embedded PostgreSQL listening on 127.0.0.1:%d; data lives in %s", postgres.getPort(), dir);
        return new EmbeddedDatabase(postgres, dir);
    }

    /**
     * After a crash PostgreSQL's lock file may name a process that is gone, or a zombie nobody reaped
     * (a container without an init process), and the server would refuse to start. Such a lock is
     * removed; a server still running from a crashed run of the service is asked to shut down instead.
     */
    private static void clearStaleLock(Path dir) throws IOException {
        Path lock = dir.resolve("postmaster.pid");
        if (!Files.exists(lock)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(lock).get(0).trim());
        } catch (RuntimeException unreadable) {
            return;
        }
        var process = ProcessHandle.of(pid).filter(p -> p.isAlive() && !isZombie(pid));
        if (process.isPresent() && process.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
            LOG.warnf("PostgreSQL %d from an earlier run still holds %s; stopping it", pid, dir);
            process.get().destroy();
            try {
                process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("PostgreSQL " + pid + " from an earlier run does not stop; stop it and retry", e);
            }
            return;
        }
        LOG.infof("Removing stale PostgreSQL lock file of process %d, which is no longer a running server", pid);
        Files.deleteIfExists(lock);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException noProcFs) {
            return false;
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        LOG.info("Stopping embedded PostgreSQL");
        postgres.close();
    }
}
