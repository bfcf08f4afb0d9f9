package io.shukei.invitation;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shukei.Api;

@QuarkusTest
class InvitationResourceTest {

    private static final Pattern LINK = Pattern.compile("^http://[^/]+/i/([A-Za-z0-9_-]{43})$");

    @Inject
    DataSource dataSource;

    @Inject
    InvitationService service;

    private static String secretOf(String url) {
        Matcher m = LINK.matcher(url);
        assertTrue(m.matches(), url);
        return m.group(1);
    }

    private static JsonPath invite(long round, long... units) {
        List<Map<String, Object>> participants = java.util.Arrays.stream(units)
                .mapToObj(u -> Map.<String, Object>of("unitId", u)).toList();
        return json().body(Map.of("participants", participants)).post("/api/v1/rounds/" + round + "/invitations")
                .then().statusCode(201).extract().jsonPath();
    }

    private static String key(String role, long unit) {
        return json().body(Map.of("name", "invitations " + role, "role", role, "unitId", unit))
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getString("secret");
    }

    /** What a link opens, as the answer page asks it (each in its own request, as a browser would). */
    private Optional<InvitationService.Link> open(String secret) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            return service.open(secret, "127.0.0.1");
        } finally {
            request.terminate();
        }
    }

    private long rowsWhere(String sql, Object value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void everyParticipantGetsALongRandomLinkShownOnceAndStoredOnlyAsItsHash() throws SQLException {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        var made = json().post("/api/v1/rounds/" + round + "/invitations").then().statusCode(201)
                .header("Cache-Control", "no-store").body("items", hasSize(3)).extract().jsonPath();
        assertEquals(Set.of(ew.e1(), ew.e2(), ew.w1()), new HashSet<>(made.getList("items.unitId", Long.class)));
        Set<String> secrets = new HashSet<>();
        for (String url : made.getList("items.url", String.class)) {
            String secret = secretOf(url);
            secrets.add(secret);
            // PostgreSQL's own SHA-256 finds the row; the secret itself is nowhere in the table.
            assertEquals(1, rowsWhere("SELECT count(*) FROM invitation WHERE token_hash = sha256(convert_to(?, 'UTF8'))",
                    secret));
            assertEquals(0, rowsWhere("SELECT count(*) FROM invitation i WHERE strpos(i::text, ?) > 0", secret));
        }
        assertEquals(3, secrets.size());

        json().get("/api/v1/rounds/" + round + "/invitations").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items.state", everyItemIs("ANSWER"))
                .body("items.url", everyItem(org.hamcrest.Matchers.nullValue()));
        // Without a body only participants without a usable link get one: none left.
        json().post("/api/v1/rounds/" + round + "/invitations").then().statusCode(201).body("items", hasSize(0));
        json().queryParam("unitId", ew.e1()).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("invitation.created"));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void aLinkOpensOnlyItsUnitsSheetUntilRevokedOrReplaced() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        var first = invite(round, ew.e1());
        long id = first.getLong("items[0].id");
        String secret = secretOf(first.getString("items[0].url"));
        assertEquals(Optional.of(new InvitationService.Link(id, round, ew.e1(), LinkState.ANSWER)), open(secret));

        String renewed = secretOf(json().post("/api/v1/rounds/" + round + "/invitations/" + id + "/renew").then()
                .statusCode(200).header("Cache-Control", "no-store").extract().jsonPath().getString("url"));
        assertEquals(Optional.empty(), open(secret), "a renewed link's old secret opens nothing");
        assertEquals(LinkState.ANSWER, open(renewed).orElseThrow().state());

        json().delete("/api/v1/rounds/" + round + "/invitations/" + id).then().statusCode(204);
        assertEquals(LinkState.ENDED, open(renewed).orElseThrow().state());
        json().delete("/api/v1/rounds/" + round + "/invitations/" + id).then().statusCode(204);
        json().post("/api/v1/rounds/" + round + "/invitations/" + id + "/renew").then().statusCode(409)
                .body("type", equalTo("/problems/invitation-revoked"));

        String again = secretOf(invite(round, ew.e1()).getString("items[0].url"));
        assertEquals(LinkState.ANSWER, open(again).orElseThrow().state());
        json().get("/api/v1/rounds/" + round + "/invitations").then().statusCode(200)
                .body("items.findAll { it.unitId == " + ew.e1() + " }.state", equalTo(List.of("ANSWER", "ENDED")));
        assertEquals(Optional.empty(), open("x".repeat(43)));
        assertEquals(Optional.empty(), open(again + "x"));
    }

    @Test
    void closingTheRoundTurnsLinksReadOnlyAndStopsNewOnes() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String secret = secretOf(invite(round, ew.w1()).getString("items[0].url"));
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        assertEquals(LinkState.VIEW, open(secret).orElseThrow().state());
        json().post("/api/v1/rounds/" + round + "/invitations").then().statusCode(409)
                .body("type", equalTo("/problems/round-closed"));
        json().post("/api/v1/rounds/" + round + "/reopen").then().statusCode(200);
        assertEquals(LinkState.ANSWER, open(secret).orElseThrow().state());
    }

    @Test
    void administratorsInviteOnlyInTheirScopeAndViewersOnlyList() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String eastAdmin = key("ADMIN", ew.east());
        Api.as(eastAdmin).contentType("application/json").accept("application/json")
                .post("/api/v1/rounds/" + round + "/invitations").then().statusCode(201)
                .body("items.unitId", containsInAnyOrder(ew.e1(), ew.e2()));
        Api.as(eastAdmin).contentType("application/json").accept("application/json")
                .body(Map.of("participants", List.of(Map.of("unitId", ew.w1()))))
                .post("/api/v1/rounds/" + round + "/invitations").then().statusCode(400)
                .body("errors.field", hasItem("participants[0].unitId"));
        json().get("/api/v1/rounds/" + round + "/invitations").then().body("totalItems", equalTo(2));

        String eastViewer = key("VIEWER", ew.east());
        Api.as(eastViewer).accept("application/json").get("/api/v1/rounds/" + round + "/invitations").then()
                .statusCode(200).body("totalItems", equalTo(2));
        Api.as(eastViewer).contentType("application/json").accept("application/json")
                .post("/api/v1/rounds/" + round + "/invitations").then().statusCode(403);

        String stranger = key("ADMIN", Api.unit("他社", null, null));
        Api.as(stranger).accept("application/json").get("/api/v1/rounds/" + round + "/invitations").then()
                .statusCode(404);
    }

    private static org.hamcrest.Matcher<Iterable<?>> containsInAnyOrder(long a, long b) {
        return org.hamcrest.Matchers.containsInAnyOrder(org.hamcrest.Matchers.equalTo((int) a),
                org.hamcrest.Matchers.equalTo((int) b));
    }

    @Test
    void linksComeAsCsvForAMailMergeOnceAndAreListedWithoutThem() {
        Api.EastWest ew = Api.eastWest();
        long round = Api.round(ew.org());
        String csv = Api.given().contentType("application/json").accept("text/csv")
                .body(Map.of("participants", List.of(Map.of("unitId", ew.e1(), "email", "e1@example.test"))))
                .post("/api/v1/rounds/" + round + "/invitations").then().statusCode(201)
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        String[] lines = csv.strip().split("\r?\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].contains("url"), lines[0]);
        assertTrue(lines[1].contains("e1@example.test") && lines[1].contains("/i/"), lines[1]);
        String listed = Api.given().accept("text/csv").get("/api/v1/rounds/" + round + "/invitations").then()
                .statusCode(200).extract().asString();
        assertTrue(listed.contains("e1@example.test") && !listed.contains("/i/"), listed);
        // The download operation answers the same file to any Accept.
        Api.given().accept("*/*").get("/api/v1/rounds/" + round + "/invitations.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .body(equalTo(listed));
    }
}
