package io.shukei.report;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

@QuarkusTest
class ReportResourceTest {

    private static final String ALL_I = "I".repeat(25);

    @Inject
    DataSource dataSource;

    @Test
    void firstWorkedExampleTalliesPerQuestionUnderEveryPolicy() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, 10);
        long b = Api.unit("B", org, 10);
        long c = Api.unit("C", org, 80);
        long round = Api.round(org);
        Api.submit(round, a, ALL_I).statusCode(201);
        Api.submit(round, b, ALL_I).statusCode(201);
        Api.submit(round, c, "N".repeat(25)).statusCode(201);
        json().get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .body("policy", equalTo("CONSOLIDATED"))
                .body("score", equalTo(50.0f))
                .body("band.code", equalTo("INSUFFICIENT"))
                .body("band.nextStep.ja", equalTo("低い項目から改善"))
                .body("policies.CONSOLIDATED.score", equalTo(50.0f))
                .body("policies.WEAKEST.score", equalTo(0.0f))
                .body("policies.MEAN.score", equalTo(66.67f))
                .body("policies.HEADCOUNT_MEAN.score", equalTo(20.0f))
                .body("questions", hasSize(25))
                .body("questions[0].answer", equalTo("PARTIAL"))
                .body("questions[0].distribution.IMPLEMENTED", equalTo(2))
                .body("questions[0].distribution.NOT_IMPLEMENTED", equalTo(1))
                .body("parts.score", contains(10.0f, 26.0f, 14.0f))
                .body("parts.max", contains(20, 52, 28))
                .body("coverage.expected", equalTo(3))
                .body("coverage.submitted", equalTo(3))
                .body("units", nullValue())
                .body("lowestQuestions", hasSize(5))
                .body("catalogVersion", equalTo("tmg-handbook-2024"));
        json().queryParam("policy", "MEAN").get("/api/v1/rounds/" + round + "/report").then()
                .body("policy", equalTo("MEAN")).body("score", equalTo(66.67f))
                .body("band.code", equalTo("INSUFFICIENT"))
                .body("questions[0].answer", nullValue()).body("questions[0].points", equalTo(2.67f));
    }

    @Test
    void secondWorkedExampleListsTheUnknownAnswers() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, null);
        long b = Api.unit("B", org, null);
        long c = Api.unit("C", org, null);
        long round = Api.round(org);
        Api.submit(round, a, "I".repeat(24) + "U").statusCode(201);
        Api.submit(round, b, ALL_I).statusCode(201);
        Api.submit(round, c, "P".repeat(25)).statusCode(201);
        json().get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .body("score", equalTo(47.0f))
                .body("band.code", equalTo("CRITICAL"))
                .body("policies.WEAKEST.score", equalTo(47.0f))
                .body("policies.MEAN.score", equalTo(81.67f))
                .body("policies.HEADCOUNT_MEAN.score", nullValue())
                .body("policies.HEADCOUNT_MEAN.unitsWithoutHeadcount", containsInAnyOrder((int) a, (int) b, (int) c))
                .body("unknowns", hasSize(1))
                .body("unknowns[0].question", equalTo(25))
                .body("unknowns[0].unitId", equalTo((int) a))
                .body("questions[24].answer", equalTo("UNKNOWN"))
                .body("questions[24].unknownUnits[0].unitId", equalTo((int) a))
                .body("lowestQuestions[0].number", equalTo(25));
        json().queryParam("policy", "HEADCOUNT_MEAN").get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(422).body("type", equalTo("/problems/missing-headcount"))
                .body("unitIds", containsInAnyOrder((int) a, (int) b, (int) c));
    }

    @Test
    void missingUnitsAreListedNotCountedAsZero() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, null);
        long b = Api.unit("B", org, null);
        long round = Api.round(org);
        json().get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .body("score", nullValue()).body("band", nullValue())
                .body("coverage.expected", equalTo(2)).body("coverage.submitted", equalTo(0))
                .body("parts[0].score", nullValue()).body("lowestQuestions", hasSize(0));
        Api.submit(round, a, ALL_I).statusCode(201);
        json().get("/api/v1/rounds/" + round + "/report").then()
                .body("score", equalTo(100.0f))
                .body("coverage.submitted", equalTo(1))
                .body("coverage.missing.unitId", contains((int) b));
    }

    @Test
    void reportDrillsDownToAnyNodeOfTheTree() {
        Api.EastWest tree = Api.eastWest();
        long org = tree.org();
        long east = tree.east();
        long west = tree.west();
        long e1 = tree.e1();
        long e2 = tree.e2();
        long round = Api.round(org);
        tree.submitMixed(round);
        json().get("/api/v1/rounds/" + round + "/report").then()
                .body("score", equalTo(50.0f))
                .body("children.unitId", containsInAnyOrder((int) east, (int) west))
                .body("children.find { it.unitId == " + east + " }.score", equalTo(50.0f))
                .body("children.find { it.unitId == " + west + " }.score", equalTo(50.0f))
                .body("children.find { it.unitId == " + east + " }.coverage.expected", equalTo(2));
        json().queryParam("unitId", east).queryParam("policy", "WEAKEST").queryParam("include", "units")
                .get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(200).body("unitId", equalTo((int) east)).body("score", equalTo(0.0f))
                .body("units.unitId", containsInAnyOrder((int) e1, (int) e2));
        json().queryParam("unitId", e1).get("/api/v1/rounds/" + round + "/report").then()
                .body("score", equalTo(100.0f)).body("children", hasSize(0));
        long stranger = Api.unit("Stranger", null, null);
        json().queryParam("unitId", stranger).get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(400).body("errors[0].field", equalTo("unitId"));
    }

    @Test
    void siblingsKeepTheOrderOfTheirIdsWhenAnIdGainsADigit() throws SQLException {
        long org = Api.unit("Org", null, null);
        // Ids of 10 and 11 digits, which the paths as text would list the other way round; the service
        // never hands out ids this high, so they are written here directly.
        long nine = 9_000_000_000L + org;
        long ten = 10_000_000_000L + org;
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("INSERT INTO unit (id, parent_id, path, code, "
                + "name, kind, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, 'DEPARTMENT', now(), now(), 1)")) {
            for (long id : new long[] {ten, nine}) {
                s.setLong(1, id);
                s.setLong(2, org);
                s.setString(3, "/" + org + "/" + id + "/");
                s.setString(4, "u" + id);
                s.setString(5, "Unit " + id);
                s.executeUpdate();
            }
        }
        long round = Api.round(org);
        String report = "/api/v1/rounds/" + round + "/report";
        json().get(report).then().statusCode(200).body("coverage.missing.unitId", contains(nine, ten));
        Api.submit(round, ten, ALL_I).statusCode(201);
        Api.submit(round, nine, ALL_I).statusCode(201);
        json().get(report + "?include=units").then().statusCode(200).body("units.unitId", contains(nine, ten));
        json().get("/api/v1/rounds/" + round + "/submissions").then().statusCode(200)
                .body("items.unitId", contains(nine, ten));
    }

    @Test
    void unknownPolicyIsRefused() {
        long org = Api.unit("Org", null, null);
        Api.unit("A", org, null);
        long round = Api.round(org);
        json().queryParam("policy", "AVERAGE").get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(400).body("errors[0].field", equalTo("policy"));
        json().body(Map.of()).get("/api/v1/rounds/987654321/report").then().statusCode(404);
    }

    @Test
    void unitsComeAPageAtATimeInTreeOrderWhenAskedFor() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, 10);
        long b = Api.unit("B", org, 10);
        long c = Api.unit("C", org, 10);
        long round = Api.round(org);
        for (long unit : new long[] {a, b, c}) {
            Api.submit(round, unit, ALL_I).statusCode(201);
        }
        String report = "/api/v1/rounds/" + round + "/report";
        var first = json().get(report + "?include=units&limit=2").then().statusCode(200)
                .body("units.unitId", contains((int) a, (int) b))
                .body("coverage.submitted", equalTo(3))
                .extract();
        String next = first.path("unitsNext");
        String tag = first.header("ETag");
        json().get(next).then().statusCode(200).body("units.unitId", contains((int) c)).body("unitsNext", nullValue());
        json().header("If-None-Match", tag).get(report + "?include=units&limit=2").then().statusCode(304);
        json().header("If-None-Match", tag).get(next).then().statusCode(200);
        json().get(report + "?include=units&cursor=bm90LWEtY3Vyc29y").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        json().get(report + "?include=everything").then().statusCode(400).body("errors[0].field", equalTo("include"));
        json().get(report + "?include=units&limit=1001").then().statusCode(400);
    }

    @Test
    void theReportCountsEveryUnitButNamesOnlyTheFirst() throws SQLException {
        long org = Api.unit("Org", null, null);
        // 120 departments without a headcount, written directly: the API would take a request each.
        long first = 20_000_000_000L + org * 1_000;
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("INSERT INTO unit (id, parent_id, path, code, "
                + "name, kind, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, 'DEPARTMENT', now(), now(), 1)")) {
            for (long id = first; id < first + 120; id++) {
                s.setLong(1, id);
                s.setLong(2, org);
                s.setString(3, "/" + org + "/" + id + "/");
                s.setString(4, "u" + id);
                s.setString(5, "Unit " + id);
                s.addBatch();
            }
            s.executeBatch();
        }
        long round = Api.round(org);
        for (long id = first; id < first + 12; id++) {
            Api.submit(round, id, "I".repeat(24) + "U").statusCode(201);
        }
        String report = "/api/v1/rounds/" + round + "/report";
        json().get(report).then().statusCode(200)
                .body("coverage.expected", equalTo(120))
                .body("coverage.submitted", equalTo(12))
                .body("coverage.missing", hasSize(100))
                .body("coverage.missing[0].unitId", equalTo(first + 12))
                .body("questions[24].distribution.UNKNOWN", equalTo(12))
                .body("questions[24].unknownUnits", hasSize(10))
                .body("unknownAnswers", equalTo(12))
                .body("unknowns", hasSize(12))
                .body("toFindOut[0].units", equalTo(12))
                .body("policies.HEADCOUNT_MEAN.unitsWithoutHeadcount", hasSize(10))
                .body("policies.HEADCOUNT_MEAN.reason", endsWith(", and 2 more"));
        json().get(report + "?policy=HEADCOUNT_MEAN").then().statusCode(422)
                .body("detail", endsWith(", and 2 more"));
    }
}
