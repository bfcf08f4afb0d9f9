package io.shukei.catalog;

import static io.shukei.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CatalogResourceTest {

    /** The seed's lines "• N text", where a space or a no-break space separates number and text. */
    private static List<String> seedQuestions() throws IOException {
        try (InputStream in = CatalogResourceTest.class.getResourceAsStream("/seed-questions.txt")) {
            String seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("(?m)^\\s*•\\s*(\\d+)[ \\u00A0](.+)$").matcher(seed);
            List<String> texts = new ArrayList<>();
            while (m.find()) {
                assertEquals(texts.size() + 1, Integer.parseInt(m.group(1)));
                texts.add(m.group(2));
            }
            return texts;
        }
    }

    @Test
    void servesIpaJapaneseWordingExactlyAsTheSeed() throws IOException {
        List<String> seed = seedQuestions();
        assertEquals(25, seed.size());
        JsonPath catalog = given().get("/api/v1/catalog").then().statusCode(200)
                .header("Content-Language", "ja").extract().jsonPath();
        assertEquals(seed, catalog.getList("questions.text"));
        assertEquals(seed, catalog.getList("questions.texts.ja"));
    }

    @Test
    void describesPartsAnswersAndVersion() {
        given().get("/api/v1/catalog").then().statusCode(200)
                .body("id", equalTo("ipa-5min-self-diagnosis"))
                .body("version", equalTo("tmg-handbook-2024"))
                .body("parts.title", contains("基本的対策", "従業員としての対策", "組織としての対策"))
                .body("parts.firstQuestion", contains(1, 6, 19))
                .body("parts.lastQuestion", contains(5, 18, 25))
                .body("parts.maxPoints", contains(20, 52, 28))
                .body("questions", hasSize(25))
                .body("questions.findAll { it.part == 2 }", hasSize(13))
                .body("answers.code", contains("IMPLEMENTED", "PARTIAL", "NOT_IMPLEMENTED", "UNKNOWN"))
                .body("answers.label", contains("実施している", "一部実施している", "実施していない", "わからない"))
                .body("answers.points", contains(4, 2, 0, -1));
    }

    @Test
    void englishIsPrimaryOnRequestAndMarkedUnofficial() {
        given().header("Accept-Language", "en-GB,en;q=0.9,ja;q=0.5").get("/api/v1/catalog").then().statusCode(200)
                .header("Content-Language", "en")
                .body("language", equalTo("en"))
                .body("parts[0].title", equalTo("Basic measures"))
                .body("answers[3].label", equalTo("Don't know"))
                .body("questions[0].texts.ja", equalTo("パソコンやスマホ等情報機器のOSやソフトウェアは常に最新の状態にしていますか?"))
                .body("translationNote.en", org.hamcrest.Matchers.containsString("unofficial"));
        given().header("Accept-Language", "fr, ja;q=0.8, en;q=0.3").get("/api/v1/catalog").then()
                .header("Content-Language", "ja");
        given().queryParam("lang", "en").header("Accept-Language", "ja").get("/api/v1/catalog").then()
                .body("language", equalTo("en"));
    }

    @Test
    void unknownLanguageParameterIsAProblem() {
        given().queryParam("lang", "de").get("/api/v1/catalog").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lang"));
    }

    @Test
    void eachPartSaysWhatTheSheetSaysAndEachBandGivesItsTotals() {
        given().get("/api/v1/catalog").then().statusCode(200)
                .body("parts[0].description.ja", equalTo("No.1~5は企業の規模や形態を問わず、必須の5項目です。いずれも一度行えば良いもの"
                        + "ではなく、継続的な実施が欠かせないため、運用ルールとして社内に定着させる必要があります。"))
                .body("parts[1].description.ja", startsWith("No.6~18は従業員として注目すべき項目です。"))
                .body("parts[2].description.ja", startsWith("No.19~25は組織としての方針を定めた上で"))
                .body("bands.range.ja", contains("100点", "70点以上100点未満", "50点以上70点未満", "50点未満"));
    }
}
