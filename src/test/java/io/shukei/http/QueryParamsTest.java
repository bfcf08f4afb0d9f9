package io.shukei.http;

import static io.shukei.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

/** A query parameter of the wrong type or out of range is a 400 problem naming it, on every operation. */
@QuarkusTest
class QueryParamsTest {

    record Query(String path, String parameter, String value) {
    }

    @Test
    void wrongTypedQueryParametersAreRefusedByName() {
        long group = Api.group("Group");
        long org = Api.unit("Org", group, null);
        long dept = Api.unit("Dept", org, null);
        long round = Api.round(org);
        Api.submit(round, dept, "I".repeat(25)).statusCode(201);
        long webhook = json().body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("round.closed"), "unitId", org))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Query> queries = new ArrayList<>();
        for (String list : List.of("/api/v1/units", "/api/v1/rounds", "/api/v1/webhooks", "/api/v1/audit-events",
                "/api/v1/rounds/" + round + "/submissions", "/api/v1/rounds/" + round + "/submissions/" + dept + "/revisions",
                "/api/v1/webhooks/" + webhook + "/deliveries", "/api/v1/units/" + group + "/member-companies")) {
            for (String value : List.of("abc", "99999999999", "1.5", "-1", " 1")) {
                queries.add(new Query(list, "page", value));
            }
            for (String value : List.of("abc", "99999999999", "0", "201", "1e2")) {
                queries.add(new Query(list, "size", value));
            }
        }
        for (String value : List.of("abc", "1.5", "99999999999999999999", "0x10")) {
            queries.add(new Query("/api/v1/units", "parentId", value));
            queries.add(new Query("/api/v1/rounds", "scopeUnitId", value));
            queries.add(new Query("/api/v1/rounds", "participantId", value));
            queries.add(new Query("/api/v1/webhooks", "unitId", value));
            queries.add(new Query("/api/v1/audit-events", "unitId", value));
            queries.add(new Query("/api/v1/rounds/" + round + "/report", "unitId", value));
        }
        for (String value : List.of("maybe", "1", "yes", "TRUE ")) {
            queries.add(new Query("/api/v1/units", "includeArchived", value));
        }
        queries.add(new Query("/api/v1/rounds", "status", "open"));
        queries.add(new Query("/api/v1/units/" + org + "/basic-policy", "version", "abc"));
        queries.add(new Query("/api/v1/audit-events", "since", "yesterday"));
        List<String> defects = new ArrayList<>();
        for (Query query : queries) {
            Response response = Api.given().accept("application/json").queryParam(query.parameter(), query.value())
                    .get(query.path());
            List<String> named = response.statusCode() == 400 ? response.jsonPath().getList("errors.field") : List.of();
            if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")
                    || named == null || !named.contains(query.parameter())) {
                defects.add(query.path() + "?" + query.parameter() + "=" + query.value() + " -> " + response.statusCode()
                        + " " + response.asString());
            }
        }
        assertEquals(List.of(), defects, () -> defects.size() + " of " + queries.size() + "\n" + String.join("\n", defects));
    }

    @Test
    void wellFormedParametersStillWork() {
        long org = Api.unit("Org", null, null);
        Api.unit("Dept", org, null);
        Api.given().queryParam("parentId", org).queryParam("includeArchived", "true").queryParam("page", "0")
                .queryParam("size", "200").get("/api/v1/units").then().statusCode(200);
        Api.given().queryParam("parentId", org).queryParam("includeArchived", "false").get("/api/v1/units")
                .then().statusCode(200);
    }
}
