package io.shukei.action;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

/** Every company of a group or association declares SECURITY ACTION on its own; the group sees them all in one table. */
@QuarkusTest
class MemberCompanyTest {

    private static final Map<String, Object> POLICY = Map.of("companyName", "株式会社ベータ", "representativeTitle", "代表取締役",
            "representativeName", "鈴木一郎", "enactedOn", "2026-04-01");

    private static String status(long unit) {
        return "/api/v1/units/" + unit + "/security-action";
    }

    private static String key(String role, long unit) {
        return json().body(Map.of("name", "key " + role, "role", role, "unitId", unit)).post("/api/v1/api-keys")
                .then().statusCode(201).extract().jsonPath().getString("secret");
    }

    /** A group of two member companies, each with a department; one group-wide round closed with Beta's sheet only. */
    private record Group(long group, long beta, long betaDept, long gamma, long gammaDept, long round) {
    }

    private static Group group() {
        long group = Api.group("東海情報セキュリティ協会");
        long beta = Api.unit("株式会社ベータ", group, null);
        long betaDept = Api.unit("製造部", beta, null);
        long gamma = Api.unit("有限会社ガンマ", group, null);
        long gammaDept = Api.unit("本社", gamma, null);
        long round = Api.round(group);
        Api.submit(round, betaDept, "I".repeat(20) + "PPPPP").statusCode(201);
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200);
        return new Group(group, beta, betaDept, gamma, gammaDept, round);
    }

    @Test
    void aMemberCompanyUnderAGroupDeclaresTwoStarsOnItsOwn() {
        Group g = group();
        String betaAdmin = key("ADMIN", g.beta());
        Api.as(betaAdmin).contentType("application/json").body(Map.of("committedBy", "代表取締役 鈴木一郎"))
                .post(status(g.beta()) + "/commitments").then().statusCode(201);
        Api.as(betaAdmin).contentType("application/json").body(POLICY)
                .put("/api/v1/units/" + g.beta() + "/basic-policy").then().statusCode(201);
        Api.as(betaAdmin).contentType("application/json")
                .body(Map.of("url", "https://beta.example.co.jp/policy", "publishedOn", "2026-04-02"))
                .post(status(g.beta()) + "/publication").then().statusCode(201);

        Api.as(betaAdmin).get(status(g.beta())).then().statusCode(200)
                .body("organisationId", equalTo((int) g.beta()))
                .body("organisationName", equalTo("株式会社ベータ"))
                .body("declarableLevel", equalTo("TWO_STARS"))
                .body("statement.ja", containsString("二つ星を宣言できます"))
                // The group-wide round, tallied at the company: Beta's own department only.
                .body("requirements[1].evidence.roundId", equalTo((int) g.round()))
                .body("requirements[1].evidence.score", equalTo(90.0f))
                .body("requirements[1].evidence.expectedUnits", equalTo(1));
        Api.as(betaAdmin).get("/api/v1/units/" + g.beta() + "/security-action/evidence").then().statusCode(200)
                .body(containsString("株式会社ベータ"));
        // A member's key sees its own company only; the group's admin sees every member's.
        Api.as(betaAdmin).get(status(g.gamma())).then().statusCode(404);
        Api.as(betaAdmin).get("/api/v1/units/" + g.group() + "/member-companies").then().statusCode(404);
        String groupAdmin = key("ADMIN", g.group());
        Api.as(groupAdmin).get(status(g.beta())).then().statusCode(200).body("declarableLevel", equalTo("TWO_STARS"));
        Api.as(groupAdmin).get(status(g.gamma())).then().statusCode(200).body("declarableLevel", equalTo("NONE"))
                .body("requirements[1].met", equalTo(false))
                .body("requirements[1].evidence.roundId", equalTo((int) g.round()))
                .body("requirements[1].evidence.score", nullValue());
    }

    @Test
    void theGroupTableListsEveryMemberCompanyWithItsStanding() {
        Group g = group();
        json().body(Map.of("committedBy", "代表取締役 鈴木一郎")).post(status(g.beta()) + "/commitments").then().statusCode(201);
        json().body(POLICY).put("/api/v1/units/" + g.beta() + "/basic-policy").then().statusCode(201);
        json().body(Map.of("url", "https://beta.example.co.jp/policy", "publishedOn", "2026-04-02"))
                .post(status(g.beta()) + "/publication").then().statusCode(201);

        json().get("/api/v1/units/" + g.group() + "/member-companies").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.unitId", contains((int) g.beta(), (int) g.gamma()))
                .body("items.declarableLevel", contains("TWO_STARS", "NONE"))
                .body("items[0].latestRound.roundId", equalTo((int) g.round()))
                .body("items[0].latestRound.score", equalTo(90.0f))
                .body("items[0].latestRound.band.code", equalTo("PARTLY_INSUFFICIENT"))
                .body("items[0].policyVersion", equalTo(1))
                .body("items[0].published", equalTo(true))
                .body("items[1].latestRound.score", nullValue())
                .body("items[1].policyVersion", nullValue())
                .body("items[1].published", equalTo(false));
        json().queryParam("size", 1).queryParam("page", 1).get("/api/v1/units/" + g.group() + "/member-companies").then()
                .body("items.unitId", contains((int) g.gamma())).body("totalPages", equalTo(2));
        String csv = given().accept("text/csv").get("/api/v1/units/" + g.group() + "/member-companies").then()
                .statusCode(200).header("Content-Disposition", containsString("member-companies-")).extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[1].startsWith(g.beta() + ","), lines[1]);
        assertTrue(lines[1].contains(",株式会社ベータ,TWO_STARS," + g.round() + ","), lines[1]);
        assertTrue(lines[1].contains(",90.00,PARTLY_INSUFFICIENT,1,2026-04-01,true,2026-04-02,"
                + "https://beta.example.co.jp/policy"), lines[1]);
        assertTrue(lines[2].contains(",有限会社ガンマ,NONE,"), lines[2]);
    }

    @Test
    void aGroupDeclaresNothingItselfAndOnlyAGroupHasMembers() {
        Group g = group();
        json().get(status(g.group())).then().statusCode(422)
                .body("type", equalTo("/problems/not-an-organisation"))
                .body("detail", containsString("/member-companies"));
        json().header("Accept-Language", "ja").get(status(g.betaDept())).then().statusCode(422)
                .body("organisationId", equalTo((int) g.beta()))
                .body("detail", containsString("株式会社ベータ("));
        json().get("/api/v1/units/" + g.beta() + "/member-companies").then().statusCode(422)
                .body("type", equalTo("/problems/not-a-group"));
    }
}
