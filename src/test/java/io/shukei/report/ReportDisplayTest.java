package io.shukei.report;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

/** Numbers read the way they are banded, and messages name units by code and name in the reader's language. */
@QuarkusTest
class ReportDisplayTest {

    /** 17 I, 1 P, 7 N: 70 points. */
    private static final String SEVENTY = "I".repeat(17) + "P" + "N".repeat(7);
    /** 17 I, 1 P, 1 U, 6 N: 69 points. */
    private static final String SIXTY_NINE = "I".repeat(17) + "PU" + "N".repeat(6);

    @Test
    void aTotalJustUnderABandThresholdIsShownInsideItsBand() {
        long org = Api.unit("Org", null, null);
        long many = Api.unit("大所帯", org, 199);
        long one = Api.unit("一人", org, 1);
        long round = json().body(Map.of("title", "2026", "scopeUnitId", org, "policy", "HEADCOUNT_MEAN"))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.submit(round, many, SEVENTY).statusCode(201);
        Api.submit(round, one, SIXTY_NINE).statusCode(201);
        // (199 × 70 + 69) / 200 = 69.995: under 70, so 69.99 beside 対策が不十分, never 70.00.
        json().get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .body("score", equalTo(69.99f))
                .body("band.code", equalTo("INSUFFICIENT"))
                .body("policies.HEADCOUNT_MEAN.score", equalTo(69.99f));
        // The unit 大所帯 scores 70.00 in the table of sites; the organisation's score never does.
        Document html = Jsoup.parse(given().get("/api/v1/rounds/" + round + "/report?format=html").then().statusCode(200)
                .extract().asString());
        assertEquals("69.99 / 100", html.getElementById("score").text());
        assertFalse(html.getElementById("policies").text().contains("70.00"));
        json().get("/api/v1/units/" + org + "/trend").then().body("rounds[0].score", equalTo(69.99f));
        json().get("/api/v1/catalog").then().statusCode(200)
                .body("displayRule.ja", containsString("69.99点と表示"))
                .body("displayRule.en", containsString("69.995 shows as 69.99"))
                .body("bands.code", contains("ENTRY_LEVEL_ACHIEVED", "PARTLY_INSUFFICIENT", "INSUFFICIENT", "CRITICAL"))
                .body("bands.from", contains(100, 70, 50, null));
    }

    @Test
    void aMissingHeadcountIsNamedByCodeAndNameInTheLanguageOfTheAnswer() {
        long org = Api.unit("Org", null, null);
        long counted = Api.unit("営業部", org, 10);
        long uncounted = json().body(Map.of("code", "tokyo-admin", "name", "総務部", "parentId", org))
                .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");
        long round = Api.round(org);
        Api.submit(round, counted, "I".repeat(25)).statusCode(201);
        Api.submit(round, uncounted, "I".repeat(25)).statusCode(201);
        String report = "/api/v1/rounds/" + round + "/report";

        json().get(report + "?policy=HEADCOUNT_MEAN").then().statusCode(422)
                .body("type", equalTo("/problems/missing-headcount"))
                .body("detail", containsString("missing for tokyo-admin (総務部)"))
                .body("unitIds", contains((int) uncounted))
                .body("units[0].code", equalTo("tokyo-admin"));
        json().header("Accept-Language", "ja").get(report + "?policy=HEADCOUNT_MEAN").then().statusCode(422)
                .header("Content-Language", "ja")
                .body("detail", containsString("人数が未登録: 総務部(tokyo-admin)"));
        json().get(report).then()
                .body("policies.HEADCOUNT_MEAN.reason", equalTo("units without a headcount: tokyo-admin (総務部)"))
                .body("policies.HEADCOUNT_MEAN.missingHeadcount[0].name", equalTo("総務部"));
        given().get(report + "?format=html").then()
                .body(containsString("人数が未登録の部署: 総務部 (tokyo-admin)"))
                .body(not(containsString("units without a headcount")));
        given().get(report + "?format=csv&lang=en").then()
                .body(containsString("Units without a headcount: 総務部 (tokyo-admin)"));
    }
}
