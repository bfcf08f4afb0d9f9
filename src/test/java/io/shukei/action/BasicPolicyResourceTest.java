package io.shukei.action;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
class BasicPolicyResourceTest {

    private static final List<String> IPA_HEADINGS = List.of("経営者の責任", "社内体制の整備", "従業員の取組み",
            "法令および契約上の要求事項の遵守", "違反および事故への対応");

    static String policy(long org) {
        return "/api/v1/units/" + org + "/basic-policy";
    }

    @Test
    void theFourRequiredFieldsGiveIpasSamplePolicyAsVersionOne() {
        long org = Api.unit("Org", null, null);
        json().get(policy(org)).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no basic policy yet"));
        json().body(SecurityActionResourceTest.POLICY).put(policy(org)).then().statusCode(201)
                .header("Location", endsWith(policy(org)))
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("title", equalTo("情報セキュリティ基本方針"))
                .body("preamble", equalTo("株式会社アクメ(以下、当社)は、お客様からお預かりした情報資産を事故・災害・犯罪等の脅威から守り、"
                        + "お客様ならびに社会の信頼に応えるべく、以下の方針に基づき全社で情報セキュリティに取組みます。"))
                .body("sections.number", contains(1, 2, 3, 4, 5))
                .body("sections.heading", equalTo(IPA_HEADINGS))
                .body("sections[0].text", equalTo("当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善・向上に努めます。"))
                .body("sections[4].text", equalTo("当社は、情報セキュリティに関わる法令違反、契約違反および事故が発生した場合には適切に対処し、再発防止に努めます。"))
                .body("enactedOn", equalTo("2026-04-01"))
                .body("representativeTitle", equalTo("代表取締役社長"))
                .body("representativeName", equalTo("山田太郎"));
        json().body(SecurityActionResourceTest.POLICY).put(policy(org)).then().statusCode(200).body("version", equalTo(1));
        json().get(policy(org)).then().statusCode(200).header("ETag", equalTo("\"1\"")).body("currentVersion", equalTo(1));
    }

    @Test
    void everyChangeIsANewVersionAndOlderVersionsStayReadable() {
        long org = Api.unit("Org", null, null);
        json().body(SecurityActionResourceTest.POLICY).put(policy(org)).then().statusCode(201);
        Map<String, Object> edited = new HashMap<>(SecurityActionResourceTest.POLICY);
        edited.put("preamble", "株式会社アクメ(以下、当社)は、当社の情報資産を守ります。\r\n全社で取組みます。");
        edited.put("sections", List.of(Map.of("heading", "経営者の責任", "text", "当社は、経営者主導で改善に努めます。"),
                Map.of("heading", "委託先の管理", "text", "委託先にも同等の対策を求めます。")));
        given().contentType("application/json").header("If-Match", "\"1\"").body(edited).put(policy(org)).then()
                .statusCode(200).header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("preamble", equalTo("株式会社アクメ(以下、当社)は、当社の情報資産を守ります。\n全社で取組みます。"))
                .body("sections.heading", contains("経営者の責任", "委託先の管理"));
        given().contentType("application/json").header("If-Match", "\"1\"").body(SecurityActionResourceTest.POLICY)
                .put(policy(org)).then().statusCode(412).body("currentRevision", equalTo(2));
        json().get(policy(org)).then().body("version", equalTo(2)).body("sections", hasSize(2));
        json().queryParam("version", 1).get(policy(org)).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1)).body("currentVersion", equalTo(2))
                .body("sections.heading", equalTo(IPA_HEADINGS));
        json().queryParam("version", 3).get(policy(org)).then().statusCode(404);
        json().queryParam("version", "first").get(policy(org)).then().statusCode(400).body("errors.field", contains("version"));
        json().queryParam("version", 0).get(policy(org)).then().statusCode(400);
    }

    @Test
    void markdownFollowsIpasLayout() {
        long org = Api.unit("Org", null, null);
        json().body(SecurityActionResourceTest.POLICY).put(policy(org)).then().statusCode(201);
        String byAccept = given().accept("text/markdown").get(policy(org)).then().statusCode(200)
                .contentType(startsWith("text/markdown")).header("Vary", containsString("Accept")).extract().asString();
        String byFormat = given().accept("application/json").queryParam("format", "markdown").get(policy(org)).then()
                .statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
        assertEquals(byAccept, byFormat);
        assertThat(byAccept, startsWith("# 情報セキュリティ基本方針\n\n株式会社アクメ(以下、当社)は、"));
        assertThat(byAccept, containsString("\n## 1.経営者の責任\n\n当社は、経営者主導で"));
        assertThat(byAccept, containsString("\n## 5.違反および事故への対応\n"));
        assertThat(byAccept, endsWith("制定日:2026年4月1日\n\n株式会社アクメ\n\n代表取締役社長 山田太郎\n"));
        json().queryParam("format", "pdf").get(policy(org)).then().statusCode(400).body("errors.field", contains("format"));
        given().accept("application/xml").get(policy(org)).then().statusCode(406);
        given().accept("*/*").get(policy(org)).then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void htmlIsAPrintableSelfContainedJapanesePageThatEscapesEveryUserText() {
        long org = Api.unit("Org", null, null);
        Map<String, Object> hostile = new HashMap<>(SecurityActionResourceTest.POLICY);
        hostile.put("companyName", "<script>alert('x')</script> & \"Co\"");
        hostile.put("representativeName", "<img src=x onerror=alert(1)>");
        hostile.put("sections", List.of(Map.of("heading", "<b>責任</b>", "text", "一行目\n<a href=\"https://evil.example\">二行目</a>")));
        json().body(hostile).put(policy(org)).then().statusCode(201);
        String html = given().accept("text/html").get(policy(org)).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        Document doc = Jsoup.parse(html);
        SecurityActionResourceTest.assertSelfContained(doc);
        assertThat(doc.select("b, a"), empty());
        assertEquals("情報セキュリティ基本方針", doc.selectFirst("h1").text());
        assertEquals("1.<b>責任</b>", doc.selectFirst("h2").text());
        assertEquals(1, doc.selectFirst("section p").select("br").size());
        assertEquals("一行目 <a href=\"https://evil.example\">二行目</a>", doc.selectFirst("section p").text());
        assertThat(doc.select(".signature p").eachText(), contains("制定日:2026年4月1日",
                "<script>alert('x')</script> & \"Co\"", "代表取締役社長 <img src=x onerror=alert(1)>"));
        assertThat(doc.title(), startsWith("情報セキュリティ基本方針 - <script>"));

        json().body(SecurityActionResourceTest.POLICY).put(policy(org)).then().statusCode(200);
        Document sample = Jsoup.parse(given().queryParam("format", "html").get(policy(org)).then().statusCode(200)
                .extract().asString());
        assertThat(sample.select("h2").eachText(), contains("1.経営者の責任", "2.社内体制の整備", "3.従業員の取組み",
                "4.法令および契約上の要求事項の遵守", "5.違反および事故への対応"));
        assertThat(sample.selectFirst("meta[charset]").attr("charset"), equalTo("utf-8"));
        given().accept("text/html").get(policy(Api.unit("Other", null, null))).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidPoliciesAreRefusedNamingEachField() {
        long org = Api.unit("Org", null, null);
        json().body(Map.of("companyName", " ", "representativeTitle", "代表\t社長")).put(policy(org)).then().statusCode(400)
                .body("errors.field", contains("companyName", "enactedOn", "representativeName", "representativeTitle"));
        Map<String, Object> bad = new HashMap<>(SecurityActionResourceTest.POLICY);
        bad.put("sections", List.of());
        bad.put("preamble", "x".repeat(4001));
        json().body(bad).put(policy(org)).then().statusCode(400).body("errors.field", contains("preamble", "sections"));
        bad.put("preamble", "   ");
        bad.put("sections", List.of(Map.of("heading", "見出し\t", "text", "本文")));
        json().body(bad).put(policy(org)).then().statusCode(400).body("errors.field", contains("sections[0].heading"));
        bad.remove("sections");
        json().body(bad).put(policy(org)).then().statusCode(400).body("errors.field", contains("preamble"));
        bad.put("preamble", "前文");
        bad.put("enactedOn", "2026-02-30");
        json().body(bad).put(policy(org)).then().statusCode(400).body("errors.field", contains("enactedOn"));
        json().get(policy(org)).then().statusCode(404);
    }
}
