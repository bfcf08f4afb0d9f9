package io.shukei.pages;

import static io.shukei.pages.Browserless.csrf;
import static io.shukei.pages.Browserless.form;
import static io.shukei.pages.Browserless.link;
import static io.shukei.pages.Browserless.page;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

@QuarkusTest
class AnswerPageTest {

    private static int revisions(long round, long unit) {
        Response r = Api.given().accept("application/json").get("/api/v1/rounds/" + round + "/submissions/" + unit + "/revisions");
        return r.statusCode() == 404 ? 0 : r.jsonPath().getInt("totalItems");
    }

    private static Response post(String link, Response opened, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields);
        all.putIfAbsent("csrf", csrf(opened));
        all.putIfAbsent("revision", "0");
        return page().cookie("shukei_csrf", opened.getCookie("shukei_csrf")).formParams(all).post(link);
    }

    @Test
    void aLinkOpensItsUnitsSheetWithIpasQuestionsInJapanese() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String link = link(round, ew.e1());
        Response opened = page().get(link);
        opened.then().statusCode(200).contentType(containsString("text/html")).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Referrer-Policy", "no-referrer")
                .cookie("shukei_csrf", io.restassured.matcher.RestAssuredMatchers.detailedCookie()
                        .httpOnly(true).sameSite("Strict"));
        String html = opened.asString();
        assertTrue(html.contains("<html lang=\"ja\">"), "Japanese by default");
        assertTrue(html.contains("East / E1"), "the unit with its site");
        assertTrue(html.contains("2026年度 自社診断"), "the round");
        // The catalog serves IPA's wording exactly as the seed has it (CatalogResourceTest).
        var ipa = Api.given().accept("application/json").get("/api/v1/catalog").then().statusCode(200).extract()
                .jsonPath().getList("questions.text", String.class);
        for (int q = 1; q <= 25; q++) {
            String text = ipa.get(q - 1);
            assertTrue(html.contains("<span class=\"qn\">" + q + "</span> " + text + "</legend>"),
                    "question " + q + " as IPA words it: " + text);
            assertEquals(4, html.split("name=\"q" + q + "\" ").length - 1, "four answers for question " + q);
        }
        assertTrue(!html.contains("<script"), "no script");
        page().get(link + "?lang=en").then().statusCode(200).body(containsString("<html lang=\"en\">"))
                .body(containsString("Don't know".replace("'", "&#39;")));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndStoresNothing() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String link = link(round, ew.e1());
        Response opened = page().get(link);
        Map<String, String> sheet = form("I".repeat(25));
        sheet.put("revision", "0");
        page().formParams(sheet).post(link).then().statusCode(403);
        sheet.put("csrf", csrf(opened));
        page().formParams(sheet).post(link).then().statusCode(403);
        page().cookie("shukei_csrf", opened.getCookie("shukei_csrf")).formParams(Map.of("csrf", "x".repeat(43)))
                .formParams(form("I".repeat(25))).post(link).then().statusCode(403);
        assertEquals(0, revisions(round, ew.e1()));
    }

    @Test
    void anIncompleteSheetIsRefusedWithItsQuestionsNamedAndWhatWasTypedKept() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String link = link(round, ew.e1());
        Response opened = page().get(link);
        Map<String, String> typed = form("IPN-" + "I".repeat(20) + "-");
        typed.put("respondent", "営業部長 山田");
        typed.put("c2", "来月から実施");
        String html = post(link, opened, typed).then().statusCode(400).extract().asString();
        assertTrue(html.contains("id=\"errors\""), html);
        assertTrue(html.contains("設問 4: 回答が選ばれていません") && html.contains("設問 25: 回答が選ばれていません"), "names them");
        assertTrue(html.contains("id=\"q4\" aria-describedby=\"q4-error\""), "marks the question");
        assertTrue(html.contains("name=\"q2\" value=\"PARTIAL\" checked"), "keeps the answers");
        assertTrue(html.contains("value=\"営業部長 山田\""), "keeps the name");
        assertTrue(html.contains(">来月から実施</textarea>"), "keeps the comment");
        assertEquals(0, revisions(round, ew.e1()));

        Map<String, String> tooLong = form("I".repeat(25));
        tooLong.put("respondent", "名".repeat(201));
        post(link, opened, tooLong).then().statusCode(400).body(containsString("aria-invalid=\"true\""));
        assertEquals(0, revisions(round, ew.e1()));
    }

    @Test
    void aStoredSheetShowsItsScoreAndCanBeCorrectedUntilTheClose() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String link = link(round, ew.e1());
        Response opened = page().get(link);
        Map<String, String> sheet = form("I".repeat(24) + "N");
        sheet.put("respondent", "部長");
        post(link, opened, sheet).then().statusCode(303).header("Location", endsWith(link + "?saved=1"));
        assertEquals(1, revisions(round, ew.e1()));
        var stored = Api.given().accept("application/json").get("/api/v1/rounds/" + round + "/submissions/" + ew.e1())
                .then().statusCode(200).extract().jsonPath();
        assertEquals("部長", stored.getString("respondent"));

        Response result = page().cookie("shukei_csrf", opened.getCookie("shukei_csrf")).get(link + "?saved=1");
        String html = result.then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"score\" class=\"big\">" + stored.getInt("score") + "<"), "the score");
        assertTrue(html.contains("回答を保存しました"), "the notice");
        assertTrue(html.contains("name=\"q25\" value=\"NOT_IMPLEMENTED\" checked"), "the answers, to correct");
        assertTrue(html.contains("name=\"revision\" value=\"1\""));

        Map<String, String> corrected = form("I".repeat(25));
        corrected.put("revision", "1");
        post(link, result, corrected).then().statusCode(303);
        assertEquals(2, revisions(round, ew.e1()));

        Api.json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        String closed = page().get(link).then().statusCode(200).extract().asString();
        assertTrue(closed.contains("id=\"closed\"") && !closed.contains("<form method=\"post\""), "read-only");
        corrected.put("revision", "2");
        post(link, result, corrected).then().statusCode(409);
        assertEquals(2, revisions(round, ew.e1()));
    }

    @Test
    void aSheetChangedMeanwhileIsNotOverwrittenUnseen() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String link = link(round, ew.e2());
        Response opened = page().get(link);
        Api.submit(round, ew.e2(), "P".repeat(25)).statusCode(201);
        String html = post(link, opened, form("I".repeat(25))).then().statusCode(409).extract().asString();
        assertTrue(html.contains("id=\"conflict\"") && html.contains("版 1"), "says so");
        assertTrue(html.contains("name=\"q1\" value=\"IMPLEMENTED\" checked"), "keeps what was typed");
        assertTrue(html.contains("name=\"revision\" value=\"1\""), "sending it again replaces the newer sheet");
        assertEquals(1, revisions(round, ew.e2()));
        Map<String, String> again = form("I".repeat(25));
        again.put("revision", "1");
        post(link, opened, again).then().statusCode(303);
        assertEquals(2, revisions(round, ew.e2()));
    }

    @Test
    void aRevokedOrUnknownLinkOpensNothing() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String link = link(round, ew.w1());
        long id = Api.given().accept("application/json").get("/api/v1/rounds/" + round + "/invitations").jsonPath()
                .getLong("items[0].id");
        Response opened = page().get(link);
        Api.given().delete("/api/v1/rounds/" + round + "/invitations/" + id).then().statusCode(204);
        page().get(link).then().statusCode(410).body(containsString("このリンクは使えません"))
                .body(not(containsString(link.substring(3))));
        post(link, opened, form("I".repeat(25))).then().statusCode(410);
        page().get("/i/" + "A".repeat(43)).then().statusCode(404);
        page().get("/i/short").then().statusCode(404);
        assertEquals(0, revisions(round, ew.w1()));
    }
}
