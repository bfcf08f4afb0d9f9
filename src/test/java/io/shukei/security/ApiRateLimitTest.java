package io.shukei.security;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shukei.Api;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ApiRateLimitTest.SmallQuota.class)
class ApiRateLimitTest {

    /** The remaining requests, and the seconds until the quota is whole again: at most the window, never 0 once used. */
    private static Matcher<String> left(int remaining) {
        return matchesPattern("\"api\";r=" + remaining + ";t=([1-9][0-9]{0,2}|[1-2][0-9]{3}|3[0-5][0-9]{2}|3600)");
    }

    /** Three requests an hour: no permit comes back while the test runs. */
    public static class SmallQuota implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shukei.rate-limit.requests", "3", "shukei.rate-limit.window", "PT1H");
        }
    }

    @Test
    void eachCallerHasItsOwnQuotaAndARequestOverItGets429WithRetryAfter() {
        long unit = Api.unit(Api.unique("上限"), null, null);
        String key = Api.json().body(Map.of("name", "quota", "role", "VIEWER", "unitId", unit))
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getString("secret");

        for (int left = 2; left >= 0; left--) {
            Api.as(key).get("/api/v1/catalog").then().statusCode(200)
                    .header("RateLimit-Policy", "\"api\";q=3;w=3600")
                    .header("RateLimit", left(left));
        }
        Api.as(key).get("/api/v1/units/" + unit).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(1200)))
                .header("RateLimit", left(0))
                .body("type", equalTo("/problems/too-many-requests"));

        // the administrator used two of its own three requests above
        Api.given().get("/api/v1/catalog").then().statusCode(200).header("RateLimit", left(0));
    }

    @Test
    void requestsWithoutValidCredentialsCountAgainstTheAddress() {
        for (int i = 0; i < 3; i++) {
            Api.as("not-a-key").get("/api/v1/catalog").then().statusCode(401)
                    .header("RateLimit", left(2 - i));
        }
        Api.as("still-not-a-key").get("/api/v1/catalog").then().statusCode(429)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(1200)));
    }
}
