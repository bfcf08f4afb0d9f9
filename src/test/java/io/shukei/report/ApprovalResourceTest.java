package io.shukei.report;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

/** The responsible manager signs a closed round's report; a later change of its figures supersedes the sign-off. */
@QuarkusTest
class ApprovalResourceTest {

    private static final Map<String, Object> SIGN_OFF = Map.of("name", "山田太郎", "title", "代表取締役社長",
            "comment", "結果を確認した。\n対策計画のとおり進めること。");

    @Test
    void anApprovalIsStoredWithTheFiguresItApprovedAndSupersededWhenTheyChange() {
        Company company = Company.create();
        long round = company.round();
        Api.submit(round, company.tokyoGeneral(), "I".repeat(25)).statusCode(201);
        String approvals = "/api/v1/rounds/" + round + "/report/approvals";
        json().body(SIGN_OFF).post(approvals).then().statusCode(409).contentType("application/problem+json");
        Company.close(round);
        json().get("/api/v1/rounds/" + round + "/report").then().statusCode(200).body("approvals", empty());

        var created = json().body(SIGN_OFF).post(approvals).then().statusCode(201)
                .body("unitId", equalTo((int) company.org()))
                .body("score", equalTo(100.0f))
                .body("current", equalTo(true)).extract();
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith(approvals + "/" + id));
        json().get(approvals + "/" + id).then().statusCode(200).body("name", equalTo("山田太郎"));
        json().get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .body("approvals.id", contains((int) id)).body("approvals[0].current", equalTo(true));
        Document signed = html(round);
        assertEquals(1, signed.select("#sign-off section.approved").size());
        assertTrue(signed.select("#sign-off").text().contains("代表取締役社長"));
        assertTrue(signed.select("#sign-off .superseded").isEmpty());
        json().queryParam("unitId", company.org()).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("report.approved"));

        // Reopened and changed: the approval stays, superseded, and the page leaves a blank to sign again.
        json().post("/api/v1/rounds/" + round + "/reopen").then().statusCode(200);
        Api.submit(round, company.osakaGeneral(), "N".repeat(25)).statusCode(201);
        Company.close(round);
        json().get(approvals).then().statusCode(200).body("items.id", contains((int) id))
                .body("items[0].current", equalTo(false));
        json().get("/api/v1/rounds/" + round + "/report").then().statusCode(200).body("approvals[0].current", equalTo(false));
        Document superseded = html(round);
        assertNotNull(superseded.selectFirst("#sign-off .superseded"));
        assertEquals(1, superseded.select("#sign-off section.blank").size());
    }

    @Test
    void aSignOffOutsideTheCallersScopeOrWithoutANameIsRefused() {
        Company company = Company.create();
        long round = company.round();
        Company.close(round);
        String approvals = "/api/v1/rounds/" + round + "/report/approvals";
        json().body(Map.of("title", "社長")).post(approvals).then().statusCode(400).body("errors[0].field", equalTo("name"));
        String osaka = json().body(Map.of("name", "osaka admin", "role", "ADMIN", "unitId", company.osaka()))
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getString("secret");
        Api.as(osaka).contentType("application/json").body(Map.of("unitId", company.tokyo(), "name", "大阪 次郎", "title", "支社長"))
                .post(approvals).then().statusCode(404);
        Api.as(osaka).contentType("application/json").body(Map.of("unitId", company.osaka(), "name", "大阪 次郎", "title", "支社長"))
                .post(approvals).then().statusCode(201).body("unitId", equalTo((int) company.osaka()));
        json().queryParam("unitId", company.org()).get(approvals).then().statusCode(200).body("totalItems", equalTo(0));
    }

    private static Document html(long round) {
        return Jsoup.parse(given().accept("text/html").get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .extract().asString());
    }
}
