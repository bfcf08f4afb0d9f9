package io.shukei.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the tests run against: an embedded server started for the test run, or, when
 * {@code shukei.test.jdbc-url} is set, an external one (with {@code shukei.test.username/password}).
 * Fault tests can stop and restart the embedded server on the same data directory and port.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path dataDirectory;
    private static int port;

    @Override
    public Map<String, String> start() {
        String external = System.getProperty("shukei.test.jdbc-url");
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getProperty("shukei.test.username", "postgres"),
                    "quarkus.datasource.password", System.getProperty("shukei.test.password", "postgres"));
        }
        try {
            dataDirectory = Files.createTempDirectory("shukei-test-db");
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** True when the tests run on the embedded server, which {@link #stopServer()} can stop. */
    public static boolean embedded() {
        return dataDirectory != null;
    }

    /** Stops the server (fast shutdown: open connections are cut, committed data stays). */
    public static synchronized void stopServer() throws IOException {
        postgres.close();
    }

    /** Starts the server again on the same data directory and port. */
    public static synchronized void startServer() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    /**
     * Freezes the server as a hung machine or a stuck disk would: SIGSTOP to the postmaster first (so
     * that it forks no new backend), then to every process it started. Its sockets stay open and
     * accept connections, but nothing answers.
     */
    public static synchronized void freeze() throws IOException, InterruptedException {
        ProcessHandle postmaster = postmaster();
        signal("STOP", postmaster);
        signal("STOP", postmaster.descendants().toArray(ProcessHandle[]::new));
    }

    /** Lets a frozen server run again. */
    public static synchronized void thaw() throws IOException, InterruptedException {
        ProcessHandle postmaster = postmaster();
        signal("CONT", postmaster.descendants().toArray(ProcessHandle[]::new));
        signal("CONT", postmaster);
    }

    private static ProcessHandle postmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
    }

    private static void signal(String signal, ProcessHandle... processes) throws IOException, InterruptedException {
        if (processes.length == 0) {
            return;
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("kill", "-" + signal));
        for (ProcessHandle p : processes) {
            command.add(String.valueOf(p.pid()));
        }
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(command + " exited with " + exit);
        }
    }

    @Override
    public void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
