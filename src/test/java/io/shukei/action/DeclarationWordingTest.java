package io.shukei.action;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

/**
 * SECURITY ACTION is a self-declaration: whatever the service writes about it says 宣言, never
 * 認定 (certified) or 取得 (obtained), in either language (seed §2-2-1).
 */
@QuarkusTest
class DeclarationWordingTest {

    private static final List<String> FORBIDDEN = List.of("認定", "取得", "certif", "obtain", "acquir", "award", "granted");

    @Test
    void noProducedTextCallsTheDeclarationACertificationOrSomethingObtained() {
        List<String> produced = new ArrayList<>();
        long org = Api.unit("株式会社アクメ", null, null);
        long dept = Api.unit("東京営業部", org, null);
        String status = "/api/v1/units/" + org + "/security-action";
        String policy = "/api/v1/units/" + org + "/basic-policy";

        produced.add(json().get(status).then().statusCode(200).extract().asString());
        produced.add(given().get(status + "/evidence").then().statusCode(200).extract().asString());
        produced.add(json().get(policy).then().statusCode(404).extract().asString());
        produced.add(json().body(SecurityActionResourceTest.PUBLICATION).post(status + "/publication").then().statusCode(409)
                .extract().asString());
        produced.add(json().get("/api/v1/units/" + dept + "/security-action").then().statusCode(422).extract().asString());
        produced.add(json().body(Map.of("committedBy", "代表取締役社長 山田太郎")).post(status + "/commitments").then()
                .statusCode(201).extract().asString());
        produced.add(json().get(status).then().statusCode(200).extract().asString());
        long round = Api.round(org);
        Api.submit(round, dept, "P".repeat(24) + "U").statusCode(201);
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        produced.add(json().get(status).then().statusCode(200).extract().asString());
        produced.add(json().body(SecurityActionResourceTest.POLICY).put(policy).then().statusCode(201).extract().asString());
        produced.add(json().body(SecurityActionResourceTest.PUBLICATION).post(status + "/publication").then().statusCode(201)
                .extract().asString());
        String twoStars = json().get(status).then().statusCode(200).extract().asString();
        produced.add(twoStars);
        for (String format : List.of("json", "markdown", "html")) {
            produced.add(given().queryParam("format", format).get(policy).then().statusCode(200).extract().asString());
        }
        produced.add(given().get(status + "/evidence").then().statusCode(200).extract().asString());
        produced.add(given().get("/q/openapi").then().statusCode(200).extract().asString());

        // IPA's own question 11 (バックアップを取得) is the instrument, quoted verbatim in the evidence pack.
        List<String> instrument = given().get("/api/v1/catalog").then().statusCode(200).extract().jsonPath()
                .getList("questions.texts.ja", String.class);
        List<String> defects = new ArrayList<>();
        for (String text : produced) {
            String ours = text;
            for (String question : instrument) {
                ours = ours.replace(question, "");
            }
            String lower = ours.toLowerCase(Locale.ROOT);
            for (String word : FORBIDDEN) {
                int at = lower.indexOf(word);
                if (at >= 0) {
                    defects.add(word + " in …" + ours.substring(Math.max(0, at - 40), Math.min(ours.length(), at + 40)) + "…");
                }
            }
        }
        assertEquals(List.of(), defects);
        assertTrue(twoStars.contains("「二つ星を宣言しました」"), twoStars);
        assertTrue(twoStars.contains("宣言はIPAのSECURITY ACTIONのWebサイト"), twoStars);
    }

    @Test
    void everyStatementOfEveryLevelSaysDeclared() {
        for (Level level : Level.values()) {
            String ja = Wording.statement(level).ja();
            assertTrue(ja.contains("宣言"), ja);
            if (level != Level.NONE) {
                assertTrue(ja.contains("「" + level.label().ja() + "を宣言しました」"), ja);
            }
        }
    }
}
