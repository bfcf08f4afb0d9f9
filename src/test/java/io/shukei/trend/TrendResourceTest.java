package io.shukei.trend;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
class TrendResourceTest {

    private static final String I = "I".repeat(25);

    @Test
    void threeRoundsWithKnownAnswersGiveTheChanges() {
        Api.EastWest tree = Api.eastWest();
        long org = tree.org();
        long east = tree.east();
        long west = tree.west();
        long e1 = tree.e1();
        long e2 = tree.e2();
        long w1 = tree.w1();

        // 2024: every question mixed I/N/P -> PARTIAL x25 = 50; East I+N -> 50; West P -> 50
        long first = Api.round(org);
        tree.submitMixed(first);
        json().post("/api/v1/rounds/" + first + "/close").then().statusCode(200);

        // 2025, same participants: everything implemented -> 100
        long second = copy(org, first);
        Api.submit(second, e1, I).statusCode(201);
        Api.submit(second, e2, I).statusCode(201);
        Api.submit(second, w1, I).statusCode(201);
        json().post("/api/v1/rounds/" + second + "/close").then().statusCode(200);

        // 2026, still open: E1 does not know question 1, West has not answered -> 24 x 4 - 1 = 95
        long third = copy(org, second);
        Api.submit(third, e1, "U" + "I".repeat(24)).statusCode(201);
        Api.submit(third, e2, I).statusCode(201);

        json().get("/api/v1/units/" + org + "/trend").then().statusCode(200)
                .body("policy", equalTo("CONSOLIDATED"))
                .body("rounds.roundId", contains((int) first, (int) second, (int) third))
                .body("rounds.status", contains("CLOSED", "CLOSED", "OPEN"))
                .body("rounds.score", contains(50.0f, 100.0f, 95.0f))
                .body("rounds.change", contains(null, 50.0f, -5.0f))
                .body("rounds.band.code", contains("INSUFFICIENT", "ENTRY_LEVEL_ACHIEVED", "PARTLY_INSUFFICIENT"))
                .body("rounds.expected", contains(3, 3, 3))
                .body("rounds.submitted", contains(3, 3, 2))
                .body("rounds[0].questions[0].change", nullValue())
                .body("rounds[1].questions[0].points", equalTo(4.0f))
                .body("rounds[1].questions[0].change", equalTo(2.0f))
                .body("rounds[2].questions[0].answer", equalTo("UNKNOWN"))
                .body("rounds[2].questions[0].change", equalTo(-5.0f))
                .body("rounds[2].questions[1].change", equalTo(0.0f))
                .body("rounds[1].children.find { it.unitId == " + east + " }.change", equalTo(50.0f))
                .body("rounds[2].children.find { it.unitId == " + east + " }.score", equalTo(95.0f))
                .body("rounds[2].children.find { it.unitId == " + east + " }.change", equalTo(-5.0f))
                .body("rounds[2].children.find { it.unitId == " + west + " }.score", nullValue())
                .body("rounds[2].children.find { it.unitId == " + west + " }.change", nullValue());

        json().queryParam("policy", "WEAKEST").get("/api/v1/units/" + east + "/trend").then().statusCode(200)
                .body("policy", equalTo("WEAKEST"))
                .body("rounds.score", contains(0.0f, 100.0f, 95.0f))
                .body("rounds.change", contains(null, 100.0f, -5.0f))
                .body("rounds[0].children.unitId", containsInAnyOrder((int) e1, (int) e2))
                .body("rounds[1].children.find { it.unitId == " + e2 + " }.change", equalTo(100.0f));
    }

    @Test
    void copyingARoundTakesItsParticipantsAndPolicy() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, null);
        long b = Api.unit("B", org, null);
        Api.unit("C", org, null);
        long first = json().body(Map.of("title", "2025", "scopeUnitId", org, "participantIds", List.of(a, b), "policy", "WEAKEST"))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
        json().body(Map.of("title", "2026", "scopeUnitId", org, "copyFromRoundId", first))
                .post("/api/v1/rounds").then().statusCode(201)
                .body("policy", equalTo("WEAKEST"))
                .body("progress.missing.unitId", contains((int) a, (int) b));
        json().body(Map.of("title", "2026", "scopeUnitId", org, "copyFromRoundId", 987654321))
                .post("/api/v1/rounds").then().statusCode(400).body("errors[0].field", equalTo("copyFromRoundId"));
        json().body(Map.of("title", "2026", "scopeUnitId", org, "copyFromRoundId", first, "participantIds", List.of(a)))
                .post("/api/v1/rounds").then().statusCode(400).body("errors[0].field", equalTo("copyFromRoundId"));
    }

    @Test
    void aUnitWithoutRoundsHasAnEmptyTrend() {
        long org = Api.unit("Org", null, null);
        json().get("/api/v1/units/" + org + "/trend").then().statusCode(200).body("rounds", hasSize(0));
        json().get("/api/v1/units/987654321/trend").then().statusCode(404);
        json().queryParam("policy", "MEDIAN").get("/api/v1/units/" + org + "/trend").then().statusCode(400);
    }

    private static long copy(long org, long from) {
        return json().body(Map.of("title", "next", "scopeUnitId", org, "copyFromRoundId", from))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
