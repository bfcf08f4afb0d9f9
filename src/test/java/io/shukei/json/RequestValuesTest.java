package io.shukei.json;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

/**
 * Values that JSON can carry but the service cannot store faithfully are refused by name, in every field
 * of every body: dates outside what the database keeps, and text that is not Unicode (lone surrogates, NUL,
 * other C0 controls but tab and line breaks, the noncharacters U+FFFE and U+FFFF).
 */
@QuarkusTest
class RequestValuesTest {

    /** One body with a placeholder {@code %s} for the raw JSON value under test, and the field it is in. */
    record Field(String method, String path, String contentType, String body, String field) {
    }

    private static final String JSON = "application/json";
    private static final String PATCH = "application/merge-patch+json";

    private static String policy(String company, String title, String name, String enacted, String preamble, String heading,
                                 String text) {
        return "{\"companyName\":" + company + ",\"representativeTitle\":" + title + ",\"representativeName\":" + name
                + ",\"enactedOn\":" + enacted + ",\"preamble\":" + preamble + ",\"sections\":[{\"heading\":" + heading
                + ",\"text\":" + text + "}]}";
    }

    private static String sheet(String respondent, String comment) {
        StringBuilder answers = new StringBuilder();
        for (int q = 1; q <= 25; q++) {
            answers.append(q > 1 ? "," : "").append("{\"question\":").append(q).append(",\"answer\":\"IMPLEMENTED\"")
                    .append(q == 1 ? ",\"comment\":" + comment : "").append('}');
        }
        return "{\"respondent\":" + respondent + ",\"answers\":[" + answers + "]}";
    }

    private static List<Field> textFields(long org, long dept, long round, long webhook) {
        String ok = "\"ok\"";
        String date = "\"2026-04-01\"";
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("POST", "/api/v1/units", JSON, "{\"code\":\"c\",\"name\":%s,\"parentId\":" + org + "}", "name"));
        fields.add(new Field("PATCH", "/api/v1/units/" + dept, PATCH, "{\"name\":%s}", "name"));
        fields.add(new Field("POST", "/api/v1/rounds", JSON, "{\"title\":%s,\"scopeUnitId\":" + org + "}", "title"));
        fields.add(new Field("PATCH", "/api/v1/rounds/" + round, PATCH, "{\"title\":%s}", "title"));
        String sheetPath = "/api/v1/rounds/" + round + "/submissions/" + dept;
        fields.add(new Field("PUT", sheetPath, JSON, sheet("%s", ok), "respondent"));
        fields.add(new Field("PUT", sheetPath, JSON, sheet(ok, "%s"), "answers[0].comment"));
        fields.add(new Field("POST", "/api/v1/api-keys", JSON, "{\"name\":%s,\"role\":\"VIEWER\",\"unitId\":" + org + "}", "name"));
        fields.add(new Field("POST", "/api/v1/webhooks", JSON,
                "{\"url\":\"http://127.0.0.1:9/\",\"events\":[\"round.closed\"],\"unitId\":" + org + ",\"description\":%s}",
                "description"));
        fields.add(new Field("POST", "/api/v1/webhooks", JSON, "{\"url\":%u,\"events\":[\"round.closed\"],\"unitId\":" + org + "}",
                "url"));
        fields.add(new Field("PATCH", "/api/v1/webhooks/" + webhook, PATCH, "{\"url\":%u}", "url"));
        fields.add(new Field("PATCH", "/api/v1/webhooks/" + webhook, PATCH, "{\"description\":%s}", "description"));
        fields.add(new Field("PATCH", "/api/v1/webhooks/" + webhook, PATCH, "{\"events\":[%s]}", "events[0]"));
        String policyPath = "/api/v1/units/" + org + "/basic-policy";
        fields.add(new Field("PUT", policyPath, JSON, policy("%s", ok, ok, date, ok, ok, ok), "companyName"));
        fields.add(new Field("PUT", policyPath, JSON, policy(ok, "%s", ok, date, ok, ok, ok), "representativeTitle"));
        fields.add(new Field("PUT", policyPath, JSON, policy(ok, ok, "%s", date, ok, ok, ok), "representativeName"));
        fields.add(new Field("PUT", policyPath, JSON, policy(ok, ok, ok, date, "%s", ok, ok), "preamble"));
        fields.add(new Field("PUT", policyPath, JSON, policy(ok, ok, ok, date, ok, "%s", ok), "sections[0].heading"));
        fields.add(new Field("PUT", policyPath, JSON, policy(ok, ok, ok, date, ok, ok, "%s"), "sections[0].text"));
        fields.add(new Field("POST", "/api/v1/units/" + org + "/security-action/commitments", JSON, "{\"committedBy\":%s}",
                "committedBy"));
        fields.add(new Field("POST", "/api/v1/units/" + org + "/security-action/publication", JSON,
                "{\"url\":%u,\"publishedOn\":\"2026-04-01\"}", "url"));
        return fields;
    }

    private static List<Field> dateFields(long org, long round) {
        String ok = "\"ok\"";
        return List.of(
                new Field("POST", "/api/v1/rounds", JSON, "{\"title\":\"t\",\"scopeUnitId\":" + org + ",\"dueDate\":%s}", "dueDate"),
                new Field("PATCH", "/api/v1/rounds/" + round, PATCH, "{\"dueDate\":%s}", "dueDate"),
                new Field("PUT", "/api/v1/units/" + org + "/basic-policy", JSON, policy(ok, ok, ok, "%s", ok, ok, ok), "enactedOn"),
                new Field("POST", "/api/v1/units/" + org + "/security-action/publication", JSON,
                        "{\"url\":\"https://example.com/p\",\"publishedOn\":%s}", "publishedOn"));
    }

    private static Response send(Field field, String value) {
        String json = field.body().replace("%s", "\"" + value + "\"").replace("%u", "\"http://127.0.0.1:9/" + value + "\"");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return Api.given().contentType(field.contentType()).accept(JSON).body(body).request(field.method(), field.path());
    }

    /** Sends the value in every field and lists each answer that is not a 400 naming the field. */
    private static List<String> notRefusedByName(List<Field> fields, String value) {
        List<String> defects = new ArrayList<>();
        for (Field field : fields) {
            Response response = send(field, value);
            List<String> named = response.statusCode() == 400 ? response.jsonPath().getList("errors.field") : List.of();
            if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")
                    || named == null || !named.contains(field.field())) {
                defects.add(field.method() + " " + field.path() + " " + field.field() + "=" + value + " -> "
                        + response.statusCode() + " " + response.asString());
            }
        }
        return defects;
    }

    private long webhook(long unit) {
        return json().body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("round.closed"), "unitId", unit))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void textThatIsNotUnicodeIsRefusedInEveryStringOfEveryBody() {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        long round = Api.round(org);
        List<Field> fields = textFields(org, dept, round, webhook(org));
        List<String> defects = new ArrayList<>();
        for (String value : List.of("a\\ud800b", "a\\udfffb", "\\udc00\\ud800", "end\\ud83d", "a\\u0000b", "a\\uffffb", "\\ufffe", "bell\\u0007", "esc\\u001b[31m")) {
            defects.addAll(notRefusedByName(fields, value));
        }
        assertEquals(List.of(), defects, () -> String.join("\n", defects));
    }

    @Test
    void aSurrogateEncodedAsUtf8BytesIsRefusedToo() {
        long org = Api.unit("Org", null, null);
        byte[] head = ("{\"code\":\"c\",\"parentId\":" + org + ",\"name\":\"a").getBytes(StandardCharsets.UTF_8);
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] tail = "b\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + surrogate.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(surrogate, 0, body, head.length, surrogate.length);
        System.arraycopy(tail, 0, body, head.length + surrogate.length, tail.length);
        Api.given().contentType(JSON).body(body).post("/api/v1/units").then().statusCode(400);
    }

    @Test
    void pairedSurrogatesAndOtherTextAreKeptAsSent() {
        long org = Api.unit("Org", null, null);
        String name = "絵文字 \uD83D\uDE00 と 𠮷野家";
        json().body(Map.of("code", Api.unique("e"), "name", name, "parentId", org)).post("/api/v1/units")
                .then().statusCode(201).body("name", equalTo(name));
    }

    @Test
    void datesOutsideWhatTheDatabaseStoresAreRefusedInEveryDateField() {
        long org = Api.unit("Org", null, null);
        long round = Api.round(org);
        List<Field> fields = dateFields(org, round);
        List<String> defects = new ArrayList<>();
        for (String value : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31", "-0001-01-01")) {
            defects.addAll(notRefusedByName(fields, value));
        }
        Field expires = new Field("POST", "/api/v1/api-keys", JSON,
                "{\"name\":\"k\",\"role\":\"VIEWER\",\"unitId\":" + org + ",\"expiresAt\":%s}", "expiresAt");
        for (String value : List.of("+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00+18:00")) {
            defects.addAll(notRefusedByName(List.of(expires), value));
        }
        assertEquals(List.of(), defects, () -> String.join("\n", defects));
    }

    @Test
    void datesAtTheEdgesOfTheRangeAreStoredAsSent() {
        long org = Api.unit("Org", null, null);
        json().body(Map.of("title", "t", "scopeUnitId", org, "dueDate", "9999-12-31")).post("/api/v1/rounds")
                .then().statusCode(201).body("dueDate", equalTo("9999-12-31"));
        json().body(Map.of("title", "t", "scopeUnitId", org, "dueDate", "0001-01-01")).post("/api/v1/rounds")
                .then().statusCode(201).body("dueDate", equalTo("0001-01-01"));
        json().body(Map.of("name", "k", "role", "VIEWER", "unitId", org, "expiresAt", "9999-12-31T23:59:59+09:00"))
                .post("/api/v1/api-keys").then().statusCode(201);
    }

    /** Jackson takes a body with NUL bytes after its first character for UTF-32; one that is not valid as that either is malformed. */
    @Test
    void aBodyInNoValidEncodingIsMalformedJson() {
        byte[] body = new byte[64];
        body[0] = '{';
        byte[] rest = "\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(rest, 0, body, body.length - rest.length, rest.length);
        Api.given().contentType(JSON).accept(JSON).body(body).post("/api/v1/units").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void anAuditQueryFromBeyondTheRangeIsRefusedByName() {
        Api.given().queryParam("since", "+999999999-12-31T00:00:00Z").get("/api/v1/audit-events")
                .then().statusCode(400).body("errors.field", hasItem("since"));
    }
}
