package io.shukei.report;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

/** The human forms speak the reader's language, show local times to the minute and name nothing above the caller. */
@QuarkusTest
class ReportHumanFormsTest {

    private static final Pattern MACHINE = Pattern.compile(
            "\\b(OPEN|CLOSED|CONSOLIDATED|WEAKEST|HEADCOUNT_MEAN|IMPLEMENTED|NOT_IMPLEMENTED|UNKNOWN)\\b|\\d{4}-\\d{2}-\\d{2}T");

    @Test
    void aJapanesePageShowsNoCodeNoEnglishAndLocalTimeToTheMinute() {
        Company company = Company.create();
        long round = company.round();
        String empty = html(round, "ja").text();
        assertTrue(empty.contains("まだ提出がありません"), empty);
        assertFalse(empty.contains("submitted yet"));

        Api.submit(round, company.tokyoGeneral(), "I".repeat(25)).statusCode(201);
        Api.submit(round, company.osakaGeneral(), "U" + "N".repeat(24)).statusCode(201);
        Document ja = html(round, "ja");
        String text = ja.text();
        assertFalse(MACHINE.matcher(text).find(), () -> "a code or a machine time: " + MACHINE.matcher(text).results()
                .map(m -> m.group()).toList());
        assertTrue(text.contains("状態: 受付中"), text);
        assertTrue(text.contains("集計方法: 統合判定"), text);
        OffsetDateTime generated = OffsetDateTime.parse(json().get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(200).extract().jsonPath().getString("generatedAt"));
        String local = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm").format(generated.atZoneSameInstant(ZoneId.of("Asia/Tokyo")));
        assertTrue(text.contains("作成: " + local), text);

        Document en = html(round, "en");
        assertTrue(en.text().contains("Status: Open"), en.text());
        assertTrue(en.text().contains("Policy: Consolidated answer"), en.text());
    }

    @Test
    void theDefaultPolicyBelowEveryUnitIsExplained() {
        Company company = Company.create();
        long round = company.round();
        // 90 each, answered differently: the consolidated answer is 80.
        Api.submit(round, company.tokyoGeneral(), "P".repeat(5) + "I".repeat(20)).statusCode(201);
        Api.submit(round, company.osakaGeneral(), "I".repeat(5) + "P".repeat(5) + "I".repeat(15)).statusCode(201);
        json().get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .body("score", equalTo(80.0f)).body("belowEveryUnit", equalTo(true));
        Document ja = html(round, "ja");
        assertNotNull(ja.getElementById("why-lower"));
        assertTrue(ja.getElementById("why-lower").text().contains("統合判定"));

        long fine = company.round();
        Api.submit(fine, company.tokyoGeneral(), "I".repeat(25)).statusCode(201);
        Api.submit(fine, company.osakaGeneral(), "I".repeat(25)).statusCode(201);
        assertNull(html(fine, "ja").getElementById("why-lower"));
    }

    @Test
    void aScopedCallersFormsAndFileNamesNameNothingAboveItsUnit() {
        Company company = Company.create();
        long round = company.round();
        Api.submit(round, company.tokyoGeneral(), "I".repeat(25)).statusCode(201);
        String organisation = json().get("/api/v1/units/" + company.org()).then().statusCode(200).extract().jsonPath()
                .getString("name");
        String tokyo = json().body(Map.of("name", "tokyo viewer", "role", "VIEWER", "unitId", company.tokyo()))
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getString("secret");
        for (String format : new String[] {"csv", "html", "xlsx"}) {
            Response response = Api.as(tokyo).queryParam("format", format).get("/api/v1/rounds/" + round + "/report");
            response.then().statusCode(200);
            String disposition = response.header("Content-Disposition");
            if (disposition != null) {
                String decoded = URLDecoder.decode(disposition, StandardCharsets.UTF_8);
                assertFalse(decoded.contains(organisation), decoded);
                assertTrue(decoded.contains(Company.TOKYO), decoded);
            }
            if (!format.equals("xlsx")) {
                assertFalse(response.asString().contains(organisation), format);
            }
        }
        Response admin = given().queryParam("format", "csv").get("/api/v1/rounds/" + round + "/report");
        assertTrue(URLDecoder.decode(admin.header("Content-Disposition"), StandardCharsets.UTF_8).contains(organisation));
        assertEquals(200, admin.statusCode());
    }

    private static Document html(long round, String lang) {
        return Jsoup.parse(given().queryParam("format", "html").queryParam("lang", lang)
                .get("/api/v1/rounds/" + round + "/report").then().statusCode(200).extract().asString());
    }
}
