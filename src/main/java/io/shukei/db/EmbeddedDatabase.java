package io.shukei.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run by the service itself when no datasource is configured. Its data
 * directory survives restarts, and it is made as durable as a normal server: zonky's defaults
 * (fsync off, asynchronous commit) would lose acknowledged writes on a machine crash.
 *
 * <p>Only the service may connect: the superuser has a generated password, kept with mode 600 in the
 * data directory, and every rule of pg_hba.conf asks for it (scram-sha-256; never trust). A data
 * directory of a version that trusted local connections is locked this way on its first start.
 *
 * <p>The server is supervised: when its postmaster dies it is started again on the same data and
 * port (so the pool reconnects by itself), with a growing pause between failed attempts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The state the liveness check reports: only FAILED is down. */
    public enum State { RUNNING, RESTARTING, FAILED, STOPPED }

    static final String PASSWORD_FILE = "shukei-db-password.txt";
    private static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final String HBA = """
            # Written by Shukei: only the service connects, with the password in %s.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """.formatted(PASSWORD_FILE);

    private final Path dataDirectory;
    private final int port;
    private final String password;
    private final ScheduledExecutorService supervisor;
    private final List<Runnable> deathListeners = new CopyOnWriteArrayList<>();
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    private volatile State state = State.RUNNING;
    private volatile String lastFailure;
    private int failedAttempts;
    private Instant nextAttempt = Instant.MIN;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password) throws IOException {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.port = postgres.getPort();
        this.password = password;
        this.postmasterPid = lockedPid(dataDirectory).orElseThrow(() -> new IOException("PostgreSQL wrote no postmaster.pid"));
        this.supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        supervisor.scheduleWithFixedDelay(this::supervise, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        return prepare(dataDirectory, port).start();
    }

    /**
     * Everything a start decides before the server runs: the data directory freed of a stale lock, the
     * port, and the password (read, or generated for a new or a trusting cluster). The address and the
     * credentials are then known, so the service can boot while {@link Launch#start()} runs the server.
     * A data directory that cannot be used is refused here, before anything starts.
     */
    public static Launch prepare(Path dataDirectory, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        clearStaleLock(dir);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        int chosenPort = port > 0 ? port : freePort();
        if (!Files.exists(dir.resolve("postgresql.conf"))) {
            return new Launch(dir, chosenPort, generatePassword(), Kind.NEW);
        }
        if (Files.exists(passwordFile)) {
            if (!passwordOnly(dir)) {
                // An upgrade that stopped between storing the password and writing the rules.
                writePrivate(dir.resolve("pg_hba.conf"), HBA);
            }
            return new Launch(dir, chosenPort, Files.readString(passwordFile).strip(), Kind.LOCKED);
        }
        if (!passwordOnly(dir)) {
            return new Launch(dir, chosenPort, generatePassword(), Kind.TRUSTING);
        }
        throw new IOException("The embedded PostgreSQL in " + dir + " asks for a password, but " + passwordFile
                + " is missing; restore it from the backup of that folder");
    }

    private enum Kind { NEW, LOCKED, TRUSTING }

    /** A prepared start: where the server will listen and how to log in, before it runs. */
    public static final class Launch {

        private final Path dir;
        private final int port;
        private final String password;
        private final Kind kind;

        private Launch(Path dir, int port, String password, Kind kind) {
            this.dir = dir;
            this.port = port;
            this.password = password;
            this.kind = kind;
        }

        /** Runs the server (initdb first for a new cluster) and returns once it answers. */
        public EmbeddedDatabase start() throws IOException {
            EmbeddedPostgres postgres = switch (kind) {
                case NEW -> initialise();
                case LOCKED -> builder(dir, port, password).start();
                case TRUSTING -> {
                    EmbeddedPostgres trusting = builder(dir, port, null).start();
                    lockDown(trusting, dir, password);
                    yield trusting;
                }
            };
            LOG.infof("Embedded PostgreSQL listening on 127.0.0.1:%d; data lives in %s", postgres.getPort(), dir);
            return new EmbeddedDatabase(postgres, dir, password);
        }

        /** A new cluster: initdb sets the password and writes password-only rules; it never trusts. */
        private EmbeddedPostgres initialise() throws IOException {
            Path pending = Files.createTempFile("shukei-db-password", ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            EmbeddedPostgres postgres;
            try {
                Files.writeString(pending, password);
                postgres = builder(dir, port, password)
                        .setLocaleConfig("auth-host", "scram-sha-256")
                        .setLocaleConfig("auth-local", "scram-sha-256")
                        .setLocaleConfig("pwfile", pending.toString())
                        .start();
            } finally {
                Files.deleteIfExists(pending);
            }
            writePrivate(dir.resolve(PASSWORD_FILE), password);
            return postgres;
        }

        /**
         * Whether an earlier start has unpacked PostgreSQL's binaries: the embedding library keeps them in
         * ot.epg.working-dir (java.io.tmpdir/embedded-pg unless set), a folder per binaries archive, marked
         * complete by a file {@code .exists}. Unpacking holds the 15 MB archive in the heap twice over.
         */
        public boolean binariesUnpacked() {
            Path working = Path.of(System.getProperty("ot.epg.working-dir",
                    Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
            try (Stream<Path> folders = Files.list(working)) {
                return folders.anyMatch(f -> f.getFileName().toString().startsWith("PG-") && Files.exists(f.resolve(".exists")));
            } catch (IOException | RuntimeException none) {
                return false;
            }
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres?user=" + USER;
        }

        public String username() {
            return USER;
        }

        public String password() {
            return password;
        }

        public Path dataDirectory() {
            return dir;
        }
    }

    /** A port free at this moment, as the embedding library picks one when given none. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dir, int port, String password) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                // Stopped by EmbeddedDatabaseHolder after Quarkus has drained requests, not by a racing hook.
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("password_encryption", "scram-sha-256");
        if (password != null) {
            builder.setConnectConfig("password", password);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        PackagedBinaries.besideApplication().ifPresent(builder::setPgBinaryResolver);
        return builder;
    }

    /**
     * Locks a cluster that trusted local connections (the previous version's): the superuser gets a
     * password, the password is stored, and the rules are replaced and reloaded. It ends only when a
     * connection without the password is refused.
     */
    private static void lockDown(EmbeddedPostgres postgres, Path dir, String password) throws IOException {
        LOG.infof("Securing the embedded PostgreSQL in %s: from now on it asks for the password in %s", dir, PASSWORD_FILE);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // The password is hexadecimal: nothing in it needs quoting.
            s.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            writePrivate(dir.resolve(PASSWORD_FILE), password);
            writePrivate(dir.resolve("pg_hba.conf"), HBA);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not set the embedded PostgreSQL's password", e);
        }
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Connection open = DriverManager.getConnection(url)) {
                if (System.nanoTime() > until) {
                    throw new IOException("The embedded PostgreSQL still lets clients in without a password");
                }
            } catch (SQLException refused) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while securing the embedded PostgreSQL", e);
            }
        }
    }

    /** True when every rule of pg_hba.conf asks for the password. */
    private static boolean passwordOnly(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        if (!Files.exists(hba)) {
            return false;
        }
        return Files.readAllLines(hba).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .allMatch(line -> line.endsWith("scram-sha-256"));
    }

    private static String generatePassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Writes a file only its owner can read, replacing it whole. */
    private static void writePrivate(Path file, String content) throws IOException {
        Path written = Files.createTempFile(file.getParent(), ".shukei", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(written, content, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /**
     * After a crash PostgreSQL's lock file may name a process that is gone, a zombie nobody reaped (a
     * container without an init process), or, the number having been reused, an unrelated process; the
     * server would refuse to start. Such a lock is removed and that process left alone. Only a server
     * proven to be this data directory's own (see {@link #isPostmasterOf}) is asked to shut down.
     */
    private static void clearStaleLock(Path dir) throws IOException {
        Path lock = dir.resolve("postmaster.pid");
        Optional<Long> pid = lockedPid(dir);
        if (pid.isEmpty()) {
            return;
        }
        var process = ProcessHandle.of(pid.get()).filter(p -> p.isAlive() && !isZombie(pid.get()));
        if (process.isPresent() && isPostmasterOf(pid.get(), dir)) {
            LOG.warnf("PostgreSQL %d from an earlier run still holds %s; stopping it", pid.get(), dir);
            process.get().destroy();
            try {
                process.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("PostgreSQL " + pid.get() + " from an earlier run does not stop; stop it and retry", e);
            }
            return;
        }
        if (process.isPresent()) {
            LOG.warnf("Removing stale PostgreSQL lock file: it names process %d, which is not this data directory's "
                    + "server and is left alone", pid.get());
        } else {
            LOG.infof("Removing stale PostgreSQL lock file of process %d, which has exited", pid.get());
        }
        Files.deleteIfExists(lock);
    }

    private static Optional<Long> lockedPid(Path dir) throws IOException {
        Path lock = dir.resolve("postmaster.pid");
        if (!Files.exists(lock)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(lock).get(0).trim()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * True only for the postmaster of this data directory: the process runs a program named postgres
     * with {@code -D} naming this directory (its command line, /proc/PID/cmdline, which the postmaster
     * keeps as it was started), and it started when the lock file says the server did. A process id
     * reused by anything else fails one test or the other; without /proc nothing is proven.
     */
    static boolean isPostmasterOf(long pid, Path dir) {
        List<String> args;
        List<String> lock;
        try {
            args = Arrays.asList(new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    StandardCharsets.UTF_8).split("\0"));
            lock = Files.readAllLines(dir.resolve("postmaster.pid"));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        int d = args.indexOf("-D");
        if (args.isEmpty() || !Path.of(args.get(0)).getFileName().toString().equals("postgres")
                || d < 0 || d + 1 >= args.size() || !Path.of(args.get(d + 1)).toAbsolutePath().normalize().equals(dir)) {
            return false;
        }
        Optional<Instant> started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant());
        try {
            Instant locked = Instant.ofEpochSecond(Long.parseLong(lock.get(2).trim()));
            return started.isPresent() && Duration.between(started.get(), locked).abs().compareTo(Duration.ofSeconds(10)) <= 0;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** A zombie is dead; when /proc/PID/stat cannot be read (no /proc, or no file descriptor free) it is not. */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Dead only on proof: where /proc exists the process's directory is looked up (a stat, which needs
     * no file descriptor, so a process out of descriptors does not take its server for dead).
     */
    private static boolean alive(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        boolean exists = Files.isDirectory(Path.of("/proc", "self"))
                ? Files.exists(proc)
                : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return exists && !isZombie(pid);
    }

    /** Runs every check interval on the supervisor's thread. */
    private synchronized void supervise() {
        if (state == State.STOPPED) {
            return;
        }
        if (state == State.RUNNING) {
            if (alive(postmasterPid)) {
                return;
            }
            LOG.errorf("Embedded PostgreSQL (process %d) has died; starting it again on port %d", postmasterPid, port);
            state = State.RESTARTING;
            failedAttempts = 0;
            nextAttempt = Instant.MIN;
            for (Runnable listener : deathListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    // A failing listener must not end the supervision (the executor drops a task that throws).
                    LOG.warn("A listener for the embedded PostgreSQL's death failed", e);
                }
            }
        }
        if (Instant.now().isBefore(nextAttempt)) {
            return;
        }
        try {
            if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
                // zonky would run initdb on a folder without it; a restart must never make a new cluster
                throw new IOException("The data directory " + dataDirectory + " has lost its postgresql.conf");
            }
            EmbeddedPostgres dead = postgres;
            // Releases zonky's lock on the data directory; stopping the dead server fails, and is logged by zonky.
            dead.close();
            // A failed start leaves zonky's lock held by an instance no one can close: a new lock file
            // lets the next attempt lock again (only this supervisor starts servers on this directory).
            Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
            clearStaleLock(dataDirectory);
            postgres = builder(dataDirectory, port, password).start();
            postmasterPid = lockedPid(dataDirectory).orElseThrow(() -> new IOException("PostgreSQL wrote no postmaster.pid"));
            LOG.infof("Embedded PostgreSQL started again on port %d (process %d)", port, postmasterPid);
            state = State.RUNNING;
            lastFailure = null;
        } catch (IOException | RuntimeException e) {
            failedAttempts++;
            Duration pause = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts - 1, 10));
            pause = pause.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause;
            nextAttempt = Instant.now().plus(pause);
            lastFailure = e.toString();
            state = State.FAILED;
            LOG.errorf("Embedded PostgreSQL could not be started again (attempt %d, next in %s): %s",
                    failedAttempts, pause, e);
        }
    }

    /** Called on the supervisor's thread when the server is found dead, before it is started again. */
    public void onDeath(Runnable listener) {
        deathListeners.add(listener);
    }

    public State state() {
        return state;
    }

    /** Why the last attempt to start the server again failed, while the server is down. */
    public String lastFailure() {
        return lastFailure;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            state = State.STOPPED;
        }
        supervisor.shutdownNow();
        LOG.info("Stopping embedded PostgreSQL");
        postgres.close();
    }
}
