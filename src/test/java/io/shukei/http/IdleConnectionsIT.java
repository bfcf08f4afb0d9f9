package io.shukei.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.shukei.db.ServiceProcess;

/**
 * A flood of TCP connections that never send a request (loopback only, a bounded number, more than
 * the process may open files) delays a new client by at most an idle timeout per wave of the flood:
 * the server closes every idle connection after the idle timeout, accepts the next, serves the new
 * client, and its embedded database is not mistaken for dead while no file descriptor is free.
 */
class IdleConnectionsIT {

    private static final int FILE_LIMIT = 600;
    private static final int FLOOD = 700;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);
    /** The flood is larger than the files the process has free: it is accepted in up to three waves. */
    private static final int WAVES = 3;

    private static long openFiles(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.count();
        }
    }

    /** True once the server has closed this connection (the read sees its end). */
    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void idleConnectionsCannotKeepNewClientsOut() throws Exception {
        Path dataDir = Files.createTempDirectory("shukei-idle").resolve("data");
        Map<String, String> env = Map.of("SHUKEI_EMBEDDED_DB_DIR", dataDir.toString(),
                "SHUKEI_HTTP_IDLE_TIMEOUT", IDLE_TIMEOUT.toSeconds() + "S");
        try (ServiceProcess service = ServiceProcess.start(env, FILE_LIMIT)) {
            long before = openFiles(service.pid());
            String postmaster = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0);
            List<Socket> flood = new ArrayList<>();
            long most = before;
            try {
                for (int i = 0; i < FLOOD; i++) {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", service.port), 2_000);
                    flood.add(socket);
                    if (i % 50 == 0) {
                        most = Math.max(most, openFiles(service.pid()));
                    }
                }
                most = Math.max(most, openFiles(service.pid()));
                // One new client, waiting as long as it takes: the server accepts it once the idle
                // connections ahead of it have been closed, wave after wave of as many as it has files for.
                long started = System.nanoTime();
                HttpResponse<String> live = ServiceProcess.HTTP.send(HttpRequest.newBuilder(service.uri("/q/health/live"))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                long servedAfter = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertEquals(200, live.statusCode());
                assertTrue(servedAfter <= WAVES * IDLE_TIMEOUT.toMillis() + 4_000,
                        "a new client waits at most an idle timeout per wave of the flood: " + servedAfter + " ms");
                await().atMost(IDLE_TIMEOUT.multipliedBy(WAVES).plusSeconds(4)).pollInterval(Duration.ofMillis(200))
                        .until(() -> flood.stream().allMatch(IdleConnectionsIT::closedByServer));
                System.out.printf("%d idle connections: service files %d before, at most %d during; a new client "
                        + "was served %d ms after the flood; every idle connection closed by the server%n",
                        FLOOD, before, most, servedAfter);
            } finally {
                for (Socket socket : flood) {
                    socket.close();
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> openFiles(service.pid()) <= before + 20);
            assertEquals(200, service.send("GET", "/q/health/ready", null).statusCode());
            assertEquals(postmaster, Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0),
                    "the embedded database was not taken for dead and restarted");
            service.terminate(Duration.ofSeconds(30));
        }
    }
}
