package io.shukei.report;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shukei.Api;

/** The report compares itself with the node's previous closed round, with the same figures as the trend. */
@QuarkusTest
class ReportYearOnYearTest {

    @Test
    void yearOnYearFiguresEqualTheTrend() throws IOException {
        Company company = Company.create();
        long first = company.round();
        Api.submit(first, company.tokyoGeneral(), "I".repeat(25)).statusCode(201);
        Api.submit(first, company.tokyoSales(), "I".repeat(25)).statusCode(201);
        Api.submit(first, company.osakaGeneral(), "I".repeat(25)).statusCode(201);
        Api.submit(first, company.osakaSales(), "P".repeat(25)).statusCode(201);
        Company.close(first);
        long second = company.nextRound(first);
        Api.submit(second, company.tokyoGeneral(), "I".repeat(25)).statusCode(201);
        Api.submit(second, company.tokyoSales(), "NNNNN" + "I".repeat(20)).statusCode(201);
        Api.submit(second, company.osakaGeneral(), "I".repeat(25)).statusCode(201);

        JsonPath report = json().get("/api/v1/rounds/" + second + "/report").then().statusCode(200).extract().jsonPath();
        JsonPath trend = json().get("/api/v1/units/" + company.org() + "/trend").then().statusCode(200).extract().jsonPath();
        assertEquals(first, report.getLong("previousRound.roundId"));
        assertEquals(trend.getDouble("rounds[0].score"), report.getDouble("previousRound.score"), 0.001);
        assertEquals(trend.getDouble("rounds[1].change"), report.getDouble("previousRound.change"), 0.001);
        assertEquals(trend.getLong("rounds[0].expected"), report.getLong("previousRound.expected"));
        assertEquals(trend.getLong("rounds[0].submitted"), report.getLong("previousRound.submitted"));
        assertEquals(4, report.getLong("previousRound.submitted"));
        assertEquals(3, report.getInt("coverage.submitted"));
        assertTrue(report.getBoolean("previousRound.coverageDiffers"));
        for (int q = 0; q < 25; q++) {
            Float change = trend.get("rounds[1].questions[" + q + "].change");
            Float reported = report.get("previousRound.questions[" + q + "].change");
            assertEquals(change, reported, "question " + (q + 1));
        }
        assertEquals(0.0f, (Float) report.get("previousRound.questions[0].change"));
        assertEquals(2.0f, (Float) report.get("previousRound.questions[5].change"));
        for (long site : new long[] {company.tokyo(), company.osaka()}) {
            String child = ".children.find { it.unitId == " + site + " }";
            assertEquals((Float) trend.get("rounds[1]" + child + ".change"), (Float) report.get("previousRound" + child + ".change"));
            assertEquals((Float) trend.get("rounds[0]" + child + ".score"), (Float) report.get("previousRound" + child + ".previous"));
        }
        assertNotNull(report.get("previousRound.parts[0].change"));

        // The first round has no previous round.
        assertNull(json().get("/api/v1/rounds/" + first + "/report").then().statusCode(200).extract().jsonPath()
                .get("previousRound"));

        Document html = Jsoup.parse(given().accept("text/html").get("/api/v1/rounds/" + second + "/report").then()
                .statusCode(200).extract().asString());
        assertNotNull(html.getElementById("year-on-year"));
        assertNotNull(html.getElementById("coverage-differs"));
        assertTrue(html.getElementById("year-on-year").text().contains("4 / 4"));
        String csv = given().accept("text/csv").get("/api/v1/rounds/" + second + "/report").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains("前回の点数"));
        byte[] xlsx = given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/rounds/" + second + "/report").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("前回との比較");
            assertEquals(report.getDouble("previousRound.score"), sheet.getRow(1).getCell(2).getNumericCellValue(), 0.001);
            assertEquals(report.getDouble("previousRound.change"), sheet.getRow(1).getCell(4).getNumericCellValue(), 0.001);
            assertEquals("4 / 4", sheet.getRow(2).getCell(2).getStringCellValue());
            assertEquals("3 / 4", sheet.getRow(2).getCell(3).getStringCellValue());
            Row q6 = sheet.getRow(2 + 3 + 6);
            assertEquals("設問6", q6.getCell(0).getStringCellValue());
            assertEquals(2.0, q6.getCell(4).getNumericCellValue(), 0.001);
        }
        assertTrue(csv.contains("提出状況が前回と違います"));
    }

    /**
     * The pages .ci/run screenshots at A4 width: a company of two sites with last year's round, an action plan
     * of each round and a sign-off, in Japanese and English.
     */
    @Test
    void aSignedReportWithLastYearAndAnActionPlanIsOnePrintablePage() throws IOException {
        Company company = Company.create();
        long first = company.round();
        Api.submit(first, company.tokyoGeneral(), "I".repeat(25)).statusCode(201);
        Api.submit(first, company.tokyoSales(), "PPN" + "I".repeat(22)).statusCode(201);
        Api.submit(first, company.osakaGeneral(), "I".repeat(10) + "N" + "I".repeat(14)).statusCode(201);
        Api.submit(first, company.osakaSales(), "I".repeat(20) + "PPPPP").statusCode(201);
        long backup = item(first, company.osakaGeneral(), 11, "外付けディスクへの週次バックアップを始め、月1回は社外に保管する");
        json().body(Map.of("status", "DONE")).patch("/api/v1/rounds/" + first + "/action-items/" + backup).then().statusCode(200);
        Company.close(first);
        long second = company.nextRound(first);
        Api.submit(second, company.tokyoGeneral(), "I".repeat(25)).statusCode(201);
        Api.submit(second, company.tokyoSales(), "UPN" + "I".repeat(22)).statusCode(201);
        Api.submit(second, company.osakaGeneral(), "I".repeat(25)).statusCode(201);
        item(second, company.tokyoSales(), 3, "社外から使うサービスすべてで多要素認証を有効にする");
        Company.close(second);
        json().body(Map.of("name", "山田太郎", "title", "代表取締役社長", "comment", "結果を確認した。対策計画のとおり進めること。"))
                .post("/api/v1/rounds/" + second + "/report/approvals").then().statusCode(201);

        for (String lang : new String[] {"ja", "en"}) {
            String body = given().queryParam("format", "html").queryParam("lang", lang)
                    .get("/api/v1/rounds/" + second + "/report").then().statusCode(200).extract().asString();
            Files.writeString(Path.of(lang.equals("ja") ? "target/report-sample.html" : "target/report-sample-en.html"), body,
                    StandardCharsets.UTF_8);
            Document page = Jsoup.parse(body);
            assertEquals(lang, page.select("html").attr("lang"));
            for (String section : new String[] {"year-on-year", "sites", "improve", "find-out", "plan", "sign-off"}) {
                assertNotNull(page.getElementById(section), section);
            }
            assertEquals(1, page.select("#sign-off section.approved").size());
            assertEquals(2, page.select("#plan table").size());
        }
    }

    private static long item(long round, long unit, int question, String action) {
        return json().body(Map.of("unitId", unit, "question", question, "action", action, "owner", "総務部 佐藤",
                        "dueOn", "2027-03-31"))
                .post("/api/v1/rounds/" + round + "/action-items").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
