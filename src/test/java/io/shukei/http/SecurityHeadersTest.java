package io.shukei.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.shukei.Api;

@QuarkusTest
class SecurityHeadersTest {

    private static ValidatableResponse hardened(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY").header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void everyResponseCarriesThemWhateverAnsweredIt() {
        hardened(Api.given().get("/api/v1/catalog").then().statusCode(200));
        hardened(RestAssured.given().get("/api/v1/catalog").then().statusCode(401));
        hardened(Api.given().get("/api/v1/units/999999999").then().statusCode(404));
        hardened(RestAssured.given().get("/q/health/ready").then().statusCode(200));
        hardened(RestAssured.given().get("/no-such-page").then().statusCode(404));
    }

    @Test
    void noPageMayRunInlineScriptButSwaggerUi() {
        RestAssured.given().get("/api/v1/catalog").then()
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        RestAssured.given().redirects().follow(true).get("/q/swagger-ui/").then()
                .header("Content-Security-Policy", equalTo(SecurityHeaders.SWAGGER_UI));
    }

    @Test
    void aRequestOverTlsGetsHsts() {
        io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.decorate(headers, "/api/v1/catalog", true);
        org.junit.jupiter.api.Assertions.assertEquals("max-age=31536000", headers.get("Strict-Transport-Security"));
    }
}
