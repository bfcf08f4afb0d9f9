package io.shukei.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

/**
 * Sends a corpus of malformed, mistyped, oversized and otherwise bad requests and checks that each
 * gets a 4xx problem document and that nothing in the database changed.
 */
@QuarkusTest
class BadInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private long org;
    private long dept;
    private long round;

    /** One bad request; a chunked body is sent without Content-Length, so only reading it can find its size. */
    record Case(String name, String method, String path, String contentType, byte[] body, String accept, boolean chunked) {
        Case(String name, String method, String path, String contentType, byte[] body, String accept) {
            this(name, method, path, contentType, body, accept, false);
        }
    }

    @BeforeEach
    void data() {
        org = Api.unit("Org", null, null);
        dept = Api.unit("Dept", org, null);
        round = Api.round(org);
    }

    private String sheetPath() {
        return "/api/v1/rounds/" + round + "/submissions/" + dept;
    }

    private static String valid() {
        try {
            return JSON.writeValueAsString(Api.sheet("I".repeat(25)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid sheet with answer {@code index} replaced by the raw JSON {@code item}. */
    private static String sheetWithItem(int index, String item) {
        List<String> items = new ArrayList<>();
        for (int q = 1; q <= 25; q++) {
            items.add(q - 1 == index ? item : "{\"question\":" + q + ",\"answer\":\"IMPLEMENTED\"}");
        }
        return "{\"answers\":[" + String.join(",", items) + "]}";
    }

    private List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        String sheet = sheetPath();
        String json = "application/json";
        String valid = valid();
        // truncated JSON at many points
        for (int cut = 1; cut < valid.length(); cut += valid.length() / 30) {
            cases.add(new Case("truncated at " + cut, "PUT", sheet, json, utf8(valid.substring(0, cut)), json));
        }
        // malformed documents
        for (String body : List.of("", " ", "null", "[]", "42", "\"text\"", "{", "}", "{answers:[]}", "{'answers':[]}",
                "{\"answers\":[],}", "{\"answers\":[]} trailing", "{\"answers\": [1,2,3]}", "{\"answers\": {}}",
                "{\"answers\": \"all\"}", "{\"answers\": null}", "{\"answers\": true}", "{\"respondent\": 5, \"answers\": []}",
                "{\"answers\":[],\"answers\":[]}", "NaN", "{\"answers\":[{\"question\":1,\"question\":2,\"answer\":\"PARTIAL\"}]}")) {
            cases.add(new Case("malformed " + body, "PUT", sheet, json, utf8(body), json));
        }
        // wrong values in one answer
        for (String item : List.of("{\"question\":0,\"answer\":\"IMPLEMENTED\"}", "{\"question\":26,\"answer\":\"IMPLEMENTED\"}",
                "{\"question\":-1,\"answer\":\"IMPLEMENTED\"}", "{\"question\":\"1\",\"answer\":\"IMPLEMENTED\"}",
                "{\"question\":1.5,\"answer\":\"IMPLEMENTED\"}", "{\"question\":true,\"answer\":\"IMPLEMENTED\"}",
                "{\"question\":null,\"answer\":\"IMPLEMENTED\"}", "{\"question\":[1],\"answer\":\"IMPLEMENTED\"}",
                "{\"question\":{},\"answer\":\"IMPLEMENTED\"}", "{\"question\":99999999999999999999,\"answer\":\"IMPLEMENTED\"}",
                "{\"question\":1e309,\"answer\":\"IMPLEMENTED\"}", "{\"question\":2147483648,\"answer\":\"IMPLEMENTED\"}",
                "{\"question\":1,\"answer\":\"YES\"}", "{\"question\":1,\"answer\":\"implemented\"}",
                "{\"question\":1,\"answer\":4}", "{\"question\":1,\"answer\":null}", "{\"question\":1,\"answer\":\"\"}",
                "{\"question\":1,\"answer\":\"実施している\"}", "{\"question\":1,\"answer\":[\"IMPLEMENTED\"]}",
                "{\"question\":1}", "{\"answer\":\"IMPLEMENTED\"}", "{}", "null", "1", "\"IMPLEMENTED\"",
                "{\"question\":1,\"answer\":\"IMPLEMENTED\",\"extra\":1}", "{\"question\":1,\"answer\":\"IMPLEMENTED\",\"comment\":5}",
                "{\"question\":1,\"answer\":\"IMPLEMENTED\",\"comment\":\"" + "長".repeat(2001) + "\"}",
                "{\"question\":1,\"answer\":\"IMPLEMENTED\",\"comment\":\"bell\\u0007\"}",
                "{\"question\":1,\"answer\":\"IMPLEMENTED\",\"comment\":\"nul\\u0000\"}",
                "{\"question\":2,\"answer\":\"IMPLEMENTED\"}")) {
            for (int index : new int[] {0, 24}) {
                cases.add(new Case("item " + index + " " + item, "PUT", sheet, json, utf8(sheetWithItem(index, item)), json));
            }
        }
        // whole-sheet shape
        StringBuilder doubled = new StringBuilder("{\"answers\":[");
        for (int q = 1; q <= 50; q++) {
            doubled.append(q > 1 ? "," : "").append("{\"question\":").append((q - 1) % 25 + 1).append(",\"answer\":\"PARTIAL\"}");
        }
        cases.add(new Case("all answers doubled", "PUT", sheet, json, utf8(doubled + "]}"), json));
        cases.add(new Case("no answers", "PUT", sheet, json, utf8("{\"answers\":[]}"), json));
        cases.add(new Case("unknown top-level field", "PUT", sheet, json, utf8(valid.replaceFirst("\\{", "{\"score\":100,")), json));
        cases.add(new Case("respondent too long", "PUT", sheet, json,
                utf8(valid.replace("\"respondent\":\"部門長\"", "\"respondent\":\"" + "x".repeat(201) + "\"")), json));
        cases.add(new Case("respondent with control", "PUT", sheet, json,
                utf8(valid.replace("\"respondent\":\"部門長\"", "\"respondent\":\"a\\u001bb\"")), json));
        cases.add(new Case("invalid UTF-8", "PUT", sheet, json, concat(utf8("{\"respondent\":\""),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, utf8(valid.substring(valid.indexOf("\",") + 1))), json));
        byte[] oversize = utf8("{\"respondent\":\"" + "x".repeat(1_200_000) + "\"}");
        cases.add(new Case("oversize body", "PUT", sheet, json, oversize, json));
        cases.add(new Case("oversize body, chunked", "PUT", sheet, json, oversize, json, true));
        cases.add(new Case("truncated body, chunked", "PUT", sheet, json, utf8(valid.substring(0, valid.length() / 2)), json, true));
        // media types
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            cases.add(new Case("content type " + type, "PUT", sheet, type, utf8(valid), json));
        }
        cases.add(new Case("accept xml", "PUT", sheet, json, utf8(valid), "application/xml"));
        cases.add(new Case("accept xml on GET", "GET", "/api/v1/units/" + org, null, null, "application/xml"));
        // ids in paths
        for (String bad : List.of("abc", "-1", "0", "1.5", "99999999999999999999", "987654321", "%20", "1e3")) {
            cases.add(new Case("sheet round id " + bad, "PUT", "/api/v1/rounds/" + bad + "/submissions/" + dept, json, utf8(valid), json));
            cases.add(new Case("sheet unit id " + bad, "PUT", "/api/v1/rounds/" + round + "/submissions/" + bad, json, utf8(valid), json));
            cases.add(new Case("unit id " + bad, "GET", "/api/v1/units/" + bad, null, null, json));
            cases.add(new Case("report of round " + bad, "GET", "/api/v1/rounds/" + bad + "/report", null, null, json));
        }
        // units and rounds
        for (String body : List.of("{}", "{\"code\":\"\",\"name\":\"x\"}", "{\"code\":\"a b\",\"name\":\"x\"}",
                "{\"code\":\"" + "c".repeat(65) + "\",\"name\":\"x\"}", "{\"code\":\"ok\",\"name\":\"" + "n".repeat(201) + "\"}",
                "{\"code\":\"ok\",\"name\":\"tab\\there\"}", "{\"code\":\"ok\",\"name\":\"x\",\"headcount\":0}",
                "{\"code\":\"ok\",\"name\":\"x\",\"headcount\":-5}", "{\"code\":\"ok\",\"name\":\"x\",\"headcount\":\"ten\"}",
                "{\"code\":\"ok\",\"name\":\"x\",\"headcount\":1e10}", "{\"code\":\"ok\",\"name\":\"x\",\"parentId\":\"a\"}",
                "{\"code\":\"ok\",\"name\":\"x\",\"parentId\":987654321}", "{\"code\":\"ok\",\"name\":\"x\",\"colour\":\"red\"}",
                "{\"code\":null,\"name\":\"x\"}", "{\"code\":\"ok\",\"name\":\"x\",\"code\":\"dup\"}")) {
            cases.add(new Case("unit " + body, "POST", "/api/v1/units", json, utf8(body), json));
        }
        for (String body : List.of("{}", "{\"title\":\"t\"}", "{\"title\":\"t\",\"scopeUnitId\":987654321}",
                "{\"title\":\"\",\"scopeUnitId\":" + org + "}", "{\"title\":\"t\",\"scopeUnitId\":" + org + ",\"policy\":\"BEST\"}",
                "{\"title\":\"t\",\"scopeUnitId\":" + org + ",\"dueDate\":\"next week\"}",
                "{\"title\":\"t\",\"scopeUnitId\":" + org + ",\"dueDate\":\"2026-02-30\"}",
                "{\"title\":\"t\",\"scopeUnitId\":" + org + ",\"participantIds\":[]}",
                "{\"title\":\"t\",\"scopeUnitId\":" + org + ",\"participantIds\":[null]}",
                "{\"title\":\"t\",\"scopeUnitId\":" + org + ",\"participantIds\":[987654321]}",
                "{\"title\":\"t\",\"scopeUnitId\":\"one\"}")) {
            cases.add(new Case("round " + body, "POST", "/api/v1/rounds", json, utf8(body), json));
        }
        for (String body : List.of("[]", "{\"name\":null}", "{\"name\":\"\"}", "{\"archived\":\"yes\"}", "{\"parentId\":" + dept + "}",
                "{\"headcount\":0}", "{\"unknown\":1}", "{\"code\":\"bad code\"}")) {
            cases.add(new Case("unit patch " + body, "PATCH", "/api/v1/units/" + org, "application/merge-patch+json", utf8(body), json));
        }
        for (String query : List.of("page=-1", "size=0", "size=201", "size=abc", "page=99999999999")) {
            cases.add(new Case("paging " + query, "GET", "/api/v1/units?" + query, null, null, json));
        }
        for (String query : List.of("policy=BEST", "unitId=987654321", "unitId=abc", "policy=mean")) {
            cases.add(new Case("report " + query, "GET", "/api/v1/rounds/" + round + "/report?" + query, null, null, json));
        }
        return cases;
    }

    @Test
    void everyBadRequestGetsAProblemAndChangesNothing() throws Exception {
        List<Case> cases = corpus();
        assertTrue(cases.size() >= 150, "corpus size " + cases.size());
        Map<String, Long> before = snapshot();
        List<String> defects = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (Case c : cases) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + c.path()))
                    .header("Accept", c.accept())
                    .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                    .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : c.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                            : HttpRequest.BodyPublishers.ofByteArray(c.body()));
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String body = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean ok = status >= 400 && status < 500 && type.startsWith("application/problem+json")
                    && isProblem(body, status)
                    && !body.contains("Exception") && !body.contains("io.shukei.") && !body.contains("\tat ");
            if (!ok) {
                defects.add(c.name().substring(0, Math.min(80, c.name().length())) + " -> " + status + " " + type + " "
                        + body.substring(0, Math.min(200, body.length())));
            }
        }
        assertEquals(List.of(), defects, () -> String.join("\n", defects) + "\n" + defects.size() + " of " + cases.size() + " requests were not refused properly");
        assertEquals(before, snapshot(), "database unchanged");
    }

    private static boolean isProblem(String body, int status) {
        try {
            var problem = JSON.readTree(body);
            return problem.path("status").asInt() == status && problem.path("type").isTextual()
                    && problem.path("title").isTextual();
        } catch (Exception e) {
            return false;
        }
    }

    private Map<String, Long> snapshot() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            for (String q : List.of("SELECT count(*) FROM unit", "SELECT coalesce(sum(revision), 0) FROM unit",
                    "SELECT count(*) FROM round", "SELECT count(*) FROM round_participant", "SELECT count(*) FROM submission",
                    "SELECT count(*) FROM submission_revision")) {
                try (var rs = s.executeQuery(q)) {
                    rs.next();
                    counts.put(q, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
