package io.shukei.submission;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
class SubmissionResourceTest {

    private long round;
    private long dept;

    @BeforeEach
    void organisation() {
        long org = Api.unit("Org", null, null);
        dept = Api.unit("Dept", org, null);
        Api.unit("Other dept", org, null);
        round = Api.round(org);
    }

    private String path() {
        return "/api/v1/rounds/" + round + "/submissions/" + dept;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> answers(Map<String, Object> sheet) {
        return new ArrayList<>((List<Map<String, Object>>) sheet.get("answers"));
    }

    private static Map<String, Object> withAnswers(List<?> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", answers);
        return body;
    }

    @Test
    void firstSheetCreatesThenChangesMakeRevisionsAndRepeatsDoNot() {
        Api.submit(round, dept, "I".repeat(24) + "U").statusCode(201).header("ETag", "\"1\"")
                .header("Location", containsString(path()))
                .body("revision", equalTo(1)).body("score", equalTo(95))
                .body("band.code", equalTo("PARTLY_INSUFFICIENT"))
                .body("band.situation.ja", equalTo("部分的な対策が不十分"))
                .body("parts.score", contains(20, 52, 23))
                .body("parts.max", contains(20, 52, 28))
                .body("unknownQuestions", contains(25));
        Api.submit(round, dept, "I".repeat(24) + "U").statusCode(200).header("ETag", "\"1\"").body("revision", equalTo(1));
        Api.submit(round, dept, "I".repeat(25)).statusCode(200).header("ETag", "\"2\"").body("revision", equalTo(2))
                .body("score", equalTo(100)).body("band.code", equalTo("ENTRY_LEVEL_ACHIEVED"));
        json().get(path()).then().statusCode(200).header("ETag", "\"2\"").body("revision", equalTo(2))
                .body("answers[24].answer", equalTo("IMPLEMENTED")).body("answers[24].points", equalTo(4));
        json().get(path() + "/revisions").then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.revision", contains(1, 2)).body("items.score", contains(95, 100))
                .body("items[0].answers[24].answer", equalTo("UNKNOWN"));
    }

    @Test
    void commentsAndRespondentArePartOfTheSheet() {
        Map<String, Object> sheet = new HashMap<>(Api.sheet("P".repeat(25)));
        List<Map<String, Object>> answers = answers(sheet);
        answers.set(2, Map.of("question", 3, "answer", "PARTIAL", "comment", "共有アカウント, \"要確認\"\n2行目"));
        sheet.put("answers", answers);
        json().body(sheet).put(path()).then().statusCode(201);
        json().body(sheet).put(path()).then().statusCode(200).body("revision", equalTo(1));
        json().get(path()).then().body("answers[2].comment", equalTo("共有アカウント, \"要確認\"\n2行目"))
                .body("respondent", equalTo("部門長"));
        sheet.put("respondent", "新しい部門長");
        json().body(sheet).put(path()).then().statusCode(200).body("revision", equalTo(2));
    }

    @Test
    void incompleteDuplicatedAndOutOfRangeAnswersAreNamed() {
        List<Map<String, Object>> answers = answers(Api.sheet("I".repeat(25)));
        answers.remove(3);
        answers.set(0, Map.of("question", 2, "answer", "IMPLEMENTED"));
        json().body(withAnswers(answers)).put(path()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("answers[1].question"))
                .body("errors.find { it.field == 'answers' }.message", containsString("1, 4"));
        List<Map<String, Object>> outOfRange = answers(Api.sheet("I".repeat(25)));
        outOfRange.set(5, Map.of("question", 26, "answer", "IMPLEMENTED"));
        json().body(withAnswers(outOfRange)).put(path()).then().statusCode(400)
                .body("errors[0].field", equalTo("answers[5].question"));
        json().body(withAnswers(List.of())).put(path()).then().statusCode(400);
        json().get(path()).then().statusCode(404);
    }

    @Test
    void unknownAnswerCodeAndWrongTypesNameTheField() {
        List<Map<String, Object>> answers = answers(Api.sheet("I".repeat(25)));
        answers.set(3, Map.of("question", 4, "answer", "YES"));
        json().body(withAnswers(answers)).put(path()).then().statusCode(400)
                .body("errors[0].field", equalTo("answers[3].answer"))
                .body("errors[0].message", containsString("IMPLEMENTED"))
                .body("detail", not(containsString("io.shukei")));
        answers.set(3, Map.of("question", "four", "answer", "IMPLEMENTED"));
        json().body(withAnswers(answers)).put(path()).then().statusCode(400)
                .body("errors[0].field", equalTo("answers[3].question"))
                .body("detail", not(containsString("java.")));
        json().body("{\"answers\": [").put(path()).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/malformed-json"));
        json().body("{\"answers\": [], \"answers\": []}").put(path()).then().statusCode(400)
                .body("detail", containsString("twice"));
        json().get(path()).then().statusCode(404);
    }

    @Test
    void staleIfMatchIsRefusedAndNothingIsStored() {
        Api.submit(round, dept, "I".repeat(25)).statusCode(201);
        Api.submit(round, dept, "P".repeat(25)).statusCode(200);
        json().header("If-Match", "\"1\"").body(Api.sheet("N".repeat(25))).put(path()).then().statusCode(412)
                .body("currentRevision", equalTo(2)).body("type", equalTo("/problems/precondition-failed"));
        json().header("If-Match", "\"2\"").body(Api.sheet("N".repeat(25))).put(path()).then().statusCode(200)
                .body("revision", equalTo(3));
        json().get(path() + "/revisions").then().body("totalItems", equalTo(3));
    }

    @Test
    void concurrentWritersToOneSheetNeitherLoseNorDuplicateARevision() throws Exception {
        int writers = 6;
        int each = 5;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<List<Integer>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                List<Integer> revisions = new ArrayList<>();
                for (int n = 0; n < each; n++) {
                    // every sheet differs: writer and attempt spelt out in the first questions
                    String letters = "IPNU".charAt(writer % 4) + "IPNU".substring(n % 4, n % 4 + 1) + "N".repeat(writer)
                            + "I".repeat(23 - writer);
                    revisions.add(Api.submit(round, dept, letters).statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                            .extract().jsonPath().getInt("revision"));
                }
                return revisions;
            }));
        }
        List<Integer> acknowledged = new ArrayList<>();
        for (var r : results) {
            acknowledged.addAll(r.get());
        }
        pool.shutdown();
        List<Integer> stored = json().queryParam("size", 200).get(path() + "/revisions").then().statusCode(200)
                .extract().jsonPath().getList("items.revision", Integer.class);
        // each acknowledged revision is stored once; numbers run 1..n without gaps or repeats
        assertEquals(java.util.stream.IntStream.rangeClosed(1, stored.size()).boxed().toList(), stored);
        assertTrue(new java.util.HashSet<>(stored).containsAll(acknowledged));
        assertEquals(acknowledged.stream().distinct().count(), (long) stored.size());
    }

    @Test
    void unknownRoundOrUnitIsNotFound() {
        Api.submit(987654321L, dept, "I".repeat(25)).statusCode(404).body("detail", equalTo("Round 987654321 does not exist"));
        Api.submit(round, 987654321L, "I".repeat(25)).statusCode(404).body("detail", equalTo("Unit 987654321 does not exist"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        io.shukei.Api.given().contentType("text/plain").body("hello").put(path()).then()
                .statusCode(415).contentType("application/problem+json");
    }
}
