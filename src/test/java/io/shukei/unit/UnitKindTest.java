package io.shukei.unit;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

/** Groups hold companies, companies hold sites and departments, and nothing else sits anywhere. */
@QuarkusTest
class UnitKindTest {

    private static long create(String name, Long parentId, String kind) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", Api.unique("k"), "name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        if (kind != null) {
            body.put("kind", kind);
        }
        return json().body(body).post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void kind(long unit, String expected) {
        json().get("/api/v1/units/" + unit).then().statusCode(200).body("kind", equalTo(expected));
    }

    @Test
    void unitsWithoutAKindAreCompaniesAtTheTopAndInGroupsAndDepartmentsElsewhere() {
        long company = create("株式会社アクメ", null, null);
        long site = create("東京本社", company, "SITE");
        long dept = create("営業部", site, null);
        long group = create("東海情報セキュリティ協会", null, "GROUP");
        long member = create("株式会社ベータ", group, null);
        kind(company, "COMPANY");
        kind(site, "SITE");
        kind(dept, "DEPARTMENT");
        kind(group, "GROUP");
        kind(member, "COMPANY");
    }

    @Test
    void aKindIsRefusedWhereItCannotSit() {
        long company = Api.unit("Co", null, null);
        long group = Api.group("Assoc");
        long dept = Api.unit("Dept", company, null);
        for (Object[] refused : new Object[][] {{null, "SITE"}, {null, "DEPARTMENT"}, {company, "COMPANY"},
                {company, "GROUP"}, {group, "SITE"}, {group, "DEPARTMENT"}, {dept, "SITE"}, {dept, "COMPANY"}}) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("code", Api.unique("k"), "name", "x", "kind", refused[1]));
            if (refused[0] != null) {
                body.put("parentId", refused[0]);
            }
            json().body(body).post("/api/v1/units").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        }
        json().body(Map.of("kind", "SITE")).patch("/api/v1/units/" + company).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        long site = create("Site", company, "SITE");
        long team = create("Team", dept, null);
        // A site may not move under a department, nor a department's team become a site there.
        json().body(Map.of("parentId", dept)).patch("/api/v1/units/" + site).then().statusCode(400)
                .body("errors[0].field", equalTo("parentId")).body("errors[0].message", containsString("DEPARTMENT"));
        json().body(Map.of("kind", "SITE")).patch("/api/v1/units/" + team).then().statusCode(400);
        json().body(Map.of("parentId", site, "kind", "SITE")).patch("/api/v1/units/" + team).then().statusCode(200)
                .body("kind", equalTo("SITE")).body("parentId", equalTo((int) site));
    }

    @Test
    void aCompanyTurnedIntoAGroupMakesItsMembersCompanies() {
        long association = Api.unit("協会", null, null);
        long beta = Api.unit("ベータ", association, null);
        long betaDept = Api.unit("製造部", beta, null);
        long delta = Api.unit("デルタ", association, null);
        kind(beta, "DEPARTMENT");
        int revision = json().get("/api/v1/units/" + beta).then().extract().jsonPath().getInt("revision");
        json().body(Map.of("kind", "GROUP")).patch("/api/v1/units/" + association).then().statusCode(200)
                .body("kind", equalTo("GROUP"));
        kind(beta, "COMPANY");
        kind(delta, "COMPANY");
        kind(betaDept, "DEPARTMENT");
        json().get("/api/v1/units/" + beta).then().body("revision", equalTo(revision + 1));
        // Back to a company only once no member company sits under it.
        json().body(Map.of("kind", "COMPANY")).patch("/api/v1/units/" + association).then().statusCode(400)
                .body("errors[0].message", containsString("COMPANY"));
    }
}
