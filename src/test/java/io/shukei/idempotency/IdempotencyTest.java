package io.shukei.idempotency;

import static io.shukei.Api.json;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
        long org = Api.unit("Org", null, null);
        String key = Api.unique("key");
        Map<String, Object> body = Map.of("code", Api.unique("e"), "name", "E", "parentId", org);
        CompletableFuture<Response> first;
        // The first request waits for the parent unit, which another transaction holds, and so stays in flight.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM unit WHERE id = ? FOR UPDATE")) {
                s.setLong(1, org);
                s.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> json().header("Idempotency-Key", key).body(body).post("/api/v1/units"));
            await().atMost(Duration.ofSeconds(4)).until(() -> waitingForALock(c));
            json().header("Idempotency-Key", key).body(body).post("/api/v1/units").then().statusCode(409)
                    .body("type", equalTo("/problems/idempotency-key-in-flight"));
            c.commit();
        }
        assertEquals(201, first.get().statusCode());
        json().header("Idempotency-Key", key).body(body).post("/api/v1/units").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.get().jsonPath().getInt("id")));
    }

    private static boolean waitingForALock(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
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

    @Test
    void aRepeatedKeyCreationNeverShowsTheSecretAgain() throws SQLException {
        long org = Api.unit("Org", null, null);
        Map<String, Object> body = Map.of("name", "営業部長", "role", "RESPONDENT", "unitId", org);
        secretIsShownOnce("/api/v1/api-keys", body, "secret");
    }

    @Test
    void aRepeatedWebhookSubscriptionNeverShowsItsSigningSecretAgain() throws SQLException {
        long org = Api.unit("Org", null, null);
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("round.opened"), "unitId", org);
        secretIsShownOnce("/api/v1/webhooks", body, "secret");
    }

    /**
     * The first response carries the secret; a repeat with the same key gets a problem naming what was
     * created, without the secret, and the key store holds no copy of it.
     */
    private void secretIsShownOnce(String path, Map<String, Object> body, String field) throws SQLException {
        String key = Api.unique("key");
        Response first = json().header("Idempotency-Key", key).body(body).post(path);
        first.then().statusCode(201);
        String secret = first.jsonPath().getString(field);
        Response again = json().header("Idempotency-Key", key).body(body).post(path);
        again.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/secret-shown-once"))
                .body("location", equalTo(first.header("Location")))
                .header("Location", first.header("Location"));
        assertFalse(again.asString().contains(secret), "the repeat does not carry the secret");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM idempotency_key "
                     + "WHERE body IS NOT NULL AND strpos(convert_from(body, 'UTF8'), ?) > 0")) {
            s.setString(1, secret);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no stored response holds the secret");
            }
        }
    }

    /**
     * The stored response and the change it reports commit together: when the response cannot be
     * stored (as when the process dies between the two), the change is not made either, and a retry
     * with the same key makes it exactly once.
     */
    @Test
    void aChangeWhoseResponseCannotBeStoredIsNotMade() throws SQLException {
        String key = Api.unique("key");
        String code = Api.unique("atomic");
        Map<String, Object> body = Map.of("code", code, "name", "原子");
        execute("CREATE FUNCTION refuse_stored_response() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.status IS NOT NULL AND NEW.idem_key = '" + key + "' THEN RAISE EXCEPTION 'refused'; END IF; "
                + "RETURN NEW; END $$",
                "CREATE TRIGGER refuse_stored_response BEFORE INSERT OR UPDATE ON idempotency_key "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_stored_response()");
        try {
            Response refused = json().header("Idempotency-Key", key).body(body).post("/api/v1/units");
            assertNotEquals(201, refused.statusCode(), refused.asString());
            assertEquals(0, unitsWithCode(code), "the change was not made without its stored response");
        } finally {
            execute("DROP TRIGGER refuse_stored_response ON idempotency_key", "DROP FUNCTION refuse_stored_response()");
        }
        json().header("Idempotency-Key", key).body(body).post("/api/v1/units").then().statusCode(201);
        json().header("Idempotency-Key", key).body(body).post("/api/v1/units").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        assertEquals(1, unitsWithCode(code));
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private int unitsWithCode(String code) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM unit WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
