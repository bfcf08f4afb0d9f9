package io.shukei;

import static io.shukei.Api.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void livenessAndReadinessAreUpWithTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Database")));
    }

    @Test
    void unknownPathAndMethodAreProblems() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().delete("/api/v1/catalog").then().statusCode(405).contentType("application/problem+json");
        given().accept("text/csv").get("/api/v1/catalog").then().statusCode(406).contentType("application/problem+json");
    }
}
