package io.shukei.pages;

import static io.shukei.pages.Browserless.page;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shukei.Api;

@QuarkusTest
@TestProfile(PageLimitsTest.Tight.class)
class PageLimitsTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shukei.sessions.sign-in-attempts", "3", "shukei.sessions.sign-in-window", "1H",
                    "shukei.invitations.link-requests", "4", "shukei.invitations.link-window", "1H");
        }
    }

    @Test
    void guessingKeysIsStoppedAfterAFewAttempts() {
        for (int i = 0; i < 3; i++) {
            page().formParams(Map.of("key", "shk_guess" + i, "csrf", "x")).post("/manage/sign-in").then()
                    .statusCode(not(429));
        }
        page().formParams(Map.of("key", Api.ADMIN_KEY, "csrf", "x")).post("/manage/sign-in").then().statusCode(429)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(1200))).body(containsString("試行が多すぎます"));
    }

    @Test
    void guessingLinksIsStoppedAfterAFewRequests() {
        for (int i = 0; i < 4; i++) {
            page().get("/i/" + String.valueOf(i).repeat(43)).then().statusCode(404);
        }
        page().get("/i/" + "9".repeat(43)).then().statusCode(429).header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(900)));
    }
}
