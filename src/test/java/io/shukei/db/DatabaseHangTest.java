package io.shukei.db;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.shukei.Api;

/**
 * A database that stops answering (SIGSTOP of the postmaster and its backends, as a hung machine, a
 * stuck disk or a network partition look to the service) costs a request at most the documented
 * limits: requests that cannot get a connection get 503 within the acquisition timeout, those that
 * already hold one within the socket timeout, readiness goes down, and the service recovers by itself
 * when the database answers again.
 */
@QuarkusTest
@TestProfile(DatabaseHangTest.ShortLimits.class)
class DatabaseHangTest {

    static final Duration ACQUISITION = Duration.ofSeconds(2);
    static final Duration SOCKET = Duration.ofSeconds(3);
    /** Scheduling on two busy cores, the HTTP exchange and the problem mapping. */
    static final Duration MARGIN = Duration.ofMillis(1_500);

    public static class ShortLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shukei.db.acquisition-timeout", ACQUISITION.toSeconds() + "S",
                    "shukei.db.statement-timeout", "2S",
                    "shukei.db.socket-timeout", SOCKET.toSeconds() + "S");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Answer(String what, int status, String type, String retryAfter, Duration took) {
    }

    private static Answer send(String what, String method, String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                // far beyond any documented limit: a request still unanswered then hung
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.body().contains("\"type\"")
                    ? response.body().replaceAll("(?s).*\"type\":\"([^\"]*)\".*", "$1") : null;
            return new Answer(what, response.statusCode(), type, response.headers().firstValue("Retry-After").orElse(null),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (HttpTimeoutException hung) {
            return new Answer(what, 0, "hung", null, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Test
    void aFrozenDatabaseCostsARequestAtMostTheDocumentedLimitsAndTheServiceRecoversByItself() throws Exception {
        Assumptions.assumeTrue(TestDatabase.embedded(), "needs the embedded server, which the test can freeze");
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        long round = Api.round(org);
        String sheet = "{\"answers\":[" + String.join(",", java.util.stream.IntStream.rangeClosed(1, 25)
                .mapToObj(q -> "{\"question\":" + q + ",\"answer\":\"IMPLEMENTED\"}").toList()) + "]}";
        // every connection of the pool has been used and sits idle, as on a quiet service
        Api.submit(round, dept, "I".repeat(25));

        List<Answer> answers = new ArrayList<>();
        Answer ready;
        Answer live;
        TestDatabase.freeze();
        try {
            ExecutorService clients = Executors.newFixedThreadPool(10);
            List<Future<Answer>> pending = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pending.add(clients.submit(() -> send("read", "GET", "/api/v1/units/" + org, null, null)));
                pending.add(clients.submit(() -> send("sheet", "PUT", "/api/v1/rounds/" + round + "/submissions/" + dept, sheet, null)));
                pending.add(clients.submit(() -> send("keyed create", "POST", "/api/v1/units",
                        "{\"code\":\"" + Api.unique("h") + "\",\"name\":\"H\"}", Api.unique("key"))));
            }
            for (Future<Answer> answer : pending) {
                answers.add(answer.get());
            }
            ready = send("readiness", "GET", "/q/health/ready", null, null);
            live = send("liveness", "GET", "/q/health/live", null, null);
            clients.shutdown();
        } finally {
            TestDatabase.thaw();
        }

        Duration limit = SOCKET.plus(MARGIN);
        for (Answer a : answers) {
            assertEquals(503, a.status(), a.toString());
            assertEquals("/problems/service-unavailable", a.type(), a.toString());
            assertEquals("5", a.retryAfter(), a.toString());
            assertTrue(a.took().compareTo(limit) <= 0, a + " answered within " + limit);
        }
        assertTrue(answers.stream().anyMatch(a -> a.took().compareTo(ACQUISITION.plus(MARGIN)) <= 0),
                "requests that hold no connection are answered within the acquisition timeout: " + answers);
        assertEquals(503, ready.status(), "readiness is down while the database does not answer: " + ready);
        assertTrue(ready.took().compareTo(limit) <= 0, ready.toString());
        assertEquals(200, live.status(), "a hung database is no reason to restart the service: " + live);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
        Api.given().get("/api/v1/units/{u}", org).then().statusCode(200);
        Api.submit(round, dept, "P".repeat(25));
    }
}
