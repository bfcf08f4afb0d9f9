package io.shukei.webhook;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

            Thread.sleep(500); // anything sent twice or wrongly would have arrived by now
            List<Receiver.Received> got = receiver.received();
            for (Receiver.Received r : got) {
                assertTrue(r.signedWith(secret), "signature of " + r.id());
                assertTrue(Math.abs(System.currentTimeMillis() / 1000 - r.timestamp()) < 60, "timestamp");
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
            subscribe(receiver.url(), org, List.of("submission.created"));
            receiver.delay(Duration.ofSeconds(3));
            long start = System.nanoTime();
            Api.submit(round, dept, SHEET).statusCode(201);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000, "submission waited for the receiver");
            receiver.await(Receiver.event("submission.created", Map.of("unitId", dept)));
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
            json().post("/api/v1/rounds/{id}/close", round).then().statusCode(200);
            Thread.sleep(1500);
            assertEquals(List.of(), receiver.received(), "paused: nothing is sent");
            json().body(Map.of("paused", false)).patch("/api/v1/webhooks/{id}", hookId).then().statusCode(200);
            receiver.await(Receiver.event("submission.created", Map.of("unitId", dept)));
            receiver.await(Receiver.event("round.closed", Map.of("roundId", round)));

            long deliveryId = deliveries(hookId).getLong("items[0].id");
            json().post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hookId, deliveryId).then().statusCode(202)
                    .body("status", equalTo("PENDING"));
            awaitDelivery(hookId, "status", "DELIVERED");
            long start = System.nanoTime();
            while (receiver.received().size() < 3 && System.nanoTime() - start < 10_000_000_000L) {
                Thread.sleep(50);
            }
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
            receiver.delay(Duration.ofMillis(1500));
            Api.submit(round, dept, SHEET).statusCode(201);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (receiver.arrived() == 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(1, receiver.arrived(), "the first attempt is under way");
            long deliveryId = deliveries(hookId).getLong("items[0].id");
            json().post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hookId, deliveryId).then().statusCode(202);

            JsonPath done = awaitDelivery(hookId, "attempts", 2);
            assertEquals("DELIVERED", done.getString("items[0].status"), done.prettify());
            List<Receiver.Received> got = receiver.received();
            assertEquals(2, got.size(), "the retry asked for during the first attempt is sent after it");
            assertEquals(got.get(0).id(), got.get(1).id());
        }
    }

    private static JsonPath awaitDelivery(long hookId, String field, Object value) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonPath page = deliveries(hookId);
        while (!value.equals(page.get("items[0]." + field)) && System.nanoTime() < until) {
            Thread.sleep(100);
            page = deliveries(hookId);
        }
        assertEquals(value, page.get("items[0]." + field), page.prettify());
        return page;
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
            Thread.sleep(500);
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
