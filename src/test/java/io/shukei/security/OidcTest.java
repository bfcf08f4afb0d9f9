package io.shukei.security;

import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.shukei.Api;
import io.shukei.TwoConnections;
import io.smallrye.jwt.build.Jwt;

/** Bearer JWTs from an identity provider (Quarkus' in-process test OIDC server, no containers). */
@QuarkusTest
@TestProfile(OidcTest.WithIdentityProvider.class)
class OidcTest {

    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Two connections, of which the sheet test holds one.
            Map<String, String> config = new HashMap<>(new TwoConnections().getConfigOverrides());
            config.putAll(Map.of("shukei.oidc.enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "shukei",
                    "shukei.oidc.audience", "https://service.example.com",
                    "quarkus.oidc.token.issuer", "https://server.example.com"));
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @Inject
    DataSource dataSource;

    private static String token(Object role, Object unit) {
        return token(role, unit, "https://service.example.com");
    }

    /** A signed token of the provider; without an audience when {@code audience} is null. */
    private static String token(Object role, Object unit, String audience) {
        var claims = Jwt.preferredUserName("yamada").subject("yamada-sub").issuer("https://server.example.com");
        if (audience != null) {
            claims.audience(audience);
        }
        if (role != null) {
            claims.claim("shukei_role", role);
        }
        if (unit != null) {
            claims.claim("shukei_unit", unit);
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    @Test
    void tokensFromTheIdentityProviderCarryRoleAndUnit() {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        long other = Api.unit("Other", null, null);
        String viewer = token("VIEWER", org);
        Api.as(viewer).get("/api/v1/units/" + dept).then().statusCode(200).body("id", equalTo((int) dept));
        Api.as(viewer).get("/api/v1/units/" + other).then().statusCode(404);
        Api.as(viewer).contentType("application/json").body(Map.of("name", "x")).patch("/api/v1/units/" + dept)
                .then().statusCode(403);
        // API keys keep working beside OIDC
        Api.given().get("/api/v1/units/" + other).then().statusCode(200);
    }

    /** With one connection free: the token's unit is read before the write's transaction. */
    @Test
    void sheetWritesCheckTheTokenWithItsRoleAndUnit() throws SQLException {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        long sibling = Api.unit("Sibling", org, null);
        long round = Api.round(org);
        String respondent = token("RESPONDENT", dept);
        String forged = respondent.substring(0, respondent.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        try (Connection held = dataSource.getConnection()) {
            putSheet(respondent, "I", round, dept).then().statusCode(201).body("score", equalTo(100));
            putSheet(respondent, "I", round, sibling).then().statusCode(404);
            putSheet(token("VIEWER", org), "P", round, dept).then().statusCode(403);
            putSheet(forged, "P", round, dept).then().statusCode(401).body("type", equalTo("/problems/unauthenticated"));
        }
        Api.given().get("/api/v1/rounds/{r}/submissions/{u}", round, dept).then().statusCode(200).body("revision", equalTo(1));
    }

    /** A whole sheet with one answer letter (I or P) for every question. */
    private static Response putSheet(String token, String letter, long round, long unit) {
        return Api.as(token).contentType("application/json").body(Api.sheet(letter.repeat(25)))
                .put("/api/v1/rounds/{r}/submissions/{u}", round, unit);
    }

    @Test
    void tokensWithoutShukeiClaimsOrWithBadSignaturesAreRefused() {
        long org = Api.unit("Org", null, null);
        Api.as(token(null, org)).get("/api/v1/catalog").then().statusCode(403);
        Api.as(token("VIEWER", null)).get("/api/v1/catalog").then().statusCode(403);
        Api.as(token("OWNER", org)).get("/api/v1/catalog").then().statusCode(403);
        String good = token("VIEWER", org);
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        Api.as(forged).get("/api/v1/catalog").then().statusCode(401).body("type", equalTo("/problems/unauthenticated"));
    }

    @Test
    void tokensIssuedForAnotherClientOrForNoneAreRefused() {
        long org = Api.unit("Org", null, null);
        Api.as(token("VIEWER", org)).get("/api/v1/units/" + org).then().statusCode(200);
        Api.as(token("VIEWER", org, "https://other-client.example.com")).get("/api/v1/units/" + org).then()
                .statusCode(401).body("type", equalTo("/problems/unauthenticated"));
        Api.as(token("VIEWER", org, null)).get("/api/v1/units/" + org).then()
                .statusCode(401).body("type", equalTo("/problems/unauthenticated"));
    }
}
