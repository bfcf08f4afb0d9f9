package io.shukei;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.shukei.db.TestDatabase;

/** Builds test data through the public API, as a client would; every name is unique per call. */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public final class Api {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Api() {
    }

    /** The bootstrap admin key of the test configuration: a global administrator. */
    public static final String ADMIN_KEY = "test-bootstrap-admin-key";

    /** A request as the global administrator. */
    public static RequestSpecification given() {
        return as(ADMIN_KEY);
    }

    /** A request with the given bearer key. */
    public static RequestSpecification as(String key) {
        return RestAssured.given().auth().oauth2(key);
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }

    public static long unit(String name, Long parentId, Integer headcount) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", unique("u"));
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        if (headcount != null) {
            body.put("headcount", headcount);
        }
        return json().body(body).post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A group of companies or an association at the top of its own tree. */
    public static long group(String name) {
        return json().body(Map.of("code", unique("g"), "name", name, "kind", "GROUP"))
                .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long round(long scopeUnitId) {
        return json().body(Map.of("title", "2026年度 自社診断", "scopeUnitId", scopeUnitId))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The answer a letter stands for in the tests' sheets: I, P, N, U; null for any other letter. */
    public static String answer(char letter) {
        return switch (letter) {
            case 'I' -> "IMPLEMENTED";
            case 'P' -> "PARTIAL";
            case 'N' -> "NOT_IMPLEMENTED";
            case 'U' -> "UNKNOWN";
            default -> null;
        };
    }

    /** A sheet body from letters I, P, N, U for questions 1..25. */
    public static Map<String, Object> sheet(String letters) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            String code = answer(letters.charAt(i));
            if (code == null) {
                throw new IllegalArgumentException(letters);
            }
            answers.add(Map.of("question", i + 1, "answer", code));
        }
        return Map.of("respondent", "部門長", "answers", answers);
    }

    /** An organisation with sites East (departments E1, E2) and West (department W1). */
    public record EastWest(long org, long east, long west, long e1, long e2, long w1) {

        /** E1 implements everything, E2 nothing, W1 everything in part: 50 under CONSOLIDATED. */
        public void submitMixed(long round) {
            submit(round, e1, "I".repeat(25)).statusCode(201);
            submit(round, e2, "N".repeat(25)).statusCode(201);
            submit(round, w1, "P".repeat(25)).statusCode(201);
        }
    }

    public static EastWest eastWest() {
        long org = unit("Org", null, null);
        long east = unit("East", org, null);
        long west = unit("West", org, null);
        return new EastWest(org, east, west, unit("E1", east, null), unit("E2", east, null), unit("W1", west, null));
    }

    public static ValidatableResponse submit(long roundId, long unitId, String letters) {
        return json().body(sheet(letters)).put("/api/v1/rounds/{r}/submissions/{u}", roundId, unitId).then();
    }
}
