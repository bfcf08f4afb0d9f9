package io.shukei.submission;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.shukei.Api;

/** Sheet writes take turns: one at a time here, and one that waited too long for its turn is refused. */
@QuarkusTest
@TestProfile(WriteTurnsTest.OneTurn.class)
class WriteTurnsTest {

    public static class OneTurn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shukei.max-concurrent-writes", "1", "shukei.db.acquisition-timeout", "1S");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aWriteThatWaitedLongerThanTheTimeoutForItsTurnGets503AndChangesNothing() throws Exception {
        long org = Api.unit("Org", null, null);
        long first = Api.unit("First", org, null);
        long second = Api.unit("Second", org, null);
        long round = Api.round(org);
        CompletableFuture<Response> holder;
        CompletableFuture<Response> waiter;
        // Holds the only turn: the first unit's write waits for its participant row, locked here.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement(
                    "SELECT 1 FROM round_participant WHERE round_id = ? AND unit_id = ? FOR UPDATE")) {
                s.setLong(1, round);
                s.setLong(2, first);
                s.executeQuery().close();
            }
            holder = CompletableFuture.supplyAsync(() -> Api.json().body(Api.sheet("I".repeat(25)))
                    .put("/api/v1/rounds/{r}/submissions/{u}", round, first));
            Thread.sleep(500);
            waiter = CompletableFuture.supplyAsync(() -> Api.json().body(Api.sheet("P".repeat(25)))
                    .put("/api/v1/rounds/{r}/submissions/{u}", round, second));
            Thread.sleep(1500);
            lock.rollback();
        }
        assertEquals(201, holder.get().statusCode(), holder.get().asString());
        Response refused = waiter.get();
        assertEquals(503, refused.statusCode(), refused.asString());
        assertEquals("/problems/service-unavailable", refused.jsonPath().getString("type"));
        assertEquals("5", refused.header("Retry-After"));
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        Api.given().get("/api/v1/rounds/{r}/submissions/{u}", round, second).then().statusCode(404);
        // With the turn free again, the same write goes through.
        Api.submit(round, second, "P".repeat(25)).statusCode(201).body("score", equalTo(50));
    }
}
