package io.shukei.round;

import static io.shukei.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

/**
 * Rounds and units of another organisation cannot be told from ones that do not exist: every operation
 * answers an object outside the caller's scope exactly as it answers a missing one (the id aside).
 */
@QuarkusTest
class RoundProbingTest {

    private static final long MISSING = 987_654_321L;

    private static String key(String role, long unit) {
        return json().body(Map.of("name", "probe", "role", role, "unitId", unit)).post("/api/v1/api-keys")
                .then().statusCode(201).extract().jsonPath().getString("secret");
    }

    /** Status, problem type and detail of the answer, the probed id written as ID. */
    private static String answer(Response response, long id) {
        String detail = response.statusCode() >= 400 ? response.jsonPath().getString("detail") : "";
        String errors = response.statusCode() == 400 ? String.valueOf(response.jsonPath().getList("errors")) : "";
        return response.statusCode() + " " + (response.statusCode() >= 400 ? response.jsonPath().getString("type") : "")
                + " " + (detail + errors).replace(String.valueOf(id), "ID");
    }

    private static Response send(String key, String method, String path, Object body) {
        var request = Api.as(key).accept("application/json");
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        return request.request(method, path);
    }

    /** One probe: how to aim a request at a given id. */
    record Probe(String name, String key, String method, LongFunction<String> path, LongFunction<Object> body) {
    }

    @Test
    void roundsAndUnitsOutsideTheScopeLookMissingToEveryOperation() {
        long mine = Api.unit("Mine", null, null);
        long myDept = Api.unit("My dept", mine, null);
        long myRound = Api.round(mine);
        long theirs = Api.unit("Theirs", null, null);
        long theirDept = Api.unit("Their dept", theirs, null);
        long theirOpen = Api.round(theirs);
        long theirClosed = Api.round(theirs);
        json().post("/api/v1/rounds/" + theirClosed + "/close").then().statusCode(200);
        String admin = key("ADMIN", mine);
        String respondent = key("RESPONDENT", myDept);
        Object sheet = Api.sheet("I".repeat(25));

        List<Probe> roundProbes = new ArrayList<>();
        for (String key : List.of(admin, respondent)) {
            roundProbes.add(new Probe("sheet", key, "PUT", r -> "/api/v1/rounds/" + r + "/submissions/" + myDept, r -> sheet));
        }
        roundProbes.add(new Probe("get", admin, "GET", r -> "/api/v1/rounds/" + r, r -> null));
        roundProbes.add(new Probe("close", admin, "POST", r -> "/api/v1/rounds/" + r + "/close", r -> null));
        roundProbes.add(new Probe("reopen", admin, "POST", r -> "/api/v1/rounds/" + r + "/reopen", r -> null));
        roundProbes.add(new Probe("patch", admin, "PATCH", r -> "/api/v1/rounds/" + r, r -> Map.of("title", "x")));
        roundProbes.add(new Probe("add", admin, "POST", r -> "/api/v1/rounds/" + r + "/participants",
                r -> Map.of("unitIds", List.of(myDept))));
        roundProbes.add(new Probe("replace", admin, "PUT", r -> "/api/v1/rounds/" + r + "/participants",
                r -> Map.of("unitIds", List.of(myDept))));
        roundProbes.add(new Probe("remove", admin, "DELETE", r -> "/api/v1/rounds/" + r + "/participants/" + myDept, r -> null));
        roundProbes.add(new Probe("copy", admin, "POST", r -> "/api/v1/rounds",
                r -> Map.of("title", "x", "scopeUnitId", mine, "copyFromRoundId", r)));
        roundProbes.add(new Probe("report", admin, "GET", r -> "/api/v1/rounds/" + r + "/report", r -> null));

        List<Probe> unitProbes = new ArrayList<>();
        unitProbes.add(new Probe("get unit", admin, "GET", u -> "/api/v1/units/" + u, u -> null));
        unitProbes.add(new Probe("patch unit", admin, "PATCH", u -> "/api/v1/units/" + u, u -> Map.of("name", "x")));
        unitProbes.add(new Probe("delete unit", admin, "DELETE", u -> "/api/v1/units/" + u, u -> null));
        unitProbes.add(new Probe("create under", admin, "POST", u -> "/api/v1/units",
                u -> Map.of("code", Api.unique("c"), "name", "x", "parentId", u)));
        unitProbes.add(new Probe("move under", admin, "PATCH", u -> "/api/v1/units/" + myDept, u -> Map.of("parentId", u)));
        unitProbes.add(new Probe("round over", admin, "POST", u -> "/api/v1/rounds", u -> Map.of("title", "x", "scopeUnitId", u)));
        unitProbes.add(new Probe("round with", admin, "POST", u -> "/api/v1/rounds",
                u -> Map.of("title", "x", "scopeUnitId", mine, "participantIds", List.of(u))));
        unitProbes.add(new Probe("replace with", admin, "PUT", u -> "/api/v1/rounds/" + myRound + "/participants",
                u -> Map.of("unitIds", List.of(u))));
        unitProbes.add(new Probe("add", admin, "POST", u -> "/api/v1/rounds/" + myRound + "/participants",
                u -> Map.of("unitIds", List.of(u))));
        unitProbes.add(new Probe("rounds of scope", admin, "GET", u -> "/api/v1/rounds?scopeUnitId=" + u, u -> null));
        unitProbes.add(new Probe("rounds of participant", admin, "GET", u -> "/api/v1/rounds?participantId=" + u, u -> null));
        unitProbes.add(new Probe("key", admin, "POST", u -> "/api/v1/api-keys",
                u -> Map.of("name", "x", "role", "VIEWER", "unitId", u)));
        unitProbes.add(new Probe("webhook", admin, "POST", u -> "/api/v1/webhooks",
                u -> Map.of("url", "http://127.0.0.1:9/", "events", List.of("round.closed"), "unitId", u)));
        unitProbes.add(new Probe("sheet", respondent, "PUT", u -> "/api/v1/rounds/" + myRound + "/submissions/" + u, u -> sheet));
        unitProbes.add(new Probe("policy", admin, "PUT", u -> "/api/v1/units/" + u + "/basic-policy",
                u -> Map.of("companyName", "x", "representativeTitle", "x", "representativeName", "x", "enactedOn", "2026-04-01")));

        List<String> defects = new ArrayList<>();
        for (Probe probe : roundProbes) {
            String missing = answer(send(probe.key(), probe.method(), probe.path().apply(MISSING), probe.body().apply(MISSING)), MISSING);
            for (long round : new long[] {theirOpen, theirClosed}) {
                String real = answer(send(probe.key(), probe.method(), probe.path().apply(round), probe.body().apply(round)), round);
                if (!real.equals(missing)) {
                    defects.add("round " + probe.name() + ": " + real + " but for a missing round " + missing);
                }
            }
        }
        for (Probe probe : unitProbes) {
            String missing = answer(send(probe.key(), probe.method(), probe.path().apply(MISSING), probe.body().apply(MISSING)), MISSING);
            for (long unit : new long[] {theirs, theirDept}) {
                String real = answer(send(probe.key(), probe.method(), probe.path().apply(unit), probe.body().apply(unit)), unit);
                if (!real.equals(missing)) {
                    defects.add("unit " + probe.name() + ": " + real + " but for a missing unit " + missing);
                }
            }
        }
        assertEquals(List.of(), defects, () -> String.join("\n", defects));
        json().get("/api/v1/rounds/" + theirOpen).then().statusCode(200);
        json().get("/api/v1/units/" + theirDept).then().statusCode(200);
    }
}
