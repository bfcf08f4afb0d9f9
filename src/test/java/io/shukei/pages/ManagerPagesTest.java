package io.shukei.pages;

import static io.shukei.pages.Browserless.csrf;
import static io.shukei.pages.Browserless.page;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.matcher.RestAssuredMatchers;
import io.restassured.response.Response;
import io.shukei.Api;

@QuarkusTest
class ManagerPagesTest {

    private static String key(String role, long unit) {
        return Api.json().body(Map.of("name", "pages " + role, "role", role, "unitId", unit))
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getString("secret");
    }

    /** Signs in through the form as a browser would; the session cookie's value. */
    private static String signIn(String key) {
        Response form = page().get("/manage/sign-in");
        Response signedIn = page().cookie("shukei_csrf", form.getCookie("shukei_csrf"))
                .formParams(Map.of("key", key, "csrf", csrf(form))).post("/manage/sign-in");
        signedIn.then().statusCode(303).header("Location", containsString("/manage/rounds"))
                .cookie("shukei_session", RestAssuredMatchers.detailedCookie().httpOnly(true).sameSite("Strict")
                        .secured(false).path("/"));
        return signedIn.getCookie("shukei_session");
    }

    private static String status(long round) {
        return Api.given().accept("application/json").get("/api/v1/rounds/" + round).jsonPath().getString("status");
    }

    @Test
    void withoutASessionThePagesLeadToTheSignInForm() {
        page().get("/manage/rounds").then().statusCode(303).header("Location", containsString("/manage/sign-in?ended=false"));
        page().cookie("shukei_session", "made-up").get("/manage/rounds/1").then().statusCode(303)
                .header("Location", containsString("ended=true"));
        page().get("/").then().statusCode(303).header("Location", endsWith("/manage/rounds"));
        page().get("/manage/sign-in").then().statusCode(200).body(containsString("<html lang=\"ja\">"))
                .body(containsString("type=\"password\""));
    }

    @Test
    void signingInNeedsTheFormsTokenAndAUsableKey() {
        long org = Api.unit("Org", null, null);
        String admin = key("ADMIN", org);
        Response form = page().get("/manage/sign-in");
        Response forged = page().formParams(Map.of("key", admin, "csrf", csrf(form))).post("/manage/sign-in");
        forged.then().statusCode(403);
        assertNull(forged.getCookie("shukei_session"));
        page().cookie("shukei_csrf", form.getCookie("shukei_csrf"))
                .formParams(Map.of("key", admin + "x", "csrf", csrf(form))).post("/manage/sign-in").then()
                .statusCode(401).body(containsString("サインインできませんでした"));
        String session = signIn(admin);
        page().cookie("shukei_session", session).get("/manage/rounds").then().statusCode(200);
        // The key's revocation ends its sessions at once.
        long keyId = Api.given().accept("application/json").get("/api/v1/api-keys").jsonPath()
                .getLong("items.find { it.name == 'pages ADMIN' && it.unitId == " + org + " }.id");
        Api.given().delete("/api/v1/api-keys/" + keyId).then().statusCode(204);
        page().cookie("shukei_session", session).get("/manage/rounds").then().statusCode(303);
    }

    @Test
    void anAdministratorFollowsTheRoundMakesLinksAndClosesIt() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        Api.submit(round, ew.e1(), "I".repeat(25)).statusCode(201);
        String session = signIn(key("ADMIN", ew.org()));

        page().cookie("shukei_session", session).get("/manage/rounds").then().statusCode(200)
                .body(containsString("/manage/rounds/" + round));
        Response progress = page().cookie("shukei_session", session).get("/manage/rounds/" + round);
        String html = progress.then().statusCode(200).extract().asString();
        assertTrue(html.contains("id=\"progress\">1 / 3"), "1 of 3 submitted");
        assertEquals(2, html.split("class=\"missing\"").length - 1, "two have not answered");
        assertTrue(html.contains("/api/v1/rounds/" + round + "/report?lang=ja&amp;format=html"), "links to the report");

        // The report opens as a link in the signed-in browser; a write needs more than the cookie.
        page().cookie("shukei_session", session).get("/api/v1/rounds/" + round + "/report?format=html").then()
                .statusCode(200).contentType(containsString("text/html"));
        page().cookie("shukei_session", session).contentType("application/json").body("{}")
                .post("/api/v1/rounds/" + round + "/close").then().statusCode(401);

        Response made = page().cookie("shukei_session", session)
                .formParams(Map.of("csrf", csrf(progress), "unit", String.valueOf(ew.e2()), "format", "page"))
                .post("/manage/rounds/" + round + "/invitations");
        String links = made.then().statusCode(200).extract().asString();
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("value=\"(http://[^\"]+/i/[A-Za-z0-9_-]{43})\"")
                .matcher(links);
        assertTrue(url.find(), links);
        String link = url.group(1).substring(url.group(1).indexOf("/i/"));
        page().get(link).then().statusCode(200).body(containsString("E2"));

        page().cookie("shukei_session", session).formParams(Map.of("lang", "ja"))
                .post("/manage/rounds/" + round + "/close").then().statusCode(403);
        page().cookie("shukei_session", session).formParams(Map.of("csrf", "x".repeat(43)))
                .post("/manage/rounds/" + round + "/close").then().statusCode(403);
        assertEquals("OPEN", status(round));
        page().cookie("shukei_session", session).formParams(Map.of("csrf", csrf(progress)))
                .post("/manage/rounds/" + round + "/close").then().statusCode(303);
        assertEquals("CLOSED", status(round));
    }

    @Test
    void aViewerReadsButChangesNothingAndSeesOnlyItsScope() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        long other = Api.round(Api.eastWest().org());
        String session = signIn(key("VIEWER", ew.org()));
        Response progress = page().cookie("shukei_session", session).get("/manage/rounds/" + round);
        progress.then().statusCode(200).body(not(containsString("/close\""))).body(not(containsString("make-links")));
        page().cookie("shukei_session", session).formParams(Map.of("csrf", csrf(progress)))
                .post("/manage/rounds/" + round + "/close").then().statusCode(403);
        page().cookie("shukei_session", session)
                .formParams(Map.of("csrf", csrf(progress), "unit", String.valueOf(ew.e1())))
                .post("/manage/rounds/" + round + "/invitations").then().statusCode(403);
        assertEquals("OPEN", status(round));
        page().cookie("shukei_session", session).get("/manage/rounds/" + other).then().statusCode(404);
        page().cookie("shukei_session", session).get("/manage/rounds").then().statusCode(200)
                .body(not(containsString("/manage/rounds/" + other + "\"")));
    }

    @Test
    void signingOutEndsTheSession() {
        String session = signIn(key("VIEWER", Api.unit("Org", null, null)));
        Response rounds = page().cookie("shukei_session", session).get("/manage/rounds");
        page().cookie("shukei_session", session).formParams(Map.of("csrf", "wrong")).post("/manage/sign-out").then()
                .statusCode(403);
        Response out = page().cookie("shukei_session", session).formParams(Map.of("csrf", csrf(rounds)))
                .post("/manage/sign-out");
        out.then().statusCode(303).header("Location", containsString("out=true"));
        assertTrue(out.getDetailedCookie("shukei_session").getMaxAge() == 0);
        page().cookie("shukei_session", session).get("/manage/rounds").then().statusCode(303);
    }
}
