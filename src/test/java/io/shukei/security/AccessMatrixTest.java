package io.shukei.security;

import static io.shukei.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shukei.Api;

/**
 * Every operation of the published spec × every role × a target inside and outside the key's scope,
 * with the exact status each must get, and nothing changed by a refused write. The operations come
 * from the served spec, so an endpoint without a rule here or in {@link AccessRules} fails the build.
 */
@QuarkusTest
class AccessMatrixTest {

    /** The objects of one organisation (a company in a group) that the requests aim at. */
    record Target(long group, long org, long site, long dept, long round, long commitment, long webhook, long delivery,
                  long item, long closedRound, long approval) {
    }

    record Call(String method, String path, Object body) {
    }

    private static long webhook(long unit) {
        return json().body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("submission.created", "round.opened"),
                "unitId", unit)).post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A fresh invitation for the target's department, made by the global administrator. */
    private static long invitation(Target t) {
        return json().body(Map.of("participants", List.of(Map.of("unitId", t.dept()))))
                .post("/api/v1/rounds/" + t.round() + "/invitations").then().statusCode(201)
                .extract().jsonPath().getLong("items[0].id");
    }

    private static long actionItem(long round, long unit) {
        return json().body(Map.of("unitId", unit, "question", 11, "action", "外付けディスクに週次バックアップ",
                        "owner", "総務部 佐藤", "dueOn", "2027-03-31"))
                .post("/api/v1/rounds/" + round + "/action-items").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long approval(long round, long unit) {
        return json().body(Map.of("unitId", unit, "name", "山田太郎", "title", "代表取締役"))
                .post("/api/v1/rounds/" + round + "/report/approvals").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Target organisation(String name) {
        long group = Api.group(name + " group");
        long org = Api.unit(name, group, null);
        long webhook = webhook(org);
        long site = Api.unit(name + " site", org, null);
        long dept = Api.unit(name + " dept", site, 5);
        Api.unit(name + " dept 2", site, 5);
        long round = Api.round(org);
        Api.submit(round, dept, "I".repeat(25)).statusCode(201);
        json().body(Map.of("companyName", name, "representativeTitle", "代表取締役", "representativeName", "山田太郎",
                "enactedOn", "2026-04-01")).put("/api/v1/units/" + org + "/basic-policy").then().statusCode(201);
        long commitment = json().body(Map.of("committedBy", "代表取締役 山田太郎"))
                .post("/api/v1/units/" + org + "/security-action/commitments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        json().body(Map.of("url", "https://example.com/policy", "publishedOn", "2026-04-02"))
                .post("/api/v1/units/" + org + "/security-action/publication").then().statusCode(201);
        long delivery = json().get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        long closedRound = Api.round(org);
        Api.submit(closedRound, dept, "I".repeat(25)).statusCode(201);
        json().post("/api/v1/rounds/" + closedRound + "/close").then().statusCode(200);
        return new Target(group, org, site, dept, round, commitment, webhook, delivery, actionItem(round, dept), closedRound,
                approval(closedRound, dept));
    }

    private static String key(Role role, long unitId) {
        return json().body(Map.of("name", "matrix " + role, "role", role.name(), "unitId", unitId))
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getString("secret");
    }

    /** How to call each operation against a target; setup calls run as the global administrator. */
    private static Map<String, Function<Target, Call>> calls() {
        Map<String, Function<Target, Call>> calls = new HashMap<>();
        calls.put("getCatalog", t -> new Call("GET", "/api/v1/catalog", null));
        calls.put("createUnit", t -> new Call("POST", "/api/v1/units",
                Map.of("code", Api.unique("m"), "name", "新部署", "parentId", t.site())));
        calls.put("getUnit", t -> new Call("GET", "/api/v1/units/" + t.dept(), null));
        calls.put("listUnits", t -> new Call("GET", "/api/v1/units?parentId=" + t.site(), null));
        calls.put("updateUnit", t -> new Call("PATCH", "/api/v1/units/" + t.site(), Map.of("name", "改名 " + Api.unique("n"))));
        calls.put("deleteUnit", t -> new Call("DELETE", "/api/v1/units/" + Api.unit("spare", t.site(), null), null));
        calls.put("exportUnitTree", t -> new Call("GET", "/api/v1/units/" + t.site() + "/tree", null));
        calls.put("exportUnitTreeCsv", t -> new Call("GET", "/api/v1/units/" + t.site() + "/tree.csv", null));
        calls.put("exportUnitTreeXlsx", t -> new Call("GET", "/api/v1/units/" + t.site() + "/tree.xlsx", null));
        calls.put("importUnitTree", t -> new Call("PUT", "/api/v1/units/" + t.site() + "/tree?dryRun=true",
                "code,name,parent_code,kind,headcount\n" + Api.unique("m") + ",新部署,,DEPARTMENT,\n"));
        calls.put("createRound", t -> new Call("POST", "/api/v1/rounds", Map.of("title", "追加", "scopeUnitId", t.site())));
        calls.put("getRound", t -> new Call("GET", "/api/v1/rounds/" + t.round(), null));
        calls.put("listRounds", t -> new Call("GET", "/api/v1/rounds?participantId=" + t.dept(), null));
        calls.put("closeRound", t -> new Call("POST", "/api/v1/rounds/" + Api.round(t.org()) + "/close", null));
        calls.put("reopenRound", t -> new Call("POST", "/api/v1/rounds/" + Api.round(t.org()) + "/reopen", null));
        calls.put("replaceRoundParticipants", t -> new Call("PUT", "/api/v1/rounds/" + Api.round(t.org()) + "/participants",
                Map.of("unitIds", List.of(t.dept()))));
        calls.put("updateRound", t -> new Call("PATCH", "/api/v1/rounds/" + Api.round(t.org()), Map.of("autoEnrol", false)));
        calls.put("addRoundParticipants", t -> new Call("POST", "/api/v1/rounds/" + Api.round(t.org()) + "/participants",
                Map.of("unitIds", List.of(t.dept()))));
        calls.put("removeRoundParticipant", t -> new Call("DELETE", "/api/v1/rounds/" + Api.round(t.org())
                + "/participants/" + t.dept(), null));
        calls.put("listMemberCompanies", t -> new Call("GET", "/api/v1/units/" + t.group() + "/member-companies", null));
        calls.put("createInvitations", t -> new Call("POST", "/api/v1/rounds/" + t.round() + "/invitations",
                Map.of("participants", List.of(Map.of("unitId", t.dept())))));
        calls.put("listInvitations", t -> new Call("GET", "/api/v1/rounds/" + t.round() + "/invitations", null));
        calls.put("listInvitationsCsv", t -> new Call("GET", "/api/v1/rounds/" + t.round() + "/invitations.csv", null));
        calls.put("renewInvitation", t -> new Call("POST", "/api/v1/rounds/" + t.round() + "/invitations/"
                + invitation(t) + "/renew", null));
        calls.put("revokeInvitation", t -> new Call("DELETE", "/api/v1/rounds/" + t.round() + "/invitations/"
                + invitation(t), null));
        calls.put("putSubmission", t -> new Call("PUT", "/api/v1/rounds/" + t.round() + "/submissions/" + t.dept(),
                Api.sheet("P".repeat(24) + (Api.unique("x").hashCode() % 2 == 0 ? "I" : "N"))));
        calls.put("getSubmission", t -> new Call("GET", "/api/v1/rounds/" + t.round() + "/submissions/" + t.dept(), null));
        calls.put("listSubmissionRevisions", t -> new Call("GET",
                "/api/v1/rounds/" + t.round() + "/submissions/" + t.dept() + "/revisions", null));
        calls.put("listRoundSubmissions", t -> new Call("GET", "/api/v1/rounds/" + t.round() + "/submissions", null));
        calls.put("listRoundSubmissionsCsv", t -> new Call("GET", "/api/v1/rounds/" + t.round() + "/submissions.csv", null));
        calls.put("getReport", t -> new Call("GET", "/api/v1/rounds/" + t.round() + "/report?unitId=" + t.dept(), null));
        calls.put("approveReport", t -> new Call("POST", "/api/v1/rounds/" + t.closedRound() + "/report/approvals",
                Map.of("unitId", t.dept(), "name", "山田太郎", "title", "代表取締役")));
        calls.put("listReportApprovals", t -> new Call("GET", "/api/v1/rounds/" + t.closedRound()
                + "/report/approvals?unitId=" + t.dept(), null));
        calls.put("getReportApproval", t -> new Call("GET", "/api/v1/rounds/" + t.closedRound() + "/report/approvals/"
                + t.approval(), null));
        calls.put("createActionItem", t -> new Call("POST", "/api/v1/rounds/" + t.round() + "/action-items",
                Map.of("unitId", t.dept(), "question", 3, "action", "多要素認証を有効にする", "owner", "情報システム部",
                        "dueOn", "2027-01-31")));
        calls.put("listActionItems", t -> new Call("GET", "/api/v1/rounds/" + t.round() + "/action-items?unitId=" + t.dept(), null));
        calls.put("getActionItem", t -> new Call("GET", "/api/v1/rounds/" + t.round() + "/action-items/" + t.item(), null));
        calls.put("updateActionItem", t -> new Call("PATCH", "/api/v1/rounds/" + t.round() + "/action-items/" + t.item(),
                Map.of("owner", "総務部 " + Api.unique("o"))));
        calls.put("deleteActionItem", t -> new Call("DELETE", "/api/v1/rounds/" + t.round() + "/action-items/"
                + actionItem(t.round(), t.dept()), null));
        for (String form : List.of("Csv", "Xlsx", "Html")) {
            calls.put("getReport" + form, t -> new Call("GET", "/api/v1/rounds/" + t.round() + "/report."
                    + form.toLowerCase(Locale.ROOT) + "?unitId=" + t.dept(), null));
        }
        calls.put("getUnitTrend", t -> new Call("GET", "/api/v1/units/" + t.dept() + "/trend", null));
        calls.put("getSecurityActionStatus", t -> new Call("GET", "/api/v1/units/" + t.org() + "/security-action", null));
        calls.put("createSecurityActionCommitment", t -> new Call("POST", "/api/v1/units/" + t.org()
                + "/security-action/commitments", Map.of("committedBy", "代表取締役 山田太郎")));
        calls.put("getSecurityActionCommitment", t -> new Call("GET", "/api/v1/units/" + t.org()
                + "/security-action/commitments/" + t.commitment(), null));
        calls.put("getSecurityActionEvidence", t -> new Call("GET", "/api/v1/units/" + t.org() + "/security-action/evidence", null));
        calls.put("putBasicPolicy", t -> new Call("PUT", "/api/v1/units/" + t.org() + "/basic-policy",
                Map.of("companyName", "改訂 " + Api.unique("c"), "representativeTitle", "代表取締役",
                        "representativeName", "山田太郎", "enactedOn", "2026-04-01")));
        calls.put("getBasicPolicy", t -> new Call("GET", "/api/v1/units/" + t.org() + "/basic-policy", null));
        calls.put("createPolicyPublication", t -> new Call("POST", "/api/v1/units/" + t.org() + "/security-action/publication",
                Map.of("url", "https://example.com/p/" + Api.unique("p"), "publishedOn", "2026-04-03")));
        calls.put("getPolicyPublication", t -> new Call("GET", "/api/v1/units/" + t.org() + "/security-action/publication", null));
        calls.put("createApiKey", t -> new Call("POST", "/api/v1/api-keys",
                Map.of("name", "new", "role", "VIEWER", "unitId", t.dept())));
        calls.put("listApiKeys", t -> new Call("GET", "/api/v1/api-keys", null));
        calls.put("revokeApiKey", t -> new Call("DELETE", "/api/v1/api-keys/" + json()
                .body(Map.of("name", "to revoke", "role", "VIEWER", "unitId", t.dept())).post("/api/v1/api-keys")
                .then().statusCode(201).extract().jsonPath().getLong("id"), null));
        calls.put("createWebhook", t -> new Call("POST", "/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/new",
                "events", List.of("round.closed"), "unitId", t.site())));
        calls.put("listWebhooks", t -> new Call("GET", "/api/v1/webhooks?unitId=" + t.org(), null));
        calls.put("getWebhook", t -> new Call("GET", "/api/v1/webhooks/" + t.webhook(), null));
        calls.put("updateWebhook", t -> new Call("PATCH", "/api/v1/webhooks/" + t.webhook(), Map.of("paused", false)));
        calls.put("deleteWebhook", t -> new Call("DELETE", "/api/v1/webhooks/" + webhook(t.site()), null));
        calls.put("listWebhookDeliveries", t -> new Call("GET", "/api/v1/webhooks/" + t.webhook() + "/deliveries", null));
        calls.put("retryWebhookDelivery", t -> new Call("POST", "/api/v1/webhooks/" + t.webhook() + "/deliveries/"
                + t.delivery() + "/retry", null));
        calls.put("listAuditEvents", t -> new Call("GET", "/api/v1/audit-events?unitId=" + t.org(), null));
        return calls;
    }

    /**
     * What an allowed role gets for a target outside its scope: what it would get for a missing one, read or
     * write (404; a parent named in the body of a new unit is a field that names nothing, 400).
     */
    private static Set<Integer> outOfScope(String operationId) {
        return operationId.equals("createUnit") ? Set.of(400) : Set.of(404);
    }

    /** Operations whose target is not a unit's object: the same answer inside and outside the scope. */
    private static final Set<String> UNSCOPED = Set.of("getCatalog", "listApiKeys");

    @SuppressWarnings("unchecked")
    private static Map<String, String> operationsOfTheSpec() {
        Map<String, Object> spec = Api.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        Map<String, String> operations = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, ops) -> ops.forEach((method, op) -> {
            if (op instanceof Map<?, ?> operation && operation.get("operationId") != null) {
                operations.put((String) operation.get("operationId"), method.toUpperCase());
            }
        }));
        return operations;
    }

    @Test
    void everyOperationOfTheSpecHasARuleAndACallHere() {
        Map<String, String> operations = operationsOfTheSpec();
        assertEquals(new TreeSet<>(operations.keySet()), new TreeSet<>(AccessRules.all().keySet()),
                "AccessRules must name exactly the operations of the spec");
        assertEquals(new TreeSet<>(operations.keySet()), new TreeSet<>(calls().keySet()),
                "this matrix must know how to call every operation of the spec");
    }

    @Test
    void everyRoleGetsTheExactStatusInAndOutOfScope() {
        Map<String, String> operations = operationsOfTheSpec();
        Target mine = organisation(Api.unique("自社"));
        Target theirs = organisation(Api.unique("他社"));
        Map<Role, String> keys = new LinkedHashMap<>();
        keys.put(Role.ADMIN, key(Role.ADMIN, mine.group()));
        keys.put(Role.VIEWER, key(Role.VIEWER, mine.group()));
        keys.put(Role.RESPONDENT, key(Role.RESPONDENT, mine.dept()));
        List<String> defects = new ArrayList<>();
        Map<String, Function<Target, Call>> calls = calls();
        for (var operation : operations.entrySet()) {
            String id = operation.getKey();
            for (var key : keys.entrySet()) {
                boolean allowed = AccessRules.allowed(id).contains(key.getKey());
                for (boolean inScope : new boolean[] {true, false}) {
                    Call call = calls.get(id).apply(inScope ? mine : theirs);
                    Set<Integer> expected = !allowed ? Set.of(403)
                            : inScope || UNSCOPED.contains(id) ? Set.of(200, 201, 202, 204)
                            : outOfScope(id);
                    Response response = send(key.getValue(), call);
                    if (!expected.contains(response.statusCode())) {
                        defects.add(id + " as " + key.getKey() + (inScope ? " in scope" : " out of scope") + ": "
                                + response.statusCode() + " (expected " + expected + ") " + abbreviate(response.asString()));
                    }
                }
            }
        }
        assertEquals(List.of(), defects);
    }

    @Test
    void refusedWritesChangeNothing() {
        Target theirs = organisation(Api.unique("他社"));
        String admin = key(Role.ADMIN, organisation(Api.unique("自社")).org());
        String before = Api.given().get("/api/v1/units/" + theirs.site()).then().statusCode(200).extract().asString();
        send(admin, new Call("PATCH", "/api/v1/units/" + theirs.site(), Map.of("name", "乗っ取り"))).then().statusCode(404);
        send(admin, new Call("DELETE", "/api/v1/units/" + theirs.site(), null)).then().statusCode(404);
        assertEquals(before, Api.given().get("/api/v1/units/" + theirs.site()).then().statusCode(200).extract().asString());
        int revisions = Api.given().get("/api/v1/rounds/" + theirs.round() + "/submissions/" + theirs.dept() + "/revisions")
                .then().extract().jsonPath().getInt("totalItems");
        send(admin, calls().get("putSubmission").apply(theirs)).then().statusCode(404);
        assertEquals(revisions, Api.given().get("/api/v1/rounds/" + theirs.round() + "/submissions/" + theirs.dept()
                + "/revisions").then().extract().jsonPath().getInt("totalItems"));
    }

    private static Response send(String key, Call call) {
        var request = Api.as(key).accept(ContentType.JSON);
        if (call.body() instanceof String file) {
            request.contentType("text/csv").body(file);
        } else if (call.body() != null) {
            request.contentType(ContentType.JSON).body(call.body());
        }
        if (call.path().endsWith("/evidence")) {
            request.accept("text/html");
        }
        if (call.path().matches(".*\\.(csv|xlsx|html)(\\?.*)?")) {
            request.accept("*/*"); // the operations that answer one file type each
        }
        if (call.path().endsWith("/tree")) {
            request.accept("text/csv");
        }
        return request.request(call.method(), call.path());
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) : s;
    }
}
