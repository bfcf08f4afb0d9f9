package io.shukei.unit;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
class UnitResourceTest {

    @Test
    void createdUnitHasLocationEtagAndOrganisation() {
        long org = Api.unit("株式会社テスト", null, null);
        var created = json().body(Map.of("code", "tokyo", "name", "東京本社", "parentId", org, "headcount", 30))
                .post("/api/v1/units").then().statusCode(201)
                .header("Location", containsString("/api/v1/units/"))
                .header("ETag", "\"1\"")
                .body("organisationId", equalTo((int) org))
                .body("parentId", equalTo((int) org))
                .body("headcount", equalTo(30))
                .body("createdAt", notNullValue())
                .extract();
        json().get(created.header("Location")).then().statusCode(200).body("name", equalTo("東京本社"));
    }

    @Test
    void siblingCodesAreUniqueButCousinsMayShareThem() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, null);
        long b = Api.unit("B", org, null);
        json().body(Map.of("code", "sales", "name", "営業部", "parentId", a)).post("/api/v1/units").then().statusCode(201);
        json().body(Map.of("code", "sales", "name", "営業部", "parentId", b)).post("/api/v1/units").then().statusCode(201);
        json().body(Map.of("code", "sales", "name", "営業部2", "parentId", a)).post("/api/v1/units").then()
                .statusCode(409).contentType("application/problem+json").body("type", equalTo("/problems/duplicate-code"));
    }

    @Test
    void invalidUnitNamesEachBadField() {
        json().body(Map.of("code", "has space", "name", "", "headcount", 0)).post("/api/v1/units").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("headcount"));
        json().body(Map.of("code", "x", "name", "x", "parentId", 987654321)).post("/api/v1/units").then()
                .statusCode(400).body("errors[0].field", equalTo("parentId"));
    }

    @Test
    void listsChildrenPagedAndHidesArchived() {
        long org = Api.unit("Org", null, null);
        long first = Api.unit("One", org, null);
        Api.unit("Two", org, null);
        Api.unit("Three", org, null);
        json().queryParam("parentId", org).queryParam("size", 2).get("/api/v1/units").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        json().body(Map.of("archived", true)).patch("/api/v1/units/" + first).then().statusCode(200)
                .body("archived", equalTo(true)).body("archivedAt", notNullValue());
        json().queryParam("parentId", org).get("/api/v1/units").then().body("totalItems", equalTo(2));
        json().queryParam("parentId", org).queryParam("includeArchived", true).get("/api/v1/units").then()
                .body("totalItems", equalTo(3));
        json().queryParam("size", 201).get("/api/v1/units").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void patchRenamesMovesWithinOrganisationAndClearsHeadcount() {
        long org = Api.unit("Org", null, null);
        long site = Api.unit("Site", org, null);
        long dept = Api.unit("Dept", org, 12);
        long team = Api.unit("Team", dept, null);
        json().header("If-Match", "\"1\"").body(Map.of("name", "営業部", "parentId", site)).patch("/api/v1/units/" + dept)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("営業部")).body("parentId", equalTo((int) site)).body("revision", equalTo(2));
        json().body("{\"headcount\":null}").patch("/api/v1/units/" + dept).then().statusCode(200)
                .body("headcount", nullValue());
        // the moved unit's subtree moved with it: a round over the site now reaches the team
        long round = Api.round(site);
        json().get("/api/v1/rounds/" + round).then().body("progress.missing.unitId", hasItem((int) team));
        json().body(Map.of("parentId", team)).patch("/api/v1/units/" + dept).then().statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        long otherOrg = Api.unit("Other", null, null);
        json().body(Map.of("parentId", otherOrg)).patch("/api/v1/units/" + dept).then().statusCode(400)
                .body("errors[0].message", containsString("another organisation"));
    }

    @Test
    void staleIfMatchIsRefusedWithTheCurrentRevision() {
        long org = Api.unit("Org", null, null);
        json().body(Map.of("name", "renamed")).patch("/api/v1/units/" + org).then().statusCode(200);
        json().header("If-Match", "\"1\"").body(Map.of("name", "again")).patch("/api/v1/units/" + org).then()
                .statusCode(412).body("currentRevision", equalTo(2));
        json().get("/api/v1/units/" + org).then().body("name", equalTo("renamed"));
    }

    @Test
    void unknownPatchFieldIsRefused() {
        long org = Api.unit("Org", null, null);
        json().body(Map.of("nmae", "typo")).patch("/api/v1/units/" + org).then().statusCode(400)
                .body("errors[0].field", equalTo("nmae"));
    }

    @Test
    void unitWithHistoryIsNeverDeleted() {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        long round = Api.round(org);
        Api.submit(round, dept, "I".repeat(25)).statusCode(201);
        json().delete("/api/v1/units/" + dept).then().statusCode(409).body("type", equalTo("/problems/unit-in-use"));
        json().delete("/api/v1/units/" + org).then().statusCode(409);
        long spare = Api.unit("Spare", Api.unit("Org2", null, null), null);
        json().delete("/api/v1/units/" + spare).then().statusCode(204);
        json().get("/api/v1/units/" + spare).then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }

    @Test
    void archivedUnitsAreLeftOutOfNewRounds() {
        long org = Api.unit("Org", null, null);
        long kept = Api.unit("Kept", org, null);
        long archived = Api.unit("Gone", org, null);
        json().body(Map.of("archived", true)).patch("/api/v1/units/" + archived).then().statusCode(200);
        long round = Api.round(org);
        json().get("/api/v1/rounds/" + round).then()
                .body("progress.expected", equalTo(1))
                .body("progress.missing.unitId", hasItem((int) kept))
                .body("progress.missing.unitId", not(hasItem((int) archived)));
    }

    @Test
    void aUnitThatKeysSubscriptionsOrPoliciesReferToIsKeptWithAConflict() {
        long org = Api.unit("Org", null, null);
        long keyed = Api.unit("Keyed", org, null);
        long key = json().body(Map.of("name", "k", "role", "VIEWER", "unitId", keyed)).post("/api/v1/api-keys")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        json().delete("/api/v1/api-keys/" + key).then().statusCode(204);
        long subscribed = Api.unit("Subscribed", org, null);
        json().body(Map.of("url", "http://127.0.0.1:9/hook", "events", java.util.List.of("round.closed"), "unitId", subscribed))
                .post("/api/v1/webhooks").then().statusCode(201);
        long company = Api.unit("Company", null, null);
        json().body(Map.of("companyName", "株式会社", "representativeTitle", "代表取締役", "representativeName", "山田太郎",
                "enactedOn", "2026-04-01")).put("/api/v1/units/" + company + "/basic-policy").then().statusCode(201);
        for (long unit : new long[] {keyed, subscribed, company}) {
            json().delete("/api/v1/units/" + unit).then().statusCode(409)
                    .contentType("application/problem+json").body("type", equalTo("/problems/unit-in-use"))
                    .body("detail", containsString("refer"));
            json().get("/api/v1/units/" + unit).then().statusCode(200);
        }
    }
}
