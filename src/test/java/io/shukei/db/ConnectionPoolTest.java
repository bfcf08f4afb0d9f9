package io.shukei.db;

import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shukei.Api;
import io.shukei.TwoConnections;

/** What a request that gets no database connection in time is answered. */
@QuarkusTest
@TestProfile(TwoConnections.class)
class ConnectionPoolTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRequestThatGetsNoConnectionInTimeIsAnswered503() throws Exception {
        long org = Api.unit("Org", null, null);
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            Api.given().get("/api/v1/units/{u}", org).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("/problems/service-unavailable"));
        }
        Api.given().get("/api/v1/units/{u}", org).then().statusCode(200);
    }
}
