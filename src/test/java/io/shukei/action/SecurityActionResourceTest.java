package io.shukei.action;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
class SecurityActionResourceTest {

    static final Map<String, Object> POLICY = Map.of("companyName", "株式会社アクメ", "representativeTitle", "代表取締役社長",
            "representativeName", "山田太郎", "enactedOn", "2026-04-01");
    static final Map<String, Object> PUBLICATION = Map.of("url", "https://www.example.co.jp/security-policy",
            "publishedOn", "2026-04-02");

    static String status(long org) {
        return "/api/v1/units/" + org + "/security-action";
    }

    @Test
    void anOrganisationWalksFromNothingToTwoStarsOneRequirementAtATime() {
        long org = Api.unit("株式会社アクメ", null, null);
        long tokyo = Api.unit("東京営業部", org, null);
        long osaka = Api.unit("大阪業務部", org, null);

        json().get(status(org)).then().statusCode(200)
                .body("organisationId", equalTo((int) org))
                .body("declarableLevel", equalTo("NONE"))
                .body("nextLevel", equalTo("ONE_STAR"))
                .body("missingForNextLevel", contains("FIVE_PRINCIPLES_COMMITMENT"))
                .body("requirements.code", contains("FIVE_PRINCIPLES_COMMITMENT", "SELF_DIAGNOSIS", "BASIC_POLICY", "POLICY_PUBLISHED"))
                .body("requirements.met", contains(false, false, false, false))
                .body("requirements.evidence", contains(nullValue(), nullValue(), nullValue(), nullValue()))
                .body("declarationSite", equalTo("https://www.ipa.go.jp/security/security-action/"))
                .body("howToDeclare.ja", containsString("宣言はIPAのSECURITY ACTIONのWebサイト"));

        String location = json().body(Map.of("committedBy", "代表取締役社長 山田太郎"))
                .post(status(org) + "/commitments").then().statusCode(201)
                .body("committedBy", equalTo("代表取締役社長 山田太郎"))
                .extract().header("Location");
        json().get(location).then().statusCode(200).body("organisationId", equalTo((int) org));
        json().get(status(org)).then().statusCode(200)
                .body("declarableLevel", equalTo("ONE_STAR"))
                .body("statement.ja", containsString("「一つ星を宣言しました」"))
                .body("nextLevel", equalTo("TWO_STARS"))
                .body("missingForNextLevel", contains("SELF_DIAGNOSIS", "BASIC_POLICY", "POLICY_PUBLISHED"))
                .body("requirements[0].evidence.committedBy", equalTo("代表取締役社長 山田太郎"))
                .body("requirements[0].evidence.committedAt", endsWith("Z"));

        // An open round is not a diagnosis done; closing it is.
        long round = Api.round(org);
        Api.submit(round, tokyo, "N".repeat(24) + "U").statusCode(201);
        json().get(status(org)).then().body("missingForNextLevel", hasItem("SELF_DIAGNOSIS"));
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        json().get(status(org)).then().statusCode(200)
                .body("declarableLevel", equalTo("ONE_STAR"))
                .body("missingForNextLevel", contains("BASIC_POLICY", "POLICY_PUBLISHED"))
                .body("requirements[1].met", equalTo(true))
                .body("requirements[1].evidence.roundId", equalTo((int) round))
                .body("requirements[1].evidence.score", equalTo(-1.0f))
                .body("requirements[1].evidence.band.code", equalTo("CRITICAL"))
                .body("requirements[1].evidence.expectedUnits", equalTo(2))
                .body("requirements[1].evidence.submittedUnits", equalTo(1))
                .body("requirements[1].evidence.unknownAnswers", equalTo(1))
                .body("requirements[1].evidence.scoreNote.ja", containsString("合格点を定めていません"))
                .body("requirements[1].warnings.ja", contains(containsString("回答 1/2"), containsString("「わからない」の回答が1件")));

        json().body(POLICY).put("/api/v1/units/" + org + "/basic-policy").then().statusCode(201);
        json().get(status(org)).then().statusCode(200)
                .body("declarableLevel", equalTo("ONE_STAR"))
                .body("missingForNextLevel", contains("POLICY_PUBLISHED"))
                .body("requirements[2].evidence.version", equalTo(1))
                .body("requirements[2].evidence.enactedOn", equalTo("2026-04-01"));

        json().body(PUBLICATION).post(status(org) + "/publication").then().statusCode(201)
                .header("Location", endsWith("/api/v1/units/" + org + "/security-action/publication"))
                .body("policyVersion", equalTo(1));
        // A score of -1 still allows two stars: IPA sets no minimum score.
        json().get(status(org)).then().statusCode(200)
                .body("declarableLevel", equalTo("TWO_STARS"))
                .body("declarableLevelLabel.ja", equalTo("二つ星"))
                .body("statement.ja", containsString("「二つ星を宣言しました」"))
                .body("nextLevel", nullValue())
                .body("missingForNextLevel", empty())
                .body("requirements.met", contains(true, true, true, true))
                .body("requirements[3].evidence.url", equalTo("https://www.example.co.jp/security-policy"))
                .body("requirements[3].evidence.publishedOn", equalTo("2026-04-02"))
                .body("requirements[3].warnings", empty());
        json().get(status(org) + "/publication").then().statusCode(200).body("publishedOn", equalTo("2026-04-02"));

        Map<String, Object> revised = new java.util.HashMap<>(POLICY);
        revised.put("enactedOn", "2027-04-01");
        json().body(revised).put("/api/v1/units/" + org + "/basic-policy").then().statusCode(200).body("version", equalTo(2));
        json().get(status(org)).then()
                .body("declarableLevel", equalTo("TWO_STARS"))
                .body("requirements[3].warnings[0].ja", containsString("公開時 第1版、現在 第2版"));
        json().get(status(osaka)).then().statusCode(422);
    }

    @Test
    void twoStarsStandOnTheirOwnRequirementsWithoutTheOneStarCommitment() {
        long org = Api.unit("Org", null, null);
        long unit = Api.unit("A", org, null);
        long round = Api.round(org);
        Api.submit(round, unit, "I".repeat(25)).statusCode(201);
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        json().body(POLICY).put("/api/v1/units/" + org + "/basic-policy").then().statusCode(201);
        json().body(PUBLICATION).post(status(org) + "/publication").then().statusCode(201);
        json().get(status(org)).then().statusCode(200)
                .body("declarableLevel", equalTo("TWO_STARS"))
                .body("requirements.met", contains(false, true, true, true))
                .body("requirements[1].warnings", empty());
    }

    @Test
    void onlyAClosedRoundOverTheWholeOrganisationCountsAsTheDiagnosis() {
        long org = Api.unit("Org", null, null);
        long site = Api.unit("Site", org, null);
        long dept = Api.unit("Dept", site, null);
        long siteRound = Api.round(site);
        Api.submit(siteRound, dept, "I".repeat(25)).statusCode(201);
        json().post("/api/v1/rounds/" + siteRound + "/close").then().statusCode(200);
        json().get(status(org)).then().body("requirements[1].met", equalTo(false))
                .body("requirements[1].evidence", nullValue());

        long empty = Api.round(org);
        json().post("/api/v1/rounds/" + empty + "/close").then().statusCode(200);
        json().get(status(org)).then()
                .body("requirements[1].met", equalTo(false))
                .body("requirements[1].evidence.roundId", equalTo((int) empty))
                .body("requirements[1].evidence.score", nullValue())
                .body("requirements[1].warnings[0].ja", containsString("回答がありません"));
    }

    @Test
    void aSiteOrDepartmentIsRefusedWithItsOrganisationNamed() {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        for (String path : new String[] {"", "/evidence", "/publication"}) {
            given().get(status(dept) + path).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-an-organisation"))
                    .body("organisationId", equalTo((int) org));
        }
        json().body(Map.of("committedBy", "部長")).post(status(dept) + "/commitments").then().statusCode(422);
        json().body(POLICY).put("/api/v1/units/" + dept + "/basic-policy").then().statusCode(422);
        json().get(status(999_999_999L)).then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }

    @Test
    void aPublicationNeedsAPolicyAndAPlausibleUrlAndDate() {
        long org = Api.unit("Org", null, null);
        json().body(PUBLICATION).post(status(org) + "/publication").then().statusCode(409)
                .body("type", equalTo("/problems/no-basic-policy"));
        json().get(status(org) + "/publication").then().statusCode(404);
        json().body(POLICY).put("/api/v1/units/" + org + "/basic-policy").then().statusCode(201);
        for (String url : new String[] {"ftp://example.jp/p", "javascript:alert(1)", "https://example.jp/a b",
                "www.example.jp", "https://", "https://example.jp/\u0007"}) {
            json().body(Map.of("url", url, "publishedOn", "2026-04-02")).post(status(org) + "/publication").then()
                    .statusCode(400).body("errors.field", contains("url"));
        }
        json().body(Map.of("url", "https://example.jp/p", "publishedOn", LocalDate.now().plusDays(3).toString()))
                .post(status(org) + "/publication").then().statusCode(400).body("errors.field", contains("publishedOn"));
        json().body(Map.of("url", "https://example.jp/p")).post(status(org) + "/publication").then()
                .statusCode(400).body("errors.field", contains("publishedOn"));
        json().body(Map.of("url", "HTTP://Example.JP:8080/方針?x=1#top", "publishedOn", "2026-04-02"))
                .post(status(org) + "/publication").then().statusCode(201);
    }

    @Test
    void aCommitmentNamesWhoDecidedInPrintableText() {
        long org = Api.unit("Org", null, null);
        json().body(Map.of("committedBy", "")).post(status(org) + "/commitments").then().statusCode(400)
                .body("errors.field", hasItem("committedBy"));
        json().body(Map.of("committedBy", "山田\n太郎")).post(status(org) + "/commitments").then().statusCode(400)
                .body("errors.field", contains("committedBy"));
        json().body(Map.of("committedBy", "x".repeat(201))).post(status(org) + "/commitments").then().statusCode(400)
                .body("errors.field", contains("committedBy"));
        json().get(status(org) + "/commitments/999999999").then().statusCode(404);
        json().get(status(org)).then().body("declarableLevel", equalTo("NONE"));
    }

    @Test
    void theEvidencePackIsOnePrintablePageWithReportPolicyAndStatus() throws IOException {
        long org = Api.unit("株式会社アクメ", null, null);
        long a = Api.unit("東京営業部", org, null);
        long round = Api.round(org);
        Api.submit(round, a, "I".repeat(24) + "U").statusCode(201);
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        json().body(Map.of("committedBy", "代表取締役社長 山田太郎")).post(status(org) + "/commitments").then().statusCode(201);
        json().body(POLICY).put("/api/v1/units/" + org + "/basic-policy").then().statusCode(201);

        String html = given().get(status(org) + "/evidence").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        // The sample .ci/run screenshots at A4 width.
        Files.writeString(Path.of("target/evidence-sample.html"), html, StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertSelfContained(doc);
        assertEquals("SECURITY ACTION 宣言の準備状況の記録", doc.selectFirst("h1").text());
        assertThat(doc.select("h2").eachText(), contains(
                "1. 宣言の準備状況", "2. 直近の自社診断", "3. 現行の情報セキュリティ基本方針"));
        String text = doc.body().text();
        assertThat(text, containsString("現在宣言できる段階:一つ星"));
        assertThat(text, containsString("95.00点"));
        assertThat(text, containsString("設問25:東京営業部"));
        assertThat(text, containsString("制定日:2026年4月1日"));
        assertThat(text, containsString("宣言はIPAのSECURITY ACTIONのWebサイト"));
        assertThat(doc.select("article.policy h4").eachText(), hasSize(5));

        long bare = Api.unit("Org", null, null);
        String empty = given().get(status(bare) + "/evidence").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(empty).body().text(),
                containsString("組織全体を対象に締め切った診断はまだありません"));
    }

    /** No script, no stylesheet or image fetched from anywhere: the page prints and archives as it is. */
    static void assertSelfContained(Document doc) {
        assertThat(doc.select("script, link, img, iframe, object, embed, [src]"), empty());
        assertThat(doc.select("[href]"), empty());
        assertThat(doc.select("style").html(), not(containsString("url(")));
        assertEquals("ja", doc.selectFirst("html").attr("lang"));
    }
}
