package io.shukei.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shukei.Api;

/** What a browser does with the pages, by hand: follows no redirect, keeps the cookies it is given. */
final class Browserless {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

    private Browserless() {
    }

    /** As a browser posts a UTF-8 page's form: UTF-8, and no charset named in the Content-Type. */
    private static final RestAssuredConfig UTF8_FORMS = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
            .defaultContentCharset(StandardCharsets.UTF_8).appendDefaultContentCharsetToContentTypeIfUndefined(false));

    static RequestSpecification page() {
        return RestAssured.given().config(UTF8_FORMS).redirects().follow(false);
    }

    /** The CSRF token a page's forms carry. */
    static String csrf(Response page) {
        Matcher m = CSRF.matcher(page.asString());
        assertTrue(m.find(), "the page has a form with a CSRF token");
        return m.group(1);
    }

    /** A fresh personal link for a unit of a round (its path /i/...). */
    static String link(long round, long unit) {
        String url = Api.json().body(Map.of("participants", List.of(Map.of("unitId", unit))))
                .post("/api/v1/rounds/" + round + "/invitations").then().statusCode(201)
                .extract().jsonPath().getString("items[0].url");
        return url.substring(url.indexOf("/i/"));
    }

    /** A whole sheet as the answer page posts it: q1..q25 from letters I, P, N, U ('-' leaves one unanswered). */
    static Map<String, String> form(String letters) {
        Map<String, String> form = new java.util.HashMap<>();
        for (int i = 0; i < letters.length(); i++) {
            String code = Api.answer(letters.charAt(i));
            if (code != null) {
                form.put("q" + (i + 1), code);
            }
        }
        return form;
    }
}
