package io.shukei.report;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

/**
 * A closed round is the round of the day it was closed: renaming, re-coding, moving, archiving or re-weighting
 * units afterwards changes no form of its report, its trend entry or its sheets list, byte for byte and tag for
 * tag. Reopening is the one way to bring it up to date.
 */
@QuarkusTest
class ClosedRoundReportTest {

    @Inject
    ReportCache cache;

    /** A company with two sites; A (3 people) and B (7) in the first, C (5) in the second. */
    private record Tree(long org, long east, long west, long a, long b, long c) {
    }

    private static Tree tree() {
        long org = Api.unit("アクメ", null, null);
        long east = Api.unit("東", org, null);
        long west = Api.unit("西", org, null);
        return new Tree(org, east, west, Api.unit("A", east, 3), Api.unit("B", east, 7), Api.unit("C", west, 5));
    }

    /** Every form of everything the closed round shows, with the tags that go with them. */
    private Map<String, Object> everyForm(long round, Tree t) {
        // Emptied first, so that each report is built again rather than served from what was cached.
        cache.removeFiles();
        Map<String, Object> forms = new LinkedHashMap<>();
        String report = "/api/v1/rounds/" + round + "/report";
        for (String query : List.of("", "?policy=HEADCOUNT_MEAN", "?policy=MEAN", "?unitId=" + t.east(), "?unitId=" + t.a())) {
            Response json = given().accept("application/json").get(report + query);
            json.then().statusCode(200);
            forms.put("json" + query, json.asByteArray());
            forms.put("etag" + query, json.header("ETag"));
        }
        Response gzip = given().accept("application/json").header("Accept-Encoding", "gzip").get(report);
        forms.put("gzip etag", gzip.header("ETag"));
        for (String format : List.of("csv", "xlsx", "html")) {
            for (String lang : List.of("ja", "en")) {
                forms.put(format + " " + lang, given().get(report + "?format=" + format + "&lang=" + lang)
                        .then().statusCode(200).extract().asByteArray());
            }
            forms.put(format + " east", given().get(report + "?format=" + format + "&unitId=" + t.east())
                    .then().statusCode(200).extract().asByteArray());
        }
        forms.put("submissions json", json().get("/api/v1/rounds/" + round + "/submissions").then().statusCode(200)
                .extract().asByteArray());
        forms.put("submissions csv", given().accept("text/csv").get("/api/v1/rounds/" + round + "/submissions")
                .then().statusCode(200).extract().asByteArray());
        forms.put("sheet", json().get("/api/v1/rounds/" + round + "/submissions/" + t.a()).then().statusCode(200)
                .extract().asByteArray());
        forms.put("round", json().get("/api/v1/rounds/" + round).then().statusCode(200).extract().asByteArray());
        for (long node : List.of(t.org(), t.east())) {
            forms.put("trend entry " + node, json().queryParam("policy", "HEADCOUNT_MEAN").get("/api/v1/units/" + node + "/trend")
                    .then().statusCode(200).extract().jsonPath().getMap("rounds.find { it.roundId == " + round + " }"));
        }
        return forms;
    }

    private static void assertSame(Map<String, Object> before, Map<String, Object> after) {
        assertEquals(before.keySet(), after.keySet());
        for (String form : before.keySet()) {
            if (before.get(form) instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) after.get(form), form + " changed");
            } else {
                assertEquals(before.get(form), after.get(form), form + " changed");
            }
        }
    }

    @Test
    void closedRoundNeverChangesWhateverHappensToItsUnits() {
        Tree t = tree();
        long round = json().body(Map.of("title", "2025年度", "scopeUnitId", t.org(), "policy", "HEADCOUNT_MEAN"))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.submit(round, t.a(), "I".repeat(25)).statusCode(201);
        Api.submit(round, t.b(), "P".repeat(25)).statusCode(201);
        Api.submit(round, t.c(), "I".repeat(24) + "U").statusCode(201);
        OffsetDateTime closedAt = OffsetDateTime.parse(json().post("/api/v1/rounds/" + round + "/close").then()
                .statusCode(200).extract().jsonPath().getString("closedAt"));
        json().get("/api/v1/rounds/" + round + "/report").then().body("score", equalTo(75.0f));
        Map<String, Object> closed = everyForm(round, t);
        // Files written later than the close by more than a zip time stamp's resolution (2 s) would differ
        // if they carried the time of writing.
        await().atMost(Duration.ofSeconds(10)).until(() -> OffsetDateTime.now().isAfter(closedAt.plusSeconds(3)));

        // A year of re-organisation: renames, a new code, a thousand people in A, B moved to the other site,
        // C archived, a new department, the company renamed, a new round opened over it all.
        json().body(Map.of("name", "A 改", "headcount", 1000))
                .patch("/api/v1/units/" + t.a()).then().statusCode(200);
        json().body(Map.of("code", "b-new", "parentId", t.west()))
                .patch("/api/v1/units/" + t.b()).then().statusCode(200);
        json().body(Map.of("archived", true))
                .patch("/api/v1/units/" + t.c()).then().statusCode(200);
        json().body(Map.of("name", "新アクメ"))
                .patch("/api/v1/units/" + t.org()).then().statusCode(200);
        json().body(Map.of("name", "東日本"))
                .patch("/api/v1/units/" + t.east()).then().statusCode(200);
        Api.unit("新設", t.east(), 2);
        Api.round(t.org());

        assertSame(closed, everyForm(round, t));
        json().get("/api/v1/rounds/" + round + "/report?include=units").then().body("score", equalTo(75.0f))
                .body("unitName", equalTo("アクメ"))
                .body("units.find { it.unitId == " + t.a() + " }.headcount", equalTo(3));
    }

    @Test
    void reopeningBringsTheRoundUpToDateAndIsAudited() {
        Tree t = tree();
        long round = Api.round(t.org());
        Api.submit(round, t.a(), "I".repeat(25)).statusCode(201);
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        String etag = given().get("/api/v1/rounds/" + round + "/report").then().extract().header("ETag");
        json().body(Map.of("name", "A 改"))
                .patch("/api/v1/units/" + t.a()).then().statusCode(200);
        json().get("/api/v1/rounds/" + round + "/report?include=units").then().body("units[0].name", equalTo("A"));

        json().post("/api/v1/rounds/" + round + "/reopen").then().statusCode(200);
        json().get("/api/v1/rounds/" + round + "/report?include=units").then().body("units[0].name", equalTo("A 改"));
        assertNotEquals(etag, given().get("/api/v1/rounds/" + round + "/report").then().extract().header("ETag"));
        json().queryParam("unitId", t.org()).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.resourceId == '" + round + "' }.action", hasItem("round.resynced"))
                .body("items.findAll { it.resourceId == '" + round + "' }.action", hasItem("round.reopened"));
    }

    @Test
    void anOpenRoundFollowsItsUnits() {
        Tree t = tree();
        long round = json().body(Map.of("title", "2026年度", "scopeUnitId", t.org(), "policy", "HEADCOUNT_MEAN"))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.submit(round, t.a(), "I".repeat(25)).statusCode(201);
        Api.submit(round, t.b(), "N".repeat(25)).statusCode(201);
        json().get("/api/v1/rounds/" + round + "/report").then().body("score", equalTo(30.0f));
        json().body(Map.of("name", "A 改", "headcount", 7))
                .patch("/api/v1/units/" + t.a()).then().statusCode(200);
        json().body(Map.of("parentId", t.west()))
                .patch("/api/v1/units/" + t.b()).then().statusCode(200);
        json().get("/api/v1/rounds/" + round + "/report?include=units").then()
                .body("score", equalTo(50.0f))
                .body("units.find { it.unitId == " + t.a() + " }.name", equalTo("A 改"))
                .body("children.find { it.unitId == " + t.west() + " }.coverage.expected", equalTo(2));
        given().get("/api/v1/rounds/" + round + "/report?format=csv").then().body(containsString("A 改"));
    }
}
