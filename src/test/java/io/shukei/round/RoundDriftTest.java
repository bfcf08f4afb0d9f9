package io.shukei.round;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

/** Nobody is left out without a word: units the open round does not ask are listed, and can be added. */
@QuarkusTest
class RoundDriftTest {

    private static long round(long scope, boolean autoEnrol) {
        return json().body(Map.of("title", "2026年度", "scopeUnitId", scope, "autoEnrol", autoEnrol))
                .post("/api/v1/rounds").then().statusCode(201).body("autoEnrol", equalTo(autoEnrol))
                .extract().jsonPath().getLong("id");
    }

    private static String report(long round) {
        return "/api/v1/rounds/" + round + "/report";
    }

    @Test
    void aUnitCreatedInScopeWhileOpenJoinsWhenTheRoundEnrolsByItself() {
        Api.EastWest org = Api.eastWest();
        long round = round(org.org(), true);
        long late = Api.unit("新設課", org.east(), null);
        json().get("/api/v1/rounds/" + round).then().statusCode(200)
                .body("progress.expected", equalTo(4))
                .body("progress.missing.unitId", hasItem((int) late))
                .body("progress.notParticipating", empty());
        Api.submit(round, late, "I".repeat(25)).statusCode(201);
        json().get(report(round)).then().body("coverage.submitted", equalTo(1)).body("coverage.expected", equalTo(4));
    }

    @Test
    void aUnitCreatedInScopeWhileOpenIsListedAsNotParticipatingAndCanBeAdded() throws IOException {
        Api.EastWest org = Api.eastWest();
        long round = round(org.org(), false);
        org.submitMixed(round);
        long late = json().body(Map.of("code", "new-team", "name", "新設課", "parentId", org.east()))
                .post("/api/v1/units").then().statusCode(201).extract().jsonPath().getLong("id");

        json().get("/api/v1/rounds/" + round).then()
                .body("progress.expected", equalTo(3))
                .body("progress.notParticipating.unitId", contains((int) late))
                .body("progress.notParticipating[0].code", equalTo("new-team"))
                .body("progress.notParticipating[0].name", equalTo("新設課"))
                .body("progress.notParticipating[0].path", equalTo("Org / East / 新設課"));
        json().get(report(round)).then()
                .body("coverage.expected", equalTo(3)).body("coverage.submitted", equalTo(3))
                .body("coverage.notParticipating.unitId", contains((int) late))
                .body("children[0].coverage", not(hasKey("notParticipating")));
        json().get(report(round) + "?unitId=" + org.west()).then().body("coverage.notParticipating", empty());
        given().get(report(round) + "?format=csv").then().statusCode(200)
                .body(containsString("警告: 対象外の部署,新設課 (new-team),1"));
        given().get(report(round) + "?format=csv&lang=en").then()
                .body(containsString("Warning: not taking part,新設課 (new-team),1"));
        given().get(report(round) + "?format=html").then().body(containsString("警告: 対象外の部署</strong>: 新設課 (new-team)"));
        byte[] xlsx = given().get(report(round) + "?format=xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            boolean warned = false;
            for (Row row : workbook.getSheetAt(0)) {
                warned |= row.getCell(0).getStringCellValue().equals("警告: 対象外の部署")
                        && row.getCell(1).getStringCellValue().equals("新設課 (new-team)");
            }
            assertTrue(warned, "the summary sheet warns of the unit that does not take part");
        }

        // Its head cannot answer, and is told why in the language asked for, by code and name.
        json().header("Accept-Language", "ja").body(Api.sheet("I".repeat(25)))
                .put("/api/v1/rounds/{r}/submissions/{u}", round, late).then().statusCode(422)
                .header("Content-Language", "ja")
                .body("type", equalTo("/problems/not-a-participant"))
                .body("detail", containsString("新設課(new-team)は診断"));
        Api.submit(round, late, "I".repeat(25)).statusCode(422)
                .body("detail", containsString("new-team (新設課) is not a participant"));

        json().body(Map.of("unitIds", List.of(late))).post("/api/v1/rounds/" + round + "/participants").then()
                .statusCode(200).body("progress.expected", equalTo(4)).body("progress.notParticipating", empty());
        Api.submit(round, late, "I".repeat(25)).statusCode(201);
        given().get(report(round) + "?format=csv").then().body(not(containsString("警告")));
    }

    @Test
    void aParticipantThatGainsUnitsUnderItIsListedAndTheNewUnitsAreAsked() {
        Api.EastWest org = Api.eastWest();
        long round = round(org.org(), true);
        long team = Api.unit("E1 課", org.e1(), null);
        json().get("/api/v1/rounds/" + round).then()
                .body("progress.participantsWithChildren.unitId", contains((int) org.e1()))
                .body("progress.participantsWithChildren[0].path", equalTo("Org / East / E1"))
                .body("progress.missing.unitId", hasItem((int) team));
        json().get(report(round)).then().body("coverage.participantsWithChildren.unitId", contains((int) org.e1()));
        given().get(report(round) + "?format=csv").then()
                .body(containsString("警告: 下位の部署ができた対象,E1 (" ));
        json().delete("/api/v1/rounds/" + round + "/participants/" + org.e1()).then().statusCode(200)
                .body("progress.participantsWithChildren", empty())
                .body("progress.missing.unitId", not(hasItem((int) org.e1())));
    }

    @Test
    void participantsAreAddedAndRemovedOneByOneWhileOpenOnly() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, null);
        long b = Api.unit("B", org, null);
        long round = json().body(Map.of("title", "x", "scopeUnitId", org, "participantIds", List.of(a)))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
        json().get("/api/v1/rounds/" + round).then().body("progress.notParticipating.unitId", contains((int) b));
        int revision = json().body(Map.of("unitIds", List.of(a, b))).post("/api/v1/rounds/" + round + "/participants").then()
                .statusCode(200).body("progress.expected", equalTo(2)).extract().jsonPath().getInt("revision");
        json().body(Map.of("unitIds", List.of(a))).post("/api/v1/rounds/" + round + "/participants").then()
                .statusCode(200).body("revision", equalTo(revision)); // nothing new: nothing changed
        json().body(Map.of("unitIds", List.of(Api.unit("Outsider", null, null))))
                .post("/api/v1/rounds/" + round + "/participants").then().statusCode(400)
                .body("errors[0].field", equalTo("unitIds[0]"))
                .body("errors[0].message", containsString("outside the round's scope"));
        json().delete("/api/v1/rounds/" + round + "/participants/" + a).then().statusCode(200)
                .body("progress.expected", equalTo(1));
        json().delete("/api/v1/rounds/" + round + "/participants/" + a).then().statusCode(404);
        json().delete("/api/v1/rounds/" + round + "/participants/" + b).then().statusCode(422)
                .body("type", equalTo("/problems/no-participants"));
        json().post("/api/v1/rounds/" + round + "/close").then().statusCode(200)
                .body("progress.notParticipating", empty());
        json().body(Map.of("unitIds", List.of(a))).post("/api/v1/rounds/" + round + "/participants").then()
                .statusCode(409).body("type", equalTo("/problems/round-closed"));
        json().delete("/api/v1/rounds/" + round + "/participants/" + b).then().statusCode(409);
        json().body(Map.of("autoEnrol", false)).patch("/api/v1/rounds/" + round).then().statusCode(409);
    }

    @Test
    void autoEnrolIsChosenPerRoundAndCanBeChangedWhileOpen() {
        Api.EastWest org = Api.eastWest();
        long round = round(org.org(), false);
        json().body(Map.of("autoEnrol", true, "title", "2026年度 改")).patch("/api/v1/rounds/" + round).then()
                .statusCode(200).body("autoEnrol", equalTo(true)).body("title", equalTo("2026年度 改"));
        long late = Api.unit("Late", org.west(), null);
        json().get("/api/v1/rounds/" + round).then().body("progress.missing.unitId", hasItem((int) late));
        json().body(Map.of("title", " ")).patch("/api/v1/rounds/" + round).then().statusCode(400);
    }

    @Test
    void unitsMovedIntoTheScopeJoinAndParticipantsMovedOutLeave() {
        Api.EastWest org = Api.eastWest();
        long eastRound = round(org.east(), true);
        json().body(Map.of("parentId", org.east())).patch("/api/v1/units/" + org.w1()).then().statusCode(200);
        json().get("/api/v1/rounds/" + eastRound).then()
                .body("progress.missing.unitId", containsInAnyOrder((int) org.e1(), (int) org.e2(), (int) org.w1()));
        json().body(Map.of("parentId", org.west())).patch("/api/v1/units/" + org.e2()).then().statusCode(200);
        json().get("/api/v1/rounds/" + eastRound).then()
                .body("progress.missing.unitId", containsInAnyOrder((int) org.e1(), (int) org.w1()));
        json().get(report(eastRound)).then().body("coverage.expected", equalTo(2));
    }

    @Test
    void copyingARoundNamesTheUnitsTheEarlierRoundLackedAndAddsThoseCreatedSince() {
        long org = Api.unit("Org", null, null);
        long a = Api.unit("A", org, null);
        long b = Api.unit("B", org, null);
        long first = json().body(Map.of("title", "2025", "scopeUnitId", org, "participantIds", List.of(a)))
                .post("/api/v1/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
        json().post("/api/v1/rounds/" + first + "/close").then().statusCode(200);
        long created = Api.unit("New", org, null);
        json().body(Map.of("title", "2026", "scopeUnitId", org, "copyFromRoundId", first)).post("/api/v1/rounds").then()
                .statusCode(201)
                .body("copiedFrom.roundId", equalTo((int) first))
                .body("copiedFrom.added.unitId", contains((int) created))
                .body("copiedFrom.notAdded.unitId", contains((int) b))
                .body("progress.missing.unitId", contains((int) a, (int) created))
                .body("progress.notParticipating.unitId", contains((int) b));
        json().body(Map.of("title", "2026", "scopeUnitId", org, "copyFromRoundId", first, "autoEnrol", false))
                .post("/api/v1/rounds").then().statusCode(201)
                .body("copiedFrom.added", empty())
                .body("copiedFrom.notAdded.unitId", contains((int) b, (int) created))
                .body("progress.missing.unitId", contains((int) a));
    }

    @Test
    void aUnitEnrolledWithoutASheetCanStillBeDeleted() {
        Api.EastWest org = Api.eastWest();
        long round = round(org.org(), true);
        long mistake = Api.unit("間違い", org.east(), null);
        json().get("/api/v1/rounds/" + round).then().body("progress.expected", equalTo(4));
        json().delete("/api/v1/units/" + mistake).then().statusCode(204);
        json().get("/api/v1/rounds/" + round).then().body("progress.expected", equalTo(3));
        Api.submit(round, org.e1(), "I".repeat(25)).statusCode(201);
        json().delete("/api/v1/units/" + org.e1()).then().statusCode(409);
    }
}
