package io.shukei.report;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shukei.Api;
import io.shukei.OpenFiles;
import io.shukei.export.Downloads;
import io.shukei.tally.Part;

@QuarkusTest
class ReportExportTest {

    private static final String TRICKY_NAME = "営業部, \"東京\"";
    private static final String COMMENT = "規程は総務が管理\n確認中, \"要返信\"";
    private static final String FORMULA = "=HYPERLINK(\"x\")";

    private long round;
    private long sales;
    private String missingName;

    @BeforeEach
    void setUp() {
        long org = Api.unit("株式会社テスト", null, null);
        sales = Api.unit(TRICKY_NAME, org, 10);
        long plant = Api.unit("+工場", org, 20);
        missingName = Api.unique("大阪業務部");
        Api.unit(missingName, org, null);
        round = Api.round(org);
        Map<String, Object> sheet = new java.util.HashMap<>(Api.sheet("I".repeat(24) + "U"));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Object a : (List<?>) sheet.get("answers")) {
            answers.add(new java.util.HashMap<>((Map<String, Object>) a));
        }
        answers.get(24).put("comment", COMMENT);
        answers.get(0).put("comment", FORMULA);
        sheet.put("answers", answers);
        json().body(sheet).put("/api/v1/rounds/{r}/submissions/{u}", round, sales).then().statusCode(201);
        Api.submit(round, plant, "P".repeat(20) + "NNNNN").statusCode(201);
    }

    private JsonPath report() {
        return json().get("/api/v1/rounds/" + round + "/report").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void csvHasBomQuotingThatRoundTripsAndANamedFile() throws IOException {
        Response response = given().accept("text/csv").get("/api/v1/rounds/" + round + "/report");
        response.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("filename*=UTF-8''"))
                .header("Content-Disposition", containsString(
                        java.net.URLEncoder.encode("株式会社テスト", StandardCharsets.UTF_8)));
        byte[] bytes = response.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();

        JsonPath report = report();
        assertEquals(0, new BigDecimal(report.getString("score")).compareTo(new BigDecimal(value(records, "点数"))));
        assertEquals("統合判定", value(records, "集計方法"));
        assertTrue(value(records, "未提出").contains(missingName));

        int header = indexOf(records, "部署コード");
        List<CSVRecord> rows = records.subList(header + 1, records.size());
        assertEquals(50, rows.size());
        CSVRecord q25 = rows.stream().filter(r -> r.get(1).equals(TRICKY_NAME) && r.get(4).equals("25")).findFirst().orElseThrow();
        assertEquals("UNKNOWN", q25.get(6));
        assertEquals("-1", q25.get(8));
        assertEquals(COMMENT, q25.get(9));
        CSVRecord q1 = rows.stream().filter(r -> r.get(1).equals(TRICKY_NAME) && r.get(4).equals("1")).findFirst().orElseThrow();
        assertEquals("'" + FORMULA, q1.get(9));
        assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("'+工場")));

        given().queryParam("format", "csv").queryParam("lang", "en").get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(200).header("Content-Language", "en").body(containsString("Unit code"));
    }

    @Test
    void xlsxCellsEqualTheJsonReport() throws IOException {
        Response response = given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/rounds/" + round + "/report");
        response.then().statusCode(200).header("Content-Disposition", containsString(".xlsx"));
        JsonPath report = report();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            assertEquals(List.of("概要", "設問×部署", "回答一覧"),
                    List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)));
            Sheet summary = workbook.getSheet("概要");
            assertEquals(new BigDecimal(report.getString("score")).doubleValue(), row(summary, "点数").getCell(1).getNumericCellValue());
            assertEquals(report.getString("band.situation.ja"), row(summary, "判定").getCell(1).getStringCellValue());
            for (int p = 0; p < 3; p++) {
                Row part = row(summary, "パート" + (p + 1) + " " + report.getString("parts[" + p + "].title.ja"));
                assertEquals(report.getDouble("parts[" + p + "].score"), part.getCell(1).getNumericCellValue(), 0.001);
                assertEquals(report.getInt("parts[" + p + "].max"), (int) part.getCell(2).getNumericCellValue());
            }
            assertEquals(report.getDouble("policies.MEAN.score"), row(summary, "集計方法別 平均").getCell(1).getNumericCellValue(), 0.001);
            assertEquals(TRICKY_NAME, row(summary, "わからない 設問25").getCell(1).getStringCellValue());

            Sheet matrix = workbook.getSheet("設問×部署");
            // A row per unit (in tree order, which follows their ids as text: found rather than assumed), a column
            // per question, the organisation's points in the last row.
            Row sales = null;
            for (int r = 1; r < matrix.getLastRowNum(); r++) {
                if (TRICKY_NAME.equals(matrix.getRow(r).getCell(0).getStringCellValue())) {
                    sales = matrix.getRow(r);
                }
            }
            assertTrue(sales != null, "a row for " + TRICKY_NAME);
            assertEquals(4.0, sales.getCell(1).getNumericCellValue());
            assertEquals(-1.0, sales.getCell(25).getNumericCellValue());
            Row organisation = matrix.getRow(matrix.getLastRowNum());
            for (int q = 1; q <= 25; q++) {
                assertEquals(report.getDouble("questions[" + (q - 1) + "].points"), organisation.getCell(q).getNumericCellValue(), 0.001);
            }
            assertEquals(4, matrix.getSheetConditionalFormatting().getNumConditionalFormattings());
            assertEquals(51, workbook.getSheet("回答一覧").getPhysicalNumberOfRows());
        }
    }

    @Test
    void htmlIsSelfContainedAndNamesScoreAndMissingUnits() {
        String body = given().accept("text/html").get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        Document doc = Jsoup.parse(body);
        JsonPath report = report();
        assertTrue(doc.select("script").isEmpty());
        assertTrue(doc.select("[src], link, iframe, object, embed").isEmpty());
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getValue().contains("//"), a.getKey() + "=" + a.getValue()));
        }
        assertFalse(body.contains("http:") || body.contains("https:") || body.contains("url("));
        assertEquals("ja", doc.select("html").attr("lang"));
        assertTrue(doc.getElementById("score").text().startsWith(new BigDecimal(report.getString("score")).setScale(2).toPlainString()));
        assertEquals(List.of(missingName), doc.select("ul.missing li").eachText());
        assertTrue(doc.text().contains(report.getString("band.nextStep.ja")));
        // The header row sits in thead, which a browser repeats on every printed page of a long heatmap.
        assertEquals(Part.QUESTIONS + 2, doc.select("table.heat > thead > tr > th").size());
        assertEquals(2, doc.select("table.heat > tbody > tr").size());
        assertEquals(5, doc.select("ol.improve li p.advice").size());

        Document en = Jsoup.parse(given().header("Accept-Language", "en").queryParam("format", "html")
                .get("/api/v1/rounds/" + round + "/report").then().statusCode(200).extract().asString());
        assertEquals("en", en.select("html").attr("lang"));
        assertTrue(en.text().contains(report.getString("band.nextStep.en")));
    }

    @Test
    void unsupportedFormatsAreRefused() {
        given().accept("application/pdf").get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(406).contentType("application/problem+json").body("status", equalTo(406));
        given().queryParam("format", "pdf").get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(400).body("errors[0].field", equalTo("format"));
        given().accept("text/html").get("/api/v1/rounds/987654321/report").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void exportsSendTheirBodyAndHeadItsLengthAndNoFileStaysOpen() {
        String report = "/api/v1/rounds/" + round + "/report";
        String submissions = "/api/v1/rounds/" + round + "/submissions";
        for (String[] request : new String[][]{{report, "text/csv"}, {report, Downloads.XLSX}, {report, "text/html"},
                {submissions, "text/csv"}}) {
            Response get = given().accept(request[1]).get(request[0]);
            assertEquals(200, get.statusCode(), request[1]);
            // A report is sent while it is written: chunked, unless it fits the response's first buffer.
            if (!"chunked".equals(get.header("Transfer-Encoding"))) {
                assertEquals(get.asByteArray().length, Long.parseLong(get.header("Content-Length")), request[1]);
            }
            assertTrue(get.asByteArray().length > 0, request[1]);
            Response head = given().accept(request[1]).head(request[0]);
            assertEquals(200, head.statusCode(), request[1]);
            // Each request builds its own file, and one carries its time of building: only the header is compared.
            assertTrue(Long.parseLong(head.header("Content-Length")) > 0, request[1]);
            assertEquals(0, head.asByteArray().length);
        }
        // A response's last bytes can reach the client just before the server closes the file they came from.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertEquals(Set.of(), OpenFiles.downloads(), "every file a download was written to is closed"));
    }

    private static String value(List<CSVRecord> records, String label) {
        return records.get(indexOf(records, label)).get(1);
    }

    private static int indexOf(List<CSVRecord> records, String label) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).get(0).equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static Row row(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }
}
