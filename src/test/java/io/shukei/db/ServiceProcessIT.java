package io.shukei.db;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.webhook.Receiver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the packaged service as real processes: killed with SIGKILL under load, stopped with SIGTERM
 * under load, and two instances sharing one PostgreSQL. Every acknowledged write must be stored.
 */
class ServiceProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNITS = 6;

    /** An organisation with {@link #UNITS} departments and an open round, created through the API. */
    record Setup(long round, List<Long> units) {
    }

    /** What the service acknowledged: unit -> revision -> letters; filled while the load runs. */
    record Acks(Map<Long, Map<Integer, String>> byUnit, List<String> failures) {

        Acks() {
            this(new ConcurrentHashMap<>(), java.util.Collections.synchronizedList(new ArrayList<>()));
        }

        int count() {
            return byUnit.values().stream().mapToInt(Map::size).sum();
        }
    }

    private static JsonNode call(ServiceProcess s, String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> r = s.send(method, path, body);
        assertEquals(expected, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static Setup setup(ServiceProcess s) throws Exception {
        long org = call(s, "POST", "/api/v1/units", "{\"code\":\"org\",\"name\":\"組織\"}", 201).get("id").asLong();
        List<Long> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(call(s, "POST", "/api/v1/units",
                    "{\"code\":\"d" + i + "\",\"name\":\"部署" + i + "\",\"parentId\":" + org + "}", 201).get("id").asLong());
        }
        long round = call(s, "POST", "/api/v1/rounds", "{\"title\":\"t\",\"scopeUnitId\":" + org + "}", 201).get("id").asLong();
        return new Setup(round, units);
    }

    private static String sheet(String letters) {
        StringBuilder body = new StringBuilder("{\"answers\":[");
        for (int q = 0; q < 25; q++) {
            String code = switch (letters.charAt(q)) {
                case 'I' -> "IMPLEMENTED";
                case 'P' -> "PARTIAL";
                case 'N' -> "NOT_IMPLEMENTED";
                default -> "UNKNOWN";
            };
            body.append(q == 0 ? "" : ",").append("{\"question\":").append(q + 1).append(",\"answer\":\"").append(code).append("\"}");
        }
        return body.append("]}").toString();
    }

    /**
     * Submits random sheets from 4 threads, spread over the given instances, each thread at most
     * {@code writes} of them, stopping early once {@code stop} is set. What is acknowledged goes into
     * {@code acks} at once. Connection failures are expected while a process dies; anything else answered
     * must be 2xx (or 503 while the database is away).
     */
    private static void load(List<ServiceProcess> instances, Setup setup, AtomicBoolean stop, int writes, Acks acks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int seed = w;
            writers.add(pool.submit(() -> {
                Random random = new Random(seed);
                for (int n = 0; n < writes && !stop.get(); n++) {
                    long unit = setup.units().get(random.nextInt(UNITS));
                    StringBuilder letters = new StringBuilder();
                    for (int q = 0; q < 25; q++) {
                        letters.append("IPNU".charAt(random.nextInt(4)));
                    }
                    ServiceProcess target = instances.get(random.nextInt(instances.size()));
                    try {
                        HttpResponse<String> r = target.send("PUT", "/api/v1/rounds/" + setup.round() + "/submissions/" + unit,
                                sheet(letters.toString()));
                        if (r.statusCode() == 200 || r.statusCode() == 201) {
                            acks.byUnit().computeIfAbsent(unit, k -> new ConcurrentHashMap<>())
                                    .put(JSON.readTree(r.body()).get("revision").asInt(), letters.toString());
                        } else if (r.statusCode() != 503) {
                            acks.failures().add(r.statusCode() + " " + r.body());
                        }
                    } catch (IOException connectionLost) {
                        // the process is going away: this write was never acknowledged
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
    }

    /**
     * Runs {@code action} on another thread once the load has had {@code acknowledged} writes acknowledged (it is
     * under way), then stops the load; the returned future fails if the action did.
     */
    private static CompletableFuture<Void> underLoad(Acks acks, int acknowledged, AtomicBoolean stop, Callable<?> action) {
        return CompletableFuture.runAsync(() -> {
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> acks.count() >= acknowledged);
                action.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                stop.set(true);
            }
        });
    }

    /** Every acknowledged revision is stored with the acknowledged answers; revisions have no gaps. */
    private static int verify(ServiceProcess s, Setup setup, Acks acks) throws Exception {
        assertEquals(List.of(), acks.failures());
        int checked = 0;
        for (long unit : setup.units()) {
            Map<Integer, String> stored = new java.util.HashMap<>();
            int page = 0;
            JsonNode history;
            do {
                history = call(s, "GET", "/api/v1/rounds/" + setup.round() + "/submissions/" + unit + "/revisions?size=200&page=" + page++,
                        null, acks.byUnit().containsKey(unit) ? 200 : s.send("GET", "/api/v1/rounds/" + setup.round()
                                + "/submissions/" + unit + "/revisions", null).statusCode());
                for (JsonNode item : history.path("items")) {
                    StringBuilder letters = new StringBuilder();
                    item.get("answers").forEach(a -> letters.append(a.get("answer").asText().charAt(0)));
                    stored.put(item.get("revision").asInt(), letters.toString());
                }
            } while (page < history.path("totalPages").asInt());
            for (int r = 1; r <= stored.size(); r++) {
                assertTrue(stored.containsKey(r), "unit " + unit + " has revision " + r + " (no gaps)");
            }
            for (var ack : acks.byUnit().getOrDefault(unit, Map.of()).entrySet()) {
                assertEquals(ack.getValue(), stored.get(ack.getKey()), "unit " + unit + " revision " + ack.getKey());
                checked++;
            }
        }
        return checked;
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** A service killed with SIGKILL leaves no PostgreSQL behind: neither its postmaster nor any backend. */
    @Test
    void aKilledServiceLeavesNoPostgresRunning() throws Exception {
        Path dataDir = Files.createTempDirectory("shukei-orphan").resolve("data");
        List<ProcessHandle> servers;
        List<ProcessHandle> backends;
        try (ServiceProcess service = ServiceProcess.start(Map.of("SHUKEI_EMBEDDED_DB_DIR", dataDir.toString()))) {
            servers = ServiceProcess.postmasters(dataDir);
            assertEquals(1, servers.size(), "the embedded server runs on " + dataDir);
            backends = servers.get(0).descendants().toList();
            assertFalse(backends.isEmpty(), "the server has its background processes");
            service.kill();
            assertEquals(List.of(), ServiceProcess.postmasters(dataDir));
        }
        List<ProcessHandle> alive = new ArrayList<>(servers);
        alive.addAll(backends);
        assertEquals(List.of(), alive.stream().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void killMinusNineUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        Path dataDir = Files.createTempDirectory("shukei-crash").resolve("data");
        Map<String, String> env = Map.of("SHUKEI_EMBEDDED_DB_DIR", dataDir.toString());
        Setup setup;
        Acks acks;
        try (ServiceProcess service = ServiceProcess.start(env)) {
            setup = setup(service);
            AtomicBoolean stop = new AtomicBoolean();
            acks = new Acks();
            CompletableFuture<Void> killer = underLoad(acks, 100, stop, () -> {
                // Both die at once, as in a machine crash. The postmaster goes first so that its
                // parent can still reap it: a zombie would look like a live server to the next start.
                ProcessHandle.of(postmasterPid(dataDir)).ifPresent(ProcessHandle::destroyForcibly);
                service.kill();
                return null;
            });
            load(List.of(service), setup, stop, 2_000, acks);
            killer.join();
        }
        try (ServiceProcess restarted = ServiceProcess.start(env)) {
            int checked = verify(restarted, setup, acks);
            assertTrue(checked > 20, "acknowledged revisions checked: " + checked);
            restarted.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void aWebhookEventOutlivesACrashBetweenAttempts() throws Exception {
        Path dataDir = Files.createTempDirectory("shukei-webhook").resolve("data");
        Map<String, String> env = Map.of("SHUKEI_EMBEDDED_DB_DIR", dataDir.toString(),
                "SHUKEI_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true", "SHUKEI_WEBHOOKS_FIRST_RETRY", "3S");
        try (Receiver receiver = new Receiver()) {
            receiver.answer(500, 500);
            Setup setup;
            long hook;
            long unit;
            try (ServiceProcess service = ServiceProcess.start(env)) {
                setup = setup(service);
                long org = call(service, "GET", "/api/v1/units/" + setup.units().get(0), null, 200).get("parentId").asLong();
                hook = call(service, "POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                        + "\",\"events\":[\"submission.created\"],\"unitId\":" + org + "}", 201).get("id").asLong();
                unit = setup.units().get(0);
                call(service, "PUT", "/api/v1/rounds/" + setup.round() + "/submissions/" + unit, sheet("I".repeat(25)), 201);
                // Crash right after the first failed attempt is recorded, before the next one is due.
                await().atMost(Duration.ofSeconds(30)).until(() -> deliveryAttempts(service, hook) >= 1);
                assertEquals(1, deliveryAttempts(service, hook), "one failed attempt before the crash");
                ProcessHandle.of(postmasterPid(dataDir)).ifPresent(ProcessHandle::destroyForcibly);
                service.kill();
            }
            try (ServiceProcess restarted = ServiceProcess.start(env)) {
                receiver.await(r -> true, Duration.ofSeconds(60));
                // Recorded as delivered after the receiver's answer: from then on nothing more is sent.
                await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(call(restarted, "GET",
                        "/api/v1/webhooks/" + hook + "/deliveries", null, 200).get("items").get(0).get("status").asText()));
                assertEquals(1, receiver.received().size(), "delivered once after the restart");
                Receiver.Received got = receiver.received().get(0);
                assertEquals("submission.created", got.type());
                assertEquals(unit, got.json().get("data").get("unitId").asLong());
                assertEquals(3, receiver.arrived(), "500, 500, then 200: the third try");
                JsonNode delivery = call(restarted, "GET", "/api/v1/webhooks/" + hook + "/deliveries", null, 200).get("items").get(0);
                assertEquals(got.id(), delivery.get("eventId").asText());
                assertEquals("DELIVERED", delivery.get("status").asText());
                restarted.terminate(Duration.ofSeconds(30));
            }
        }
    }

    private static int deliveryAttempts(ServiceProcess s, long hook) throws Exception {
        JsonNode items = call(s, "GET", "/api/v1/webhooks/" + hook + "/deliveries", null, 200).get("items");
        return items.isEmpty() ? 0 : items.get(0).get("attempts").asInt();
    }

    @Test
    void sigtermFinishesInFlightRequestsAndStopsTheEmbeddedDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory("shukei-term").resolve("data");
        Map<String, String> env = Map.of("SHUKEI_EMBEDDED_DB_DIR", dataDir.toString());
        Setup setup;
        Acks acks;
        int databasePort;
        int exit;
        try (ServiceProcess service = ServiceProcess.start(env)) {
            setup = setup(service);
            databasePort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim());
            AtomicBoolean stop = new AtomicBoolean();
            int[] exitCode = new int[1];
            acks = new Acks();
            CompletableFuture<Void> terminator = underLoad(acks, 50, stop,
                    () -> exitCode[0] = service.terminate(Duration.ofSeconds(40)));
            load(List.of(service), setup, stop, 2_000, acks);
            terminator.join();
            exit = exitCode[0];
        }
        assertTrue(exit == 0 || exit == 143, "exit code " + exit);
        assertFalse(listening(databasePort), "embedded PostgreSQL stopped");
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "PostgreSQL shut down cleanly");
        try (ServiceProcess restarted = ServiceProcess.start(env)) {
            assertTrue(verify(restarted, setup, acks) > 10);
            restarted.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void twoInstancesOnOnePostgresGiveTheSameResultsAsOne() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres");
            try (ServiceProcess a = ServiceProcess.start(env); ServiceProcess b = ServiceProcess.start(env)) {
                Setup setup = setup(a);
                Acks acks = new Acks();
                load(List.of(a, b), setup, new AtomicBoolean(), 200, acks);
                assertTrue(verify(b, setup, acks) > 50);
                JsonNode fromA = call(a, "GET", "/api/v1/rounds/" + setup.round() + "/report", null, 200);
                JsonNode fromB = call(b, "GET", "/api/v1/rounds/" + setup.round() + "/report", null, 200);
                ((com.fasterxml.jackson.databind.node.ObjectNode) fromA).remove("generatedAt");
                ((com.fasterxml.jackson.databind.node.ObjectNode) fromB).remove("generatedAt");
                assertEquals(fromA, fromB);
                assertEquals(UNITS, fromA.get("coverage").get("submitted").asInt());
                // a unit created on one instance is at once visible and usable on the other
                long late = call(b, "POST", "/api/v1/units", "{\"code\":\"late\",\"name\":\"後から\",\"parentId\":"
                        + fromA.get("unitId").asLong() + "}", 201).get("id").asLong();
                call(a, "GET", "/api/v1/units/" + late, null, 200);
                a.terminate(Duration.ofSeconds(30));
                b.terminate(Duration.ofSeconds(30));
            }
        }
    }

    /** The local addresses of the sockets listening on a TCP port, as the kernel lists them (hex). */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if ("0A".equals(fields[3]) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    /** A laptop's admin API must not be on the office network unless the operator opens it. */
    @Test
    void listensOnLoopbackOnlyUnlessToldOtherwise() throws Exception {
        Path dataDir = Files.createTempDirectory("shukei-bind").resolve("data");
        try (ServiceProcess service = ServiceProcess.start(Map.of("SHUKEI_EMBEDDED_DB_DIR", dataDir.toString()))) {
            List<String> listening = listeningAddresses(service.port);
            assertFalse(listening.isEmpty());
            // 127.0.0.1, ::1 and ::ffff:127.0.0.1 in the kernel's byte order; 0.0.0.0 or :: would be every interface
            assertTrue(listening.stream().allMatch(a -> List.of("0100007F", "00000000000000000000000001000000",
                    "0000000000000000FFFF00000100007F").contains(a)), "listening on loopback only: " + listening);
            service.terminate(Duration.ofSeconds(30));
        }
    }

    /**
     * The embedded PostgreSQL is supervised: after kill -9 of its postmaster the service starts it again on
     * the same data and port, liveness stays up, and requests succeed again without a restart of the service.
     */
    @Test
    void aKilledEmbeddedDatabaseIsStartedAgainAndTheServiceRecoversByItself() throws Exception {
        Path dataDir = Files.createTempDirectory("shukei-supervised").resolve("data");
        try (ServiceProcess service = ServiceProcess.start(Map.of("SHUKEI_EMBEDDED_DB_DIR", dataDir.toString()))) {
            Setup setup = setup(service);
            long unit = setup.units().get(0);
            call(service, "PUT", "/api/v1/rounds/" + setup.round() + "/submissions/" + unit, sheet("I".repeat(25)), 201);
            long killed = postmasterPid(dataDir);
            long started = System.nanoTime();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                    service.send("PUT", "/api/v1/rounds/" + setup.round() + "/submissions/" + unit, sheet("P".repeat(25)))
                            .statusCode() == 200);
            long recoveredMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.printf("Embedded PostgreSQL killed; a write succeeded again after %d ms%n", recoveredMillis);
            // The server answers a moment before its supervisor has recorded it as running again.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                HttpResponse<String> live = service.send("GET", "/q/health/live", null);
                assertEquals(200, live.statusCode());
                JsonNode embedded = JSON.readTree(live.body()).get("checks").findParent("state");
                assertEquals("RUNNING", embedded.get("state").asText(), live.body());
            });
            assertEquals(200, service.send("GET", "/q/health/ready", null).statusCode());
            JsonNode history = call(service, "GET", "/api/v1/rounds/" + setup.round() + "/submissions/" + unit + "/revisions", null, 200);
            assertEquals(2, history.get("items").size(), "the revision from before the kill is kept");
            service.terminate(Duration.ofSeconds(30));
        }
    }
}
