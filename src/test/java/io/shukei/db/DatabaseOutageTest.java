package io.shukei.db;

import static io.shukei.Api.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

/**
 * Stops and restarts PostgreSQL under a running load of submissions: requests during the outage get a
 * quick 503 problem, readiness goes down and comes back, and every acknowledged revision is stored.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final int UNITS = 8;
    private static final String LETTERS = "IPNU";

    @Test
    void acknowledgedWritesSurviveADatabaseRestartAndTheServiceRecoversByItself() throws Exception {
        Assumptions.assumeTrue(TestDatabase.embedded(), "needs the embedded server, which the test can stop");
        long org = Api.unit("Org", null, null);
        List<Long> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(Api.unit("Dept " + i, org, null));
        }
        long round = Api.round(org);
        // acknowledged: unit -> (revision -> letters)
        Map<Long, Map<Integer, String>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger unavailable = new AtomicInteger();
        List<Long> slowRefusals = new ArrayList<>();
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicInteger acknowledgedAfterRestart = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int seed = w;
            writers.add(pool.submit(() -> {
                Random random = new Random(seed);
                for (int n = 0; n < 400 && !stop.get(); n++) {
                    boolean afterRestart = restarted.get();
                    long unit = units.get(random.nextInt(UNITS));
                    StringBuilder letters = new StringBuilder();
                    for (int q = 0; q < 25; q++) {
                        letters.append(LETTERS.charAt(random.nextInt(4)));
                    }
                    long started = System.nanoTime();
                    Response r = json().body(Api.sheet(letters.toString()))
                            .put("/api/v1/rounds/{r}/submissions/{u}", round, unit);
                    if (r.statusCode() == 200 || r.statusCode() == 201) {
                        acknowledged.computeIfAbsent(unit, k -> new ConcurrentHashMap<>())
                                .put(r.jsonPath().getInt("revision"), letters.toString());
                        if (afterRestart) {
                            acknowledgedAfterRestart.incrementAndGet();
                        }
                    } else {
                        assertEquals(503, r.statusCode(), r.asString());
                        assertEquals("/problems/service-unavailable", r.jsonPath().getString("type"));
                        unavailable.incrementAndGet();
                        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                        if (millis > 7_000) {
                            synchronized (slowRefusals) {
                                slowRefusals.add(millis);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() >= 2);
            TestDatabase.stopServer();
            // readiness is down while the database is unreachable, and the writers meet the outage
            await().atMost(Duration.ofSeconds(10)).until(() -> io.restassured.RestAssured.get("/q/health/ready").statusCode() == 503);
            await().atMost(Duration.ofSeconds(10)).until(() -> unavailable.get() > 0);
            TestDatabase.startServer();
            restarted.set(true);
            // the load goes on until writes sent after the restart are acknowledged again
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledgedAfterRestart.get() >= 20);
        } finally {
            stop.set(true);
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        assertTrue(unavailable.get() > 0, "some requests met the outage");
        assertEquals(List.of(), slowRefusals, "refusals come within the acquisition timeout");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> io.restassured.RestAssured.get("/q/health/ready").statusCode() == 200);
        // every acknowledged revision is stored exactly as acknowledged
        int checked = 0;
        for (var unit : acknowledged.entrySet()) {
            Response history = json().queryParam("size", 200)
                    .get("/api/v1/rounds/{r}/submissions/{u}/revisions", round, unit.getKey());
            List<Integer> revisions = history.jsonPath().getList("items.revision", Integer.class);
            for (int i = 0; i < revisions.size(); i++) {
                assertEquals(i + 1, revisions.get(i), "revisions are numbered without gaps or duplicates");
            }
            for (var ack : unit.getValue().entrySet()) {
                List<String> answers = history.jsonPath().getList("items.find { it.revision == " + ack.getKey()
                        + " }.answers.answer", String.class);
                StringBuilder stored = new StringBuilder();
                answers.forEach(a -> stored.append(a.charAt(0)));
                assertEquals(ack.getValue(), stored.toString(), "unit " + unit.getKey() + " revision " + ack.getKey());
                checked++;
            }
        }
        assertTrue(checked > 20, "acknowledged revisions checked: " + checked);
    }
}
