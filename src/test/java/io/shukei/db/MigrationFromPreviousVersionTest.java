package io.shukei.db;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The database of the previous version (852c99f: filled through its API, dumped by pg_dump) upgrades without
 * loss: after Flyway's migrations every answer that version served about it is served again, sheet for sheet,
 * revision for revision and report for report (fields added since are allowed; generatedAt of a closed round
 * is now its close), and what the new version promises holds on the upgraded data.
 */
@QuarkusTest
@TestProfile(PreviousVersionDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationFromPreviousVersionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer of the previous version: the file holding its body, its status, what was asked and how. */
    private record Captured(String file, int status, String accept, String path) {
    }

    private static List<Captured> captured() throws IOException {
        List<Captured> answers = new ArrayList<>();
        for (String line : resource("responses/index.tsv").split("\n")) {
            String[] f = line.split("\t");
            answers.add(new Captured(f[0], Integer.parseInt(f[1]), f[2], f[3]));
        }
        return answers;
    }

    private static String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = MigrationFromPreviousVersionTest.class.getResourceAsStream(PreviousVersionDatabase.FIXTURE + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    @Order(1)
    void everySheetRevisionAndReportOfThePreviousVersionIsServedAgain() throws IOException {
        List<Captured> answers = captured();
        assertEquals(106, answers.size());
        List<String> differences = new ArrayList<>();
        for (Captured answer : answers) {
            // The JSON report lists its units only when asked to (the previous version always did).
            String path = answer.path().contains("/report") && answer.accept().equals("application/json")
                    ? answer.path() + (answer.path().contains("?") ? "&" : "?") + "include=units&limit=1000" : answer.path();
            Response now = given().accept(answer.accept()).get("/api/v1/" + path);
            String where = answer.path() + " (" + answer.accept() + ")";
            if (now.statusCode() != answer.status()) {
                differences.add(where + ": status " + now.statusCode() + " instead of " + answer.status());
            } else if (answer.accept().equals("text/csv")) {
                if (!Arrays.equals(bytes("responses/" + answer.file()), now.asByteArray())) {
                    differences.add(where + ": other bytes");
                }
            } else if (answer.status() >= 400) {
                // The problem's detail names units by code and name now; its kind and ids stay.
                JsonNode before = JSON.readTree(bytes("responses/" + answer.file()));
                JsonNode after = JSON.readTree(now.asByteArray());
                for (String field : List.of("type", "status", "unitIds")) {
                    if (!before.path(field).equals(after.path(field))) {
                        differences.add(where + ": " + field + " " + after.path(field) + " instead of " + before.path(field));
                    }
                }
            } else {
                compare(where, JSON.readTree(bytes("responses/" + answer.file())), JSON.readTree(now.asByteArray()), differences);
            }
        }
        assertEquals(List.of(), differences);
    }

    /**
     * Everything the previous version said is said again; fields added since may be there too. Two fields
     * say it differently on purpose: generatedAt (a closed round's is its close) and a policy's reason in
     * English (it names units by code and name instead of ids; the ids stay in unitsWithoutHeadcount).
     */
    private static void compare(String where, JsonNode before, JsonNode after, List<String> differences) {
        if (before.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = before.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!List.of("generatedAt", "reason").contains(field.getKey())) {
                    compare(where + "." + field.getKey(), field.getValue(), after.path(field.getKey()), differences);
                }
            }
        } else if (before.isArray()) {
            if (!after.isArray() || after.size() != before.size()) {
                differences.add(where + ": " + after.size() + " items instead of " + before.size());
                return;
            }
            for (int i = 0; i < before.size(); i++) {
                compare(where + "[" + i + "]", before.get(i), after.get(i), differences);
            }
        } else if (before.isNumber() ? !after.isNumber() || before.decimalValue().compareTo(after.decimalValue()) != 0
                : !before.equals(after)) {
            differences.add(where + ": " + after + " instead of " + before);
        }
    }

    private static long id(String path, String code) {
        return json().get("/api/v1/units" + path).then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.code == '" + code + "' }.id");
    }

    /** Runs after the comparison, which must see the data as the previous version left it. */
    @Test
    @Order(2)
    void theUpgradedDataKeepsTheNewPromises() {
        long acme = id("", "acme");
        long tokyo = id("?parentId=" + acme, "tokyo");
        long sales = id("?parentId=" + tokyo, "sales");
        long nagoya = id("?parentId=" + acme, "nagoya");
        long association = id("", "tokai-isa");
        long beta = id("?parentId=" + association, "beta");
        long delta = id("?parentId=" + association, "delta");
        // Kinds read from the evident shape of each tree.
        Map.of(acme, "COMPANY", tokyo, "SITE", sales, "DEPARTMENT", nagoya, "DEPARTMENT", association, "COMPANY",
                beta, "SITE", delta, "DEPARTMENT").forEach((unit, kind) ->
                json().get("/api/v1/units/" + unit).then().body("kind", equalTo(kind)));

        // Rounds of the previous version keep the participants they were given.
        long closed = json().queryParam("scopeUnitId", acme).queryParam("status", "CLOSED").get("/api/v1/rounds").then()
                .statusCode(200).extract().jsonPath().getLong("items.find { it.title == '2025年度 情報セキュリティ自社診断' }.id");
        json().get("/api/v1/rounds/" + closed).then().body("autoEnrol", equalTo(false));

        // A round closed before the upgrade never changes after it either.
        String report = "/api/v1/rounds/" + closed + "/report";
        Response before = given().accept("application/json").get(report);
        byte[] csv = given().get(report + "?format=csv").then().statusCode(200).extract().asByteArray();
        json().body(Map.of("name", "営業本部", "headcount", 99)).patch("/api/v1/units/" + sales).then().statusCode(200);
        Response after = given().accept("application/json").get(report);
        assertEquals(before.header("ETag"), after.header("ETag"));
        assertArrayEquals(before.asByteArray(), after.asByteArray());
        assertArrayEquals(csv, given().get(report + "?format=csv").then().extract().asByteArray());
        assertTrue(after.asString().contains("\"name\":\"営業部\""));

        // The association is turned into what it is: a group whose members declare on their own.
        json().body(Map.of("kind", "GROUP")).patch("/api/v1/units/" + association).then().statusCode(200);
        json().get("/api/v1/units/" + association + "/member-companies").then().statusCode(200)
                .body("items.code", contains("beta", "gamma", "delta"))
                .body("items[0].latestRound.title", equalTo("2025年度 会員診断"));
    }
}
