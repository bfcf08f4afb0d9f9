package io.shukei.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.shukei.client.ApiClient;
import io.shukei.client.api.ReportsApi;
import io.shukei.client.api.RoundsApi;
import io.shukei.client.api.SubmissionsApi;
import io.shukei.client.api.UnitsApi;
import io.shukei.client.model.Answer;
import io.shukei.client.model.Report;
import io.shukei.client.model.RoundCreate;
import io.shukei.client.model.SheetAnswer;
import io.shukei.client.model.SheetPut;
import io.shukei.client.model.UnitCreate;

/**
 * The README walkthrough with a client generated from openapi/openapi.yaml (profile client-check),
 * against the packaged service: if the contract lied, this would not compile or would fail here.
 */
class GeneratedClientIT {

    private static SheetPut sheet(String letters) {
        SheetPut sheet = new SheetPut().respondent("部門長");
        for (int q = 0; q < letters.length(); q++) {
            Answer answer = switch (letters.charAt(q)) {
                case 'I' -> Answer.IMPLEMENTED;
                case 'P' -> Answer.PARTIAL;
                case 'N' -> Answer.NOT_IMPLEMENTED;
                default -> Answer.UNKNOWN;
            };
            sheet.addAnswersItem(new SheetAnswer().question(q + 1).answer(answer));
        }
        return sheet;
    }

    @Test
    void readmeWalkthroughRunsWithTheGeneratedClient() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Map.of("SHUKEI_EMBEDDED_DB_DIR",
                java.nio.file.Files.createTempDirectory("shukei-client").resolve("data").toString()))) {
            ApiClient client = new ApiClient();
            client.updateBaseUri("http://127.0.0.1:" + service.port);
            client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + ServiceProcess.ADMIN_KEY));
            UnitsApi units = new UnitsApi(client);
            RoundsApi rounds = new RoundsApi(client);
            SubmissionsApi submissions = new SubmissionsApi(client);

            long org = units.createUnit(new UnitCreate().code("acme").name("株式会社アクメ")).getId();
            long tokyo = units.createUnit(new UnitCreate().code("tokyo").name("東京本社").parentId(org)).getId();
            long osaka = units.createUnit(new UnitCreate().code("osaka").name("大阪支店").parentId(org)).getId();
            long sales = units.createUnit(new UnitCreate().code("sales").name("営業部").parentId(tokyo).headcount(10)).getId();
            long admin = units.createUnit(new UnitCreate().code("admin").name("総務部").parentId(tokyo).headcount(10)).getId();
            long ops = units.createUnit(new UnitCreate().code("ops").name("業務部").parentId(osaka).headcount(80)).getId();
            long round = rounds.createRound(new RoundCreate().title("2026年度 自社診断").scopeUnitId(org)).getId();

            assertEquals(1, submissions.putSubmission(round, sales, sheet("I".repeat(24) + "U"), null).getRevision());
            submissions.putSubmission(round, admin, sheet("I".repeat(25)), null);
            submissions.putSubmission(round, ops, sheet("P".repeat(25)), null);

            Report report = new ReportsApi(client).getReport(round, null, null, null, null, null, null, null, null);
            assertEquals(0, new BigDecimal("47.00").compareTo(new BigDecimal(String.valueOf(report.getScore()))));
            assertEquals(3L, report.getCoverage().getSubmitted().longValue());
            assertEquals(25, report.getUnknowns().get(0).getQuestion().intValue());
            assertEquals(3L, rounds.getRound(round).getProgress().getSubmitted().longValue());
            service.terminate(Duration.ofSeconds(30));
        }
    }
}
