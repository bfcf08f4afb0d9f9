package io.shukei.submission;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
class RoundSubmissionsResourceTest {

    @Test
    void roundSubmissionsArePagedAsJsonAndWholeAsCsv() throws IOException {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("営業部, \"東京\"", org, null);
        long b = Api.unit("B", org, null);
        Api.unit("C", org, null);
        long round = Api.round(org);
        Map<String, Object> sheet = new HashMap<>(Api.sheet("I".repeat(24) + "U"));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Object item : (List<?>) sheet.get("answers")) {
            answers.add(new HashMap<>((Map<String, Object>) item));
        }
        answers.get(24).put("comment", "@総務に確認\n来週");
        sheet.put("answers", answers);
        json().body(sheet).put("/api/v1/rounds/{r}/submissions/{u}", round, a).then().statusCode(201);
        Api.submit(round, b, "P".repeat(25)).statusCode(201);
        Api.submit(round, b, "N".repeat(25)).statusCode(200);

        json().queryParam("size", 1).get("/api/v1/rounds/" + round + "/submissions").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("totalPages", equalTo(2)).body("items", hasSize(1));
        json().get("/api/v1/rounds/" + round + "/submissions").then().statusCode(200)
                .body("items.unitId", contains((int) a, (int) b))
                .body("items[0].answers[24].comment", equalTo("@総務に確認\n来週"))
                .body("items[1].revision", equalTo(2)).body("items[1].score", equalTo(0));

        byte[] bytes = given().queryParam("format", "csv").get("/api/v1/rounds/" + round + "/submissions").then()
                .statusCode(200).header("Content-Disposition", containsString("submissions-round-" + round + ".csv"))
                .extract().asByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertEquals(2, records.size());
        assertEquals("営業部, \"東京\"", records.get(0).get("unit_name"));
        assertEquals("UNKNOWN", records.get(0).get("q25"));
        assertEquals("'@総務に確認\n来週", records.get(0).get("comment25"));
        assertEquals("NOT_IMPLEMENTED", records.get(1).get("q1"));
        assertEquals("2", records.get(1).get("revision"));

        given().accept("application/xml").get("/api/v1/rounds/" + round + "/submissions").then().statusCode(406);
        json().get("/api/v1/rounds/987654321/submissions").then().statusCode(404);
    }
}
