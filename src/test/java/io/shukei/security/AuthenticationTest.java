package io.shukei.security;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.shukei.Api;

@QuarkusTest
class AuthenticationTest {

    @Inject
    DataSource dataSource;

    private static String mint(long unit, String role, OffsetDateTime expiresAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "k", "role", role, "unitId", unit));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        return json().body(body).post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getString("secret");
    }

    @Test
    void requestsWithoutAKeyAreUnauthenticated() {
        RestAssured.given().get("/api/v1/catalog").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("/problems/unauthenticated"));
        RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/catalog").then().statusCode(401);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void malformedUnknownAndWrongPrefixKeysAreRefused() {
        long org = Api.unit("Org", null, null);
        String good = mint(org, "VIEWER", null);
        for (String bad : new String[] {"shk_", "shk_nothex!!!!!_" + "a".repeat(32), "pk_" + good.substring(4),
                good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A"), good + "x", "null", "Bearer"}) {
            Api.as(bad).get("/api/v1/catalog").then().statusCode(401).body("type", equalTo("/problems/unauthenticated"));
        }
        Api.as(good).get("/api/v1/catalog").then().statusCode(200);
    }

    @Test
    void revokedKeysStopAtOnceAndExpiredKeysAreRefused() {
        long org = Api.unit("Org", null, null);
        var created = json().body(Map.of("name", "temp", "role", "ADMIN", "unitId", org)).post("/api/v1/api-keys")
                .then().statusCode(201).body("secret", startsWith("shk_")).extract().jsonPath();
        String secret = created.getString("secret");
        Api.as(secret).get("/api/v1/units/" + org).then().statusCode(200);
        json().delete("/api/v1/api-keys/" + created.getLong("id")).then().statusCode(204);
        Api.as(secret).get("/api/v1/units/" + org).then().statusCode(401).body("detail", equalTo("The key was revoked"));
        json().body(Map.of("name", "old", "role", "ADMIN", "unitId", org, "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/api/v1/api-keys").then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void secretsAreShownOnceAndStoredOnlyAsHashes() throws Exception {
        long org = Api.unit("Org", null, null);
        String secret = mint(org, "RESPONDENT", OffsetDateTime.now().plusDays(1));
        json().get("/api/v1/api-keys").then().statusCode(200)
                .body("items.secret", not(hasItem(secret))).body("items[0].secret", nullValue());
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT name, prefix, encode(secret_hash, 'escape') FROM api_key")) {
            while (rs.next()) {
                for (int i = 1; i <= 3; i++) {
                    assertFalse(rs.getString(i).contains(secret.substring(17)), "no part of a secret in the database");
                }
            }
        }
    }

    @Test
    void scopedAdminCannotMintKeysBeyondItsScope() {
        long mine = Api.unit("Mine", null, null);
        long theirs = Api.unit("Theirs", null, null);
        String admin = mint(mine, "ADMIN", null);
        // A unit outside the scope looks like a missing one (RoundProbingTest)
        Api.as(admin).contentType("application/json").body(Map.of("name", "x", "role", "ADMIN", "unitId", theirs))
                .post("/api/v1/api-keys").then().statusCode(404);
        Api.as(admin).contentType("application/json").body(Map.of("code", "neworg", "name", "新組織"))
                .post("/api/v1/units").then().statusCode(403);
        long dept = Api.unit("Dept", mine, null);
        Api.as(admin).contentType("application/json").body(Map.of("name", "head", "role", "RESPONDENT", "unitId", dept))
                .post("/api/v1/api-keys").then().statusCode(201);
    }

    @Test
    void departmentHeadSeesItsOwnPartOfTheRoundOnly() {
        long org = Api.unit("Org", null, null);
        long mine = Api.unit("Mine", org, null);
        long other = Api.unit("Other", org, null);
        long round = Api.round(org);
        Api.submit(round, other, "N".repeat(25)).statusCode(201);
        String head = mint(mine, "RESPONDENT", null);
        Api.as(head).get("/api/v1/rounds/" + round).then().statusCode(200)
                .body("progress.expected", equalTo(1)).body("progress.missing[0].unitId", equalTo((int) mine));
        Api.as(head).contentType("application/json").body(Api.sheet("I".repeat(25)))
                .put("/api/v1/rounds/" + round + "/submissions/" + mine).then().statusCode(201);
        // the organisation's report, fetched (and cached) by the admin first, is never served to the head
        Api.given().get("/api/v1/rounds/" + round + "/report").then().statusCode(200).body("unitId", equalTo((int) org));
        Api.as(head).get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .body("unitId", equalTo((int) mine)).body("score", equalTo(100.0f));
        Api.as(head).get("/api/v1/rounds/" + round + "/report?unitId=" + org).then().statusCode(404);
        Api.as(head).get("/api/v1/rounds/" + round + "/submissions/" + other).then().statusCode(404);
        Api.as(head).get("/api/v1/units/" + mine).then().statusCode(403);
    }

    @Test
    void everyWriteIsAuditedWithWhoWhatAndWhere() {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        String head = mint(dept, "RESPONDENT", null);
        long round = Api.round(org);
        Api.as(head).contentType("application/json").body(Api.sheet("I".repeat(25)))
                .put("/api/v1/rounds/" + round + "/submissions/" + dept).then().statusCode(201);
        Api.as(head).contentType("application/json").body(Api.sheet("P".repeat(25)))
                .put("/api/v1/rounds/" + round + "/submissions/" + dept).then().statusCode(200);
        var events = json().queryParam("unitId", dept).get("/api/v1/audit-events").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("submission.updated", events.getString("items[0].action"));
        assertEquals("API_KEY", events.getString("items[0].actorType"));
        assertEquals(1, events.getInt("items[0].revisionBefore"));
        assertEquals(2, events.getInt("items[0].revisionAfter"));
        assertEquals("127.0.0.1", events.getString("items[0].remoteAddress"));
        json().body(Map.of("companyName", "株式会社テスト", "representativeTitle", "代表取締役", "representativeName", "山田太郎",
                "enactedOn", "2026-04-01")).put("/api/v1/units/" + org + "/basic-policy").then().statusCode(201);
        json().body(Map.of("url", "http://127.0.0.1:9/hook", "events", java.util.List.of("round.closed"), "unitId", org))
                .post("/api/v1/webhooks").then().statusCode(201);
        json().queryParam("unitId", org).get("/api/v1/audit-events").then()
                .body("items.action", hasItem("round.created")).body("items.action", hasItem("unit.created"))
                .body("items.action", hasItem("basic-policy.versioned")).body("items.action", hasItem("webhook.created"));
    }

    @Test
    void theAuditTrailIsAppendOnly() throws Exception {
        Api.unit("Audited", null, null);
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> s.executeUpdate("UPDATE audit_event SET action = 'forged'"));
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> s.executeUpdate("DELETE FROM audit_event"));
        }
    }
}
