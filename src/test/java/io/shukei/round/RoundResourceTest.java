package io.shukei.round;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
class RoundResourceTest {

    @Test
    void participantsDefaultToLeavesAndProgressListsTheMissing() {
        long org = Api.unit("Org", null, null);
        long site = Api.unit("Site", org, null);
        long a = Api.unit("A", site, null);
        long b = Api.unit("B", site, null);
        long c = Api.unit("C", org, null);
        long round = json().body(Map.of("title", "2026", "scopeUnitId", org, "dueDate", "2026-06-30"))
                .post("/api/v1/rounds").then().statusCode(201)
                .header("Location", containsString("/api/v1/rounds/"))
                .extract().jsonPath().getLong("id");
        Api.submit(round, a, "I".repeat(25)).statusCode(201);
        json().get("/api/v1/rounds/" + round).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("policy", equalTo("CONSOLIDATED"))
                .body("dueDate", equalTo("2026-06-30"))
                .body("catalogVersion", equalTo("tmg-handbook-2024"))
                .body("progress.expected", equalTo(3))
                .body("progress.submitted", equalTo(1))
                .body("progress.missing.unitId", containsInAnyOrder((int) b, (int) c));
        // a unit created later in the scope joins the open round by itself (autoEnrol, the default)
        long late = Api.unit("Late", site, null);
        json().get("/api/v1/rounds/" + round).then().body("autoEnrol", equalTo(true))
                .body("progress.expected", equalTo(4))
                .body("progress.missing.unitId", containsInAnyOrder((int) b, (int) c, (int) late));
    }

    @Test
    void closeAndReopenChangeStatus() {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        long round = Api.round(org);
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedAt", notNullValue());
        Api.submit(round, dept, "I".repeat(25)).statusCode(409).body("type", equalTo("/problems/round-closed"));
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        json().post("/api/v1/rounds/" + round + "/reopen").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("closedAt", nullValue());
        Api.submit(round, dept, "I".repeat(25)).statusCode(201);
    }

    @Test
    void explicitParticipantsMustLieInScope() {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        long outsider = Api.unit("Outsider", Api.unit("Other", null, null), null);
        json().body(Map.of("title", "x", "scopeUnitId", org, "participantIds", List.of(dept, outsider, dept, 99999999)))
                .post("/api/v1/rounds").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("participantIds[1]", "participantIds[2]", "participantIds[3]"));
        json().body(Map.of("title", "x", "scopeUnitId", org, "policy", "MEDIAN")).post("/api/v1/rounds").then()
                .statusCode(400).body("errors[0].field", equalTo("policy"));
    }

    @Test
    void participantsCanChangeWhileOpenOnly() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, null);
        long b = Api.unit("B", org, null);
        long round = json().body(Map.of("title", "x", "scopeUnitId", org, "participantIds", List.of(a)))
                .post("/api/v1/rounds").then().statusCode(201).body("progress.expected", equalTo(1))
                .extract().jsonPath().getLong("id");
        Api.submit(round, b, "I".repeat(25)).statusCode(422).body("type", equalTo("/problems/not-a-participant"));
        json().body(Map.of("unitIds", List.of(a, b))).put("/api/v1/rounds/" + round + "/participants").then()
                .statusCode(200).body("progress.expected", equalTo(2));
        Api.submit(round, b, "I".repeat(25)).statusCode(201);
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        json().body(Map.of("unitIds", List.of(a))).put("/api/v1/rounds/" + round + "/participants").then()
                .statusCode(409);
    }

    @Test
    void roundsAreListedByScopeParticipantAndStatus() {
        long org = Api.unit("Org", null, null);
        long site = Api.unit("Site", org, null);
        long dept = Api.unit("Dept", site, null);
        long whole = Api.round(org);
        long siteOnly = Api.round(site);
        json().post("/api/v1/rounds/" + whole + "/close").then().statusCode(200);
        json().queryParam("scopeUnitId", org).get("/api/v1/rounds").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items[0].progress.expected", equalTo(1));
        json().queryParam("scopeUnitId", site).get("/api/v1/rounds").then().body("items.id", containsInAnyOrder((int) siteOnly));
        json().queryParam("participantId", dept).queryParam("status", "OPEN").get("/api/v1/rounds").then()
                .body("items.id", containsInAnyOrder((int) siteOnly));
        json().queryParam("status", "DONE").get("/api/v1/rounds").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        json().get("/api/v1/rounds/" + 987654321L).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        json().get("/api/v1/rounds/abc").then().statusCode(404).contentType("application/problem+json");
        json().queryParam("scopeUnitId", dept).get("/api/v1/rounds").then().body("totalItems", equalTo(0));
    }
}
