package io.shukei.db;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.awaitility.core.ConditionTimeoutException;

/** The packaged service run as a separate process, as an operator runs it; loopback only. */
public final class ServiceProcess implements AutoCloseable {

    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static final String ADMIN_KEY = "process-test-admin-key";

    private final Process process;
    public final int port;
    public final Path log;
    /** Where the service keeps its embedded PostgreSQL (nothing there when it uses another database). */
    private final Path dataDirectory;

    private ServiceProcess(Process process, int port, Path log, Path dataDirectory) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDirectory = dataDirectory;
    }

    /** The JVM options a process test's service runs with unless it names others. */
    private static final List<String> HEAP = List.of("-Xmx256m");

    public static ServiceProcess start(Map<String, String> env) throws IOException, InterruptedException {
        return start(env, 0);
    }

    /** With {@code fileLimit} above 0 the process may open no more files (sockets included) than that. */
    public static ServiceProcess start(Map<String, String> env, int fileLimit) throws IOException, InterruptedException {
        return start(env, fileLimit, Path.of(""), HEAP);
    }

    /** Runs in the given working directory, where the service looks for .env and config/application.properties. */
    public static ServiceProcess startIn(Path workingDirectory, Map<String, String> env) throws IOException, InterruptedException {
        return start(env, 0, workingDirectory, HEAP);
    }

    /** Runs with the given JVM options (a heap of another size, for example) instead of the usual ones. */
    public static ServiceProcess startWith(List<String> javaOptions, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(env, 0, Path.of(""), javaOptions);
    }

    private static ServiceProcess start(Map<String, String> env, int fileLimit, Path workingDirectory,
                                        List<String> javaOptions) throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the service first (./mvnw verify does)");
        }
        int port = freePort();
        Path log = Files.createTempFile("shukei-service", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        if (fileLimit > 0) {
            command.addAll(List.of("sh", "-c", "ulimit -n " + fileLimit + " && exec \"$@\"", "sh"));
        }
        command.add(java);
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(workingDirectory.toAbsolutePath().toFile());
        builder.environment().put("SHUKEI_HTTP_PORT", String.valueOf(port));
        builder.environment().put("SHUKEI_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        // the process tests drive load and faults through this one key, not its quota
        builder.environment().put("SHUKEI_RATE_LIMIT_REQUESTS", "1000000000");
        // PostgreSQL's own messages in the log, for diagnosing a start that fails
        builder.environment().put("QUARKUS_LOG_CATEGORY__IO_ZONKY__LEVEL", "INFO");
        builder.environment().putAll(env);
        Path dataDirectory = workingDirectory.toAbsolutePath()
                .resolve(builder.environment().getOrDefault("SHUKEI_EMBEDDED_DB_DIR", "data")).normalize();
        ServiceProcess service = new ServiceProcess(builder.start(), port, log, dataDirectory);
        try {
            service.awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException notReady) {
            service.close();
            throw notReady;
        }
        return service;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + ADMIN_KEY);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as the administrator whose body is read as a stream, for downloads too large to hold. */
    public HttpResponse<java.io.InputStream> download(String path, String accept, Duration timeout)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(timeout).header("Accept", accept)
                .header("Authorization", "Bearer " + ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Whether the service's process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the service has logged so far. */
    public String logged() {
        return logText();
    }

    /** Waits for readiness; fails at once, with the service's log, if the process exits first. */
    public void awaitReady(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                    .failFast(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Service exited: " + logText());
                        }
                    })
                    .until(() -> send("GET", "/q/health/ready", null).statusCode() == 200);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Service not ready in time: " + logText(), e);
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, then the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Service did not stop within " + timeout);
        }
        return process.exitValue();
    }

    /**
     * SIGKILL, as a crash. The embedded postmaster does not die with the JVM (pg_ctl started it in the
     * background and it was left running when the JVM went): it is given PostgreSQL's immediate shutdown
     * (SIGQUIT: its backends exit at once, nothing is checkpointed, the next start recovers from the WAL as after
     * a crash of the machine) and waited for, so that no server outlives the test.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle postmaster : postmasters(dataDirectory)) {
            signal("QUIT", postmaster);
            try {
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                postmaster.destroyForcibly();
            }
        }
    }

    /** Stops the service if it still runs, then checks that no PostgreSQL of its data directory survives it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        List<ProcessHandle> left = new ArrayList<>();
        for (ProcessHandle postmaster : postmasters(dataDirectory)) {
            try {
                // A service that exited on SIGTERM has asked its server to stop; it may still be finishing.
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                postmaster.destroyForcibly();
                left.add(postmaster);
            }
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("PostgreSQL of " + dataDirectory + " outlived the service: " + left);
        }
    }

    /**
     * The PostgreSQL servers running on the data directory: processes of a program named postgres whose
     * {@code -D} names it (the postmaster keeps its command line; its backends rename themselves and go when it goes).
     */
    public static List<ProcessHandle> postmasters(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses().filter(p -> p.isAlive() && isPostmasterOf(p.pid(), dir)).toList();
    }

    private static boolean isPostmasterOf(long pid, Path dir) {
        List<String> args;
        try {
            args = List.of(new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException gone) {
            return false;
        }
        int d = args.indexOf("-D");
        return !args.isEmpty() && Path.of(args.get(0)).getFileName().toString().equals("postgres")
                && d >= 0 && d + 1 < args.size() && Path.of(args.get(d + 1)).toAbsolutePath().normalize().equals(dir);
    }

    private static void signal(String name, ProcessHandle process) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
