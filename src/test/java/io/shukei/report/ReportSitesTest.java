package io.shukei.report;

import static io.shukei.Api.given;
import static io.shukei.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import io.shukei.Api;

/** Every unit of the human forms is named by its path, and each form has the table of the node's sites. */
@QuarkusTest
class ReportSitesTest {

    private Company company;
    private long round;

    @BeforeEach
    void setUp() {
        company = Company.create();
        round = company.round();
        Api.submit(round, company.tokyoGeneral(), "I".repeat(25)).statusCode(201);
        Api.submit(round, company.tokyoSales(), "I".repeat(20) + "PPPNN").statusCode(201);
        Api.submit(round, company.osakaGeneral(), "UU" + "I".repeat(23)).statusCode(201);
    }

    private JsonPath report() {
        return json().get("/api/v1/rounds/" + round + "/report?include=units").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyUnitIsNamedByItsPathFromTheNode() {
        json().get("/api/v1/rounds/" + round + "/report?include=units").then().statusCode(200)
                .body("units.path", hasItems("東京本社 / 総務部", "東京本社 / 営業部", "大阪支社 / 総務部"))
                .body("coverage.missing.path", contains("大阪支社 / 営業部"))
                .body("unknowns.path", contains("大阪支社 / 総務部", "大阪支社 / 総務部"));
        json().queryParam("unitId", company.osaka()).get("/api/v1/rounds/" + round + "/report?include=units").then().statusCode(200)
                .body("units.path", contains("総務部"))
                .body("coverage.missing.path", contains("営業部"));

        Document html = Jsoup.parse(given().accept("text/html").get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(200).extract().asString());
        assertEquals(List.of("大阪支社 / 営業部"), html.select("ul.missing li").eachText());
        assertEquals(List.of(Company.TOKYO, Company.OSAKA), html.select("table.heat tr.site th").eachText());
        assertTrue(html.select("#respondents td").eachText().containsAll(List.of("東京本社 / 総務部", "大阪支社 / 総務部")));
        assertTrue(html.select("#find-out li").text().contains("大阪支社 / 総務部"));
    }

    @Test
    void eachFormHasTheTableOfSitesWithScoreCoverageAndUnknownAnswers() throws IOException {
        JsonPath json = report();
        // Children come by code, which the test's units draw at random: read each site by its name.
        int tokyo = json.getList("children.name").indexOf(Company.TOKYO);
        int osaka = json.getList("children.name").indexOf(Company.OSAKA);
        assertEquals(Set.of(0, 1), Set.of(tokyo, osaka));
        assertEquals(0, json.getInt("children[" + tokyo + "].unknownAnswers"));
        assertEquals(2, json.getInt("children[" + osaka + "].unknownAnswers"));
        assertEquals(2, json.getInt("children[" + tokyo + "].coverage.submitted"));
        assertEquals(1, json.getInt("children[" + osaka + "].coverage.submitted"));
        assertEquals(List.of(2, 2), json.getList("children.coverage.expected"));
        List<Double> scores = List.of(json.getDouble("children[0].score"), json.getDouble("children[1].score"));

        byte[] csv = given().accept("text/csv").get("/api/v1/rounds/" + round + "/report").then().statusCode(200)
                .extract().asByteArray();
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(new String(csv, 3, csv.length - 3,
                StandardCharsets.UTF_8))).getRecords();
        int title = -1;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).size() == 1 && records.get(i).get(0).equals("事業所別")) {
                title = i;
            }
        }
        assertTrue(title >= 0, "a 事業所別 section");
        assertEquals("事業所", records.get(title + 1).get(0));
        for (int s = 0; s < 2; s++) {
            CSVRecord site = records.get(title + 2 + s);
            assertEquals(json.getString("children[" + s + "].name"), site.get(0));
            assertEquals(scores.get(s), Double.parseDouble(site.get(2)), 0.001);
            assertEquals(json.getString("children[" + s + "].unknownAnswers"), site.get(6));
        }

        byte[] xlsx = given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/rounds/" + round + "/report").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sites = workbook.getSheet("事業所別");
            for (int s = 0; s < 2; s++) {
                Row row = sites.getRow(1 + s);
                assertEquals(json.getString("children[" + s + "].name"), row.getCell(0).getStringCellValue());
                assertEquals(scores.get(s), row.getCell(2).getNumericCellValue(), 0.001);
                assertEquals(json.getInt("children[" + s + "].coverage.submitted"), (int) row.getCell(4).getNumericCellValue());
            }
            Sheet units = workbook.getSheet("部署別");
            Row first = units.getRow(1);
            assertEquals(json.getString("units[0].path"), first.getCell(0).getStringCellValue());
            assertEquals("部門長", first.getCell(2).getStringCellValue());
            assertTrue(first.getCell(3).getStringCellValue().matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{1,2}:\\d{2}"),
                    first.getCell(3).getStringCellValue());
            assertEquals(3, units.getLastRowNum());
            List<String> rows = new ArrayList<>();
            workbook.getSheet("設問×部署").forEach(r -> rows.add(r.getCell(0).getStringCellValue()));
            assertTrue(rows.containsAll(List.of("東京本社 / 総務部", "東京本社 / 営業部", "大阪支社 / 総務部")), rows.toString());
        }

        Document html = Jsoup.parse(given().accept("text/html").get("/api/v1/rounds/" + round + "/report").then()
                .statusCode(200).extract().asString());
        List<Element> rows = html.select("#sites tbody tr");
        assertEquals(2, rows.size());
        for (int s = 0; s < 2; s++) {
            List<String> cells = rows.get(s).select("td").eachText();
            assertEquals(json.getString("children[" + s + "].name"), cells.get(0));
            assertEquals(scores.get(s), Double.parseDouble(cells.get(1)), 0.001);
            assertEquals(json.getString("children[" + s + "].unknownAnswers"), cells.get(4));
        }
    }
}
