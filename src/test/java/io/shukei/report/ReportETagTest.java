package io.shukei.report;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
class ReportETagTest {

    private static final String ALL_I = "I".repeat(25);

    private static String report(long round, String query) {
        return json().get("/api/v1/rounds/" + round + "/report" + query).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
    }

    private static void notModified(long round, String etag) {
        json().header("If-None-Match", etag).get("/api/v1/rounds/" + round + "/report").then().statusCode(304)
                .header("ETag", equalTo(etag)).body(emptyString());
    }

    @Test
    void anUnchangedReportIsNotModifiedAndANewSheetChangesTheTag() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, 10);
        long b = Api.unit("B", org, 10);
        long round = Api.round(org);
        Api.submit(round, a, ALL_I).statusCode(201);
        String first = report(round, "");
        assertEquals(first, report(round, ""), "the same data gives the same tag");
        notModified(round, first);
        json().header("If-None-Match", "W/" + first + ", \"other\"").get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(304);

        Api.submit(round, b, "N".repeat(25)).statusCode(201);
        json().header("If-None-Match", first).get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .header("ETag", not(equalTo(first))).body("coverage.submitted", equalTo(2)).body("score", equalTo(50.0f));
        String second = report(round, "");
        notModified(round, second);

        Api.submit(round, b, "I".repeat(24) + "P").statusCode(200);
        String third = report(round, "");
        assertNotEquals(second, third, "a correction changes the tag");
        json().get("/api/v1/rounds/" + round + "/report").then().body("score", equalTo(98.0f));

        Api.submit(round, b, "I".repeat(24) + "P").statusCode(200);
        assertEquals(third, report(round, ""), "the same sheet again stores nothing and keeps the tag");
    }

    @Test
    void theTagFollowsUnitsTheRoundAndTheRequestedView() {
        long org = Api.unit("Org", null, null);
        long site = Api.unit("Site", org, null);
        long a = Api.unit("A", site, 10);
        long round = Api.round(org);
        Api.submit(round, a, ALL_I).statusCode(201);
        String tag = report(round, "");
        String mean = report(round, "?policy=MEAN");
        String node = report(round, "?unitId=" + site);
        assertTrue(!tag.equals(mean) && !tag.equals(node) && !mean.equals(node), "one tag per view");

        json().body(Map.of("name", "営業部")).patch("/api/v1/units/" + a).then().statusCode(200);
        String renamed = report(round, "");
        assertNotEquals(tag, renamed, "a renamed unit changes the tag");
        json().get("/api/v1/rounds/" + round + "/report?include=units").then().body("units[0].name", equalTo("営業部"));

        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        String closed = report(round, "");
        assertNotEquals(renamed, closed, "closing the round changes the tag");
        json().get("/api/v1/rounds/" + round + "/report").then().body("roundStatus", equalTo("CLOSED"));
        notModified(round, closed);
    }

    @Test
    void otherFormatsAndMissingRoundsAreUnaffected() {
        json().header("If-None-Match", "*").get("/api/v1/rounds/999999999/report").then().statusCode(404);
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, 10);
        long round = Api.round(org);
        Api.submit(round, a, ALL_I).statusCode(201);
        json().queryParam("policy", "NOPE").get("/api/v1/rounds/" + round + "/report").then().statusCode(400);
        String body = io.shukei.Api.given().header("If-None-Match", report(round, ""))
                .get("/api/v1/rounds/" + round + "/report?format=csv").then().statusCode(200).extract().asString();
        assertTrue(body.contains("組織"), body);
    }
}
