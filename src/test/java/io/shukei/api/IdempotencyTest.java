package io.shukei.api;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

@QuarkusTest
class IdempotencyTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void repeatWithSameKeyAndBodyReplaysTheFirstResponseWithoutASecondWrite() {
        String code = Api.unique("idem");
        Map<String, Object> body = Map.of("code", code, "name", "冪等");
        String key = Api.unique("key");
        Response first = json().header("Idempotency-Key", key).body(body).post("/api/v1/units");
        first.then().statusCode(201);
        Response again = json().header("Idempotency-Key", key).body(body).post("/api/v1/units");
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"));
        assertEquals(first.jsonPath().getLong("id"), again.jsonPath().getLong("id"));
        // without the key the same body is a second request: the code is taken now
        json().body(body).post("/api/v1/units").then().statusCode(409);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        String key = Api.unique("key");
        json().header("Idempotency-Key", key).body(Map.of("code", Api.unique("a"), "name", "A")).post("/api/v1/units")
                .then().statusCode(201);
        json().header("Idempotency-Key", key).body(Map.of("code", Api.unique("b"), "name", "B")).post("/api/v1/units")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void refusalsAreReplayedTooAndKeysAreScopedToThePath() {
        String key = Api.unique("key");
        json().header("Idempotency-Key", key).body(Map.of("title", "t")).post("/api/v1/rounds").then().statusCode(400);
        json().header("Idempotency-Key", key).body(Map.of("title", "t")).post("/api/v1/rounds").then().statusCode(400)
                .header("Idempotent-Replayed", "true").body("type", equalTo("/problems/validation"));
        json().header("Idempotency-Key", key).body(Map.of("code", Api.unique("c"), "name", "C")).post("/api/v1/units")
                .then().statusCode(201);
    }

    @Test
    void closingARoundTwiceWithOneKeyIsOneClose() {
        long org = Api.unit("Org", null, null);
        Api.unit("Dept", org, null);
        long round = Api.round(org);
        String key = Api.unique("key");
        int revision = json().header("Idempotency-Key", key).post("/api/v1/rounds/" + round + "/close").then()
                .statusCode(200).extract().jsonPath().getInt("revision");
        json().header("Idempotency-Key", key).post("/api/v1/rounds/" + round + "/close").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("revision", equalTo(revision));
    }

    @Test
    void repeatWhileTheFirstIsInFlightIsAConflict() throws Exception {
        String key = Api.unique("key");
        String body = "{\"code\":\"" + Api.unique("e") + "\",\"name\":\"E\"}";
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // the state a first request leaves while it is still running: claimed, no response yet
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("INSERT INTO idempotency_key "
                + "(scope, idem_key, request_hash, created_at) VALUES ('BOOTSTRAP:bootstrap POST /api/v1/units', ?, ?, now())")) {
            s.setString(1, key);
            s.setString(2, hash);
            s.executeUpdate();
        }
        json().header("Idempotency-Key", key).body(body).post("/api/v1/units").then().statusCode(409)
                .body("type", equalTo("/problems/idempotency-key-in-flight"));
    }

    @Test
    void keysBelongToTheirCaller() {
        long organisation = Api.unit("Org", null, null);
        String other = json().body(Map.of("name", "other admin", "role", "ADMIN", "unitId", organisation)).post("/api/v1/api-keys")
                .then().statusCode(201).extract().jsonPath().getString("secret");
        String key = Api.unique("key");
        json().header("Idempotency-Key", key).body(Map.of("code", Api.unique("f"), "name", "F", "parentId", organisation))
                .post("/api/v1/units").then().statusCode(201);
        // the same key from another caller with another body is a new request, not a reuse
        Api.as(other).contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("code", Api.unique("g"), "name", "G", "parentId", organisation)).post("/api/v1/units")
                .then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void malformedKeyIsRefused() {
        json().header("Idempotency-Key", "has space").body(Map.of("code", Api.unique("d"), "name", "D"))
                .post("/api/v1/units").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
