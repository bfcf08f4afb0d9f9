package io.shukei.plan;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.shukei.Api;

@QuarkusTest
class ActionItemResourceTest {

    private static Map<String, Object> item(long unit, int question) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("question", question);
        body.put("action", "週次バックアップを外付けディスクに取る\n月1回は社外に保管する");
        body.put("owner", "総務部 佐藤");
        body.put("dueOn", "2027-03-31");
        return body;
    }

    private static ExtractableResponse<Response> create(long round, Map<String, Object> body) {
        return json().body(body).post("/api/v1/rounds/" + round + "/action-items").then().statusCode(201).extract();
    }

    private static String key(String role, long unit) {
        return json().body(Map.of("name", "plan " + role, "role", role, "unitId", unit)).post("/api/v1/api-keys").then()
                .statusCode(201).extract().jsonPath().getString("secret");
    }

    @Test
    void itemsAreCreatedReadChangedWithIfMatchAndRemovedWithAnAuditTrail() {
        long org = Api.unit("株式会社計画", null, null);
        long site = Api.unit("東京本社", org, null);
        long dept = Api.unit("総務部", site, 10);
        long round = Api.round(org);

        ExtractableResponse<Response> created = create(round, item(dept, 11));
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/v1/rounds/" + round + "/action-items/" + id));
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("OPEN", created.jsonPath().getString("status"));
        assertEquals("総務部", created.jsonPath().getString("unitName"));
        String path = "/api/v1/rounds/" + round + "/action-items/" + id;

        json().get(path).then().statusCode(200).header("ETag", "\"1\"").body("question", equalTo(11));
        json().header("If-Match", "\"7\"").body(Map.of("status", "DONE")).patch(path).then().statusCode(412);
        json().header("If-Match", "\"1\"").body(Map.of("status", "DONE")).patch(path).then().statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("DONE")).body("owner", equalTo("総務部 佐藤"));
        // The same values again are no change and no new revision.
        json().body(Map.of("status", "DONE")).patch(path).then().statusCode(200).header("ETag", "\"2\"");
        json().body(Map.of("status", "LATER")).patch(path).then().statusCode(400);
        json().body(Map.of("question", 26)).patch(path).then().statusCode(400).body("errors[0].field", endsWith("question"));

        create(round, item(site, 3));
        json().queryParam("unitId", site).get("/api/v1/rounds/" + round + "/action-items").then().statusCode(200)
                .body("items.question", contains(3, 11)).body("totalItems", equalTo(2));
        json().queryParam("unitId", dept).queryParam("status", "DONE").get("/api/v1/rounds/" + round + "/action-items")
                .then().statusCode(200).body("items.id", contains((int) id));

        given().header("If-Match", "\"1\"").delete(path).then().statusCode(412);
        given().header("If-Match", "\"2\"").delete(path).then().statusCode(204);
        json().get(path).then().statusCode(404).contentType("application/problem+json");
        json().queryParam("unitId", dept).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItems("action-item.created", "action-item.updated", "action-item.deleted"));
    }

    @Test
    void badItemsAreRefusedNamingEachFieldAndChangeNothing() {
        long org = Api.unit("株式会社計画", null, null);
        long dept = Api.unit("総務部", org, 10);
        long round = Api.round(org);
        Map<String, Object> bad = item(dept, 0);
        bad.put("owner", " ");
        bad.put("dueOn", "1900-01-01");
        json().body(bad).post("/api/v1/rounds/" + round + "/action-items").then().statusCode(400)
                .contentType("application/problem+json");
        long elsewhere = Api.unit("他社", null, null);
        json().body(item(elsewhere, 5)).post("/api/v1/rounds/" + round + "/action-items").then().statusCode(422);
        json().queryParam("unitId", org).get("/api/v1/rounds/" + round + "/action-items").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void callersSeeAndChangeOnlyItemsInTheirScope() {
        long org = Api.unit("株式会社計画", null, null);
        long tokyo = Api.unit("東京本社", org, null);
        long osaka = Api.unit("大阪支社", org, null);
        long round = Api.round(org);
        long tokyoItem = create(round, item(tokyo, 4)).jsonPath().getLong("id");
        long osakaItem = create(round, item(osaka, 7)).jsonPath().getLong("id");

        String tokyoAdmin = key("ADMIN", tokyo);
        String viewer = key("VIEWER", tokyo);
        String items = "/api/v1/rounds/" + round + "/action-items";
        Api.as(tokyoAdmin).accept(ContentType.JSON).get(items).then().statusCode(200).body("items.id", contains((int) tokyoItem));
        Api.as(tokyoAdmin).accept(ContentType.JSON).get(items + "/" + osakaItem).then().statusCode(404);
        Api.as(tokyoAdmin).contentType(ContentType.JSON).body(Map.of("status", "DONE")).patch(items + "/" + osakaItem)
                .then().statusCode(404);
        Api.as(tokyoAdmin).contentType(ContentType.JSON).body(item(osaka, 1)).post(items).then().statusCode(404);
        Api.as(viewer).contentType(ContentType.JSON).body(Map.of("status", "DONE")).patch(items + "/" + tokyoItem)
                .then().statusCode(403);
        Api.as(tokyoAdmin).contentType(ContentType.JSON).body(Map.of("status", "DROPPED")).patch(items + "/" + tokyoItem)
                .then().statusCode(200);
        json().get(items + "/" + osakaItem).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void theReportShowsItsItemsAndTheNextRoundsReportShowsThemWithTheirStatus() {
        long org = Api.unit("株式会社計画", null, null);
        long dept = Api.unit("総務部", org, 10);
        long first = Api.round(org);
        Api.submit(first, dept, "I".repeat(10) + "N" + "I".repeat(14)).statusCode(201);
        // The report is read (and cached) first: a new item must change its tag and appear.
        String before = json().get("/api/v1/rounds/" + first + "/report").then().statusCode(200)
                .body("actionItems", empty()).extract().header("ETag");
        long id = create(first, item(dept, 11)).jsonPath().getLong("id");
        json().get("/api/v1/rounds/" + first + "/report").then().statusCode(200)
                .header("ETag", not(equalTo(before)))
                .body("actionItems.id", contains((int) id)).body("actionItems[0].path", equalTo("総務部"))
                .body("actionItems[0].pointsNow", equalTo(0.0f));
        json().post("/api/v1/rounds/" + first + "/close").then().statusCode(200);
        json().body(Map.of("status", "DONE")).patch("/api/v1/rounds/" + first + "/action-items/" + id).then().statusCode(200);

        long second = json().body(Map.of("title", "次年度", "scopeUnitId", org, "copyFromRoundId", first))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.submit(second, dept, "I".repeat(25)).statusCode(201);
        json().get("/api/v1/rounds/" + second + "/report").then().statusCode(200)
                .body("actionItems", empty())
                .body("previousActionItems.id", contains((int) id))
                .body("previousActionItems[0].status", equalTo("DONE"))
                .body("previousActionItems[0].pointsBefore", equalTo(0.0f))
                .body("previousActionItems[0].pointsNow", equalTo(4.0f));
        Document html = Jsoup.parse(given().accept("text/html").get("/api/v1/rounds/" + second + "/report").then()
                .statusCode(200).extract().asString());
        List<String> cells = html.select("#plan table tbody tr").get(0).select("td").eachText();
        assertTrue(cells.contains("完了"), cells.toString());
        assertTrue(cells.contains("2027年3月31日"), cells.toString());
        assertTrue(cells.contains("0.00 → 4.00"), cells.toString());
    }
}
