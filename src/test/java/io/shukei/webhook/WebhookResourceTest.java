package io.shukei.webhook;

import static io.shukei.Api.json;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shukei.Api;

@QuarkusTest
class WebhookResourceTest {

    private static final List<String> ALL = List.of("submission.created", "submission.updated", "round.opened",
            "round.closed", "round.reopened", "round.completed");
    private static final String SHEET = "IIIIIIIIIIIIIIIIIIIIIIIII";

    private static JsonPath subscribe(String url, long unitId, List<String> events) {
        return json().body(Map.of("url", url, "events", events, "unitId", unitId)).post("/api/v1/webhooks")
                .then().statusCode(201).header("Location", containsString("/api/v1/webhooks/"))
                .body("secret", startsWith("whsec_")).extract().jsonPath();
    }

    private static JsonPath deliveries(long webhookId) {
        return json().get("/api/v1/webhooks/{id}/deliveries", webhookId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyEventIsSignedAndNamesItsIdsOnly() throws Exception {
        long org = Api.unit("組織", null, null);
        long d1 = Api.unit("営業部", org, null);
        long d2 = Api.unit("総務部", org, null);
        long startedAt = Instant.now().getEpochSecond();
        try (Receiver receiver = new Receiver()) {
            JsonPath hook = subscribe(receiver.url(), org, ALL);
            String secret = hook.getString("secret");
            long hookId = hook.getLong("id");
            json().get("/api/v1/webhooks/{id}", hookId).then().statusCode(200).body("$", not(hasKey("secret")));

            long round = Api.round(org);
            Api.submit(round, d1, SHEET).statusCode(201);
            Api.submit(round, d1, SHEET).statusCode(200); // unchanged: no event
            Api.submit(round, d1, "PPPPPPPPPPPPPPPPPPPPPPPPP").statusCode(200);
            Api.submit(round, d2, SHEET).statusCode(201);
            json().post("/api/v1/rounds/{id}/close", round).then().statusCode(200);
            json().post("/api/v1/rounds/{id}/close", round).then().statusCode(200); // no change: no event
            json().post("/api/v1/rounds/{id}/reopen", round).then().statusCode(200);

            receiver.await(Receiver.event("round.reopened", Map.of("roundId", round)));
            var created = receiver.await(Receiver.event("submission.created", Map.of("roundId", round, "unitId", d1)));
            JsonNode data = created.json().get("data");
            assertEquals(1, data.get("revision").asInt());
            assertEquals("/api/v1/rounds/" + round + "/submissions/" + d1, data.get("link").asText());
            assertFalse(created.body().contains("IMPLEMENTED"), "payloads carry no answers");
            assertEquals(2, receiver.await(Receiver.event("submission.updated", Map.of("unitId", d1))).json().get("data").get("revision").asInt());
            assertEquals("/api/v1/rounds/" + round + "/report",
                    receiver.await(Receiver.event("round.completed", Map.of("roundId", round))).json().get("data").get("link").asText());

            awaitEverythingDueIsSent(null); // anything sent twice or wrongly has arrived now
            List<Receiver.Received> got = receiver.received();
            long checkedAt = Instant.now().getEpochSecond();
            for (Receiver.Received r : got) {
                assertDoesNotThrow(() -> r.verify(secret), "signature of " + r.id());
                assertTrue(r.timestamp() >= startedAt && r.timestamp() <= checkedAt, "timestamp is the time of sending");
                assertTrue(r.id().startsWith("evt_"));
            }
            Map<String, Long> byType = got.stream().collect(Collectors.groupingBy(Receiver.Received::type, Collectors.counting()));
            assertEquals(Map.of("round.opened", 1L, "submission.created", 2L, "submission.updated", 1L,
                    "round.completed", 1L, "round.closed", 1L, "round.reopened", 1L), byType);
            assertEquals(7, deliveries(hookId).getInt("totalItems"));
            assertEquals(List.of("DELIVERED"), deliveries(hookId).getList("items.status").stream().distinct().toList());
        }
    }

    @Test
    void integratorsAreToldWhenTheParticipantSetChanges() throws Exception {
        long org = Api.unit("組織", null, null);
        long d1 = Api.unit("営業部", org, null);
        try (Receiver receiver = new Receiver()) {
            subscribe(receiver.url(), org, List.of("round.participants-changed"));
            long round = Api.round(org);
            long late = Api.unit("新設課", org, null);
            Receiver.Received enrolled = receiver.await(Receiver.event("round.participants-changed", Map.of("roundId", round)));
            assertEquals(List.of(late), ids(enrolled, "added"));
            assertEquals(List.of(), ids(enrolled, "removed"));
            assertEquals("/api/v1/rounds/" + round, enrolled.json().get("data").get("link").asText());

            json().delete("/api/v1/rounds/" + round + "/participants/" + d1).then().statusCode(200);
            Receiver.Received removed = receiver.await(r -> Receiver.event("round.participants-changed", Map.of("roundId", round))
                    .test(r) && !ids(r, "removed").isEmpty());
            assertEquals(List.of(d1), ids(removed, "removed"));
            assertEquals(2, receiver.received().size());
        }
    }

    private static List<Long> ids(Receiver.Received event, String field) {
        List<Long> ids = new java.util.ArrayList<>();
        event.json().get("data").get(field).forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventOnTheThirdTry() throws Exception {
        long org = Api.unit("組織", null, null);
        Api.unit("部署", org, null);
        try (Receiver receiver = new Receiver()) {
            long hookId = subscribe(receiver.url(), org, List.of("round.opened")).getLong("id");
            receiver.answer(500, 500);
            long round = Api.round(org);
            Receiver.Received got = receiver.await(Receiver.event("round.opened", Map.of("roundId", round)));
            assertEquals(1, receiver.received().size());
            // The worker records the delivery after the receiver's answer: wait for that, not for the answer.
            JsonPath delivery = awaitDelivery(hookId, "status", "DELIVERED");
            assertEquals(got.id(), delivery.getString("items[0].eventId"));
            assertEquals(3, delivery.getInt("items[0].attempts"));
            assertEquals(200, delivery.getInt("items[0].lastStatusCode"));
        }
    }

    @Test
    void aSlowReceiverNeverSlowsASubmission() throws Exception {
        long org = Api.unit("組織", null, null);
        long dept = Api.unit("部署", org, null);
        long round = Api.round(org);
        try (Receiver receiver = new Receiver()) {
            long hookId = subscribe(receiver.url(), org, List.of("submission.created")).getLong("id");
            // The receiver answers nothing until the submission is acknowledged. A submission that waited for it
            // would wait until the send timed out, and that attempt would be recorded as failed.
            receiver.hold();
            Api.submit(round, dept, SHEET).statusCode(201);
            receiver.release();
            receiver.await(Receiver.event("submission.created", Map.of("unitId", dept)));
            JsonPath delivered = awaitDelivery(hookId, "status", "DELIVERED");
            assertEquals(1, delivered.getInt("items[0].attempts"), "submission waited for the receiver: " + delivered.prettify());
        }
    }

    @Test
    void eventsRecordedWhileTheReceiverIsDownOrPausedAreDeliveredLater() throws Exception {
        long org = Api.unit("組織", null, null);
        long dept = Api.unit("部署", org, null);
        long round = Api.round(org);
        long hookId;
        String url;
        try (Receiver down = new Receiver()) {
            url = down.url();
        }
        hookId = subscribe(url, org, List.of("submission.created", "round.closed")).getLong("id");
        Api.submit(round, dept, SHEET).statusCode(201);
        JsonPath failed = awaitDelivery(hookId, "attempts", 1);
        assertNull(failed.get("items[0].lastStatusCode"));
        assertTrue(failed.getString("items[0].lastError").contains("ConnectException"), failed.prettify());
        assertEquals("PENDING", failed.getString("items[0].status"));

        try (Receiver receiver = new Receiver()) {
            json().body(Map.of("url", receiver.url(), "paused", true)).patch("/api/v1/webhooks/{id}", hookId)
                    .then().statusCode(200).body("paused", equalTo(true));
            // Retries go on (every 0.5 s here) until the pause: on a slow machine there may have been more than one.
            int triedWhileDown = deliveries(hookId).getInt("items[0].attempts");
            json().post("/api/v1/rounds/{id}/close", round).then().statusCode(200);
            awaitEverythingDueIsSent(latestDue(hookId));
            assertEquals(List.of(), receiver.received(), "paused: nothing is sent");
            // newest first: round.closed never tried, submission.created only by the attempts while the receiver was down
            assertEquals(List.of(0, triedWhileDown), deliveries(hookId).getList("items.attempts", Integer.class),
                    "paused: nothing is tried");
            json().body(Map.of("paused", false)).patch("/api/v1/webhooks/{id}", hookId).then().statusCode(200);
            receiver.await(Receiver.event("submission.created", Map.of("unitId", dept)));
            receiver.await(Receiver.event("round.closed", Map.of("roundId", round)));

            long deliveryId = deliveries(hookId).getLong("items[0].id");
            json().post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hookId, deliveryId).then().statusCode(202)
                    .body("status", equalTo("PENDING"));
            awaitDelivery(hookId, "status", "DELIVERED");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 3);
            assertEquals(2, Set.copyOf(receiver.received().stream().map(Receiver.Received::id).toList()).size(),
                    "a retry resends the same event id");
            assertEquals(3, receiver.received().size());
        }
        json().delete("/api/v1/webhooks/{id}", hookId).then().statusCode(204);
        json().get("/api/v1/webhooks/{id}", hookId).then().statusCode(404);
    }

    @Test
    void aRetryAskedForWhileSendingIsNotLost() throws Exception {
        long org = Api.unit("組織", null, null);
        long dept = Api.unit("部署", org, null);
        long round = Api.round(org);
        try (Receiver receiver = new Receiver()) {
            long hookId = subscribe(receiver.url(), org, List.of("submission.created")).getLong("id");
            // The first attempt stays unanswered until the retry has been asked for.
            receiver.hold();
            Api.submit(round, dept, SHEET).statusCode(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.arrived() > 0);
            assertEquals(1, receiver.arrived(), "the first attempt is under way");
            long deliveryId = deliveries(hookId).getLong("items[0].id");
            json().post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hookId, deliveryId).then().statusCode(202);
            receiver.release();

            JsonPath done = awaitDelivery(hookId, "attempts", 2);
            assertEquals("DELIVERED", done.getString("items[0].status"), done.prettify());
            List<Receiver.Received> got = receiver.received();
            assertEquals(2, got.size(), "the retry asked for during the first attempt is sent after it");
            assertEquals(got.get(0).id(), got.get(1).id());
        }
    }

    /** Waits until the subscription's latest delivery shows the value; the worker records it after the receiver's answer. */
    private static JsonPath awaitDelivery(long hookId, String field, Object value) {
        AtomicReference<JsonPath> page = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            page.set(deliveries(hookId));
            assertEquals(value, page.get().get("items[0]." + field), page.get().prettify());
        });
        return page.get();
    }

    /** When the last of the subscription's pending deliveries is due. */
    private static OffsetDateTime latestDue(long hookId) {
        return deliveries(hookId).getList("items.nextAttemptAt", String.class).stream()
                .filter(Objects::nonNull).map(OffsetDateTime::parse).max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * Waits until the delivery worker has sent, and recorded the answer to, everything due by {@code dueBy} (by now
     * when null): what an absence is asserted against. A witness subscription of its own receives events until one
     * was recorded no earlier than that, then one more, recorded after the one before arrived. Everything due before
     * the first is claimed with it or earlier; the last can only be claimed by a later poll, and a poll starts only
     * once every send of the one before has been answered and recorded.
     */
    private static void awaitEverythingDueIsSent(OffsetDateTime dueBy) throws Exception {
        long witnessUnit = Api.unit("立会", null, null);
        Api.unit("部署", witnessUnit, null);
        try (Receiver witness = new Receiver()) {
            long witnessHook = subscribe(witness.url(), witnessUnit, List.of("round.opened")).getLong("id");
            // An event for the witness, received; when the service recorded it.
            Callable<OffsetDateTime> witnessed = () -> {
                long round = Api.round(witnessUnit);
                witness.await(Receiver.event("round.opened", Map.of("roundId", round)));
                return OffsetDateTime.parse(deliveries(witnessHook).getString("items[0].createdAt"));
            };
            await().atMost(Duration.ofSeconds(30)).until(witnessed, recorded -> dueBy == null || !recorded.isBefore(dueBy));
            witnessed.call();
        }
    }

    @Test
    void eventsOfOtherSubtreesAreNotSent() throws Exception {
        long org = Api.unit("組織", null, null);
        long site = Api.unit("東京", org, null);
        long tokyo = Api.unit("営業部", site, null);
        long osaka = Api.unit("業務部", Api.unit("大阪", org, null), null);
        try (Receiver receiver = new Receiver()) {
            subscribe(receiver.url(), site, List.of("submission.created", "round.opened"));
            long round = Api.round(org);
            Api.submit(round, osaka, SHEET).statusCode(201);
            Api.submit(round, tokyo, SHEET).statusCode(201);
            receiver.await(Receiver.event("submission.created", Map.of("unitId", tokyo)));
            receiver.await(Receiver.event("round.opened", Map.of("roundId", round)));
            awaitEverythingDueIsSent(null);
            assertEquals(2, receiver.received().size(), "the Osaka sheet is outside the subscription's subtree");
        }
    }

    @Test
    void badSubscriptionsAreRefused() {
        long org = Api.unit("組織", null, null);
        json().body(Map.of("url", "http://169.254.169.254/latest/meta-data", "events", List.of("round.opened"), "unitId", org))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        json().body(Map.of("url", "ftp://example.com/x", "events", List.of("round.opened"), "unitId", org))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        json().body(Map.of("url", "https://127.0.0.1/x", "events", List.of("round.deleted"), "unitId", org))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("events[0]"));
        json().body(Map.of("url", "https://127.0.0.1/x", "events", List.of("round.opened"), "unitId", 999_999_999))
                .post("/api/v1/webhooks").then().statusCode(404);
        json().get("/api/v1/webhooks/{id}/deliveries", 999_999_999).then().statusCode(404);
    }
}
