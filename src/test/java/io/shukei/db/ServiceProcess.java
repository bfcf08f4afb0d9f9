package io.shukei.db;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

/** The packaged service run as a separate process, as an operator runs it; loopback only. */
public final class ServiceProcess implements AutoCloseable {

    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static final String ADMIN_KEY = "process-test-admin-key";

    private final Process process;
    public final int port;
    public final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static ServiceProcess start(Map<String, String> env) throws IOException, InterruptedException {
        return start(env, 0);
    }

    /** With {@code fileLimit} above 0 the process may open no more files (sockets included) than that. */
    public static ServiceProcess start(Map<String, String> env, int fileLimit) throws IOException, InterruptedException {
        return start(env, fileLimit, Path.of(""));
    }

    /** Runs in the given working directory, where the service looks for .env and config/application.properties. */
    public static ServiceProcess startIn(Path workingDirectory, Map<String, String> env) throws IOException, InterruptedException {
        return start(env, 0, workingDirectory);
    }

    private static ServiceProcess start(Map<String, String> env, int fileLimit, Path workingDirectory)
            throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the service first (./mvnw verify does)");
        }
        int port = freePort();
        Path log = Files.createTempFile("shukei-service", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = fileLimit > 0
                ? List.of("sh", "-c", "ulimit -n " + fileLimit + " && exec \"$0\" -Xmx256m -jar \"$1\"", java, jar.toString())
                : List.of(java, "-Xmx256m", "-jar", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(workingDirectory.toAbsolutePath().toFile());
        builder.environment().put("SHUKEI_HTTP_PORT", String.valueOf(port));
        builder.environment().put("SHUKEI_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        // the process tests drive load and faults through this one key, not its quota
        builder.environment().put("SHUKEI_RATE_LIMIT_REQUESTS", "1000000000");
        // PostgreSQL's own messages in the log, for diagnosing a start that fails
        builder.environment().put("QUARKUS_LOG_CATEGORY__IO_ZONKY__LEVEL", "INFO");
        builder.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(builder.start(), port, log);
        service.awaitReady(Duration.ofSeconds(60));
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

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
