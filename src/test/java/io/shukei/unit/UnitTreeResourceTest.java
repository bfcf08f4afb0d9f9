package io.shukei.unit;

import static io.shukei.Api.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.shukei.Api;

@QuarkusTest
class UnitTreeResourceTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String BOM = "\uFEFF";

    private static ValidatableResponse put(long unit, String contentType, byte[] file, boolean dryRun) {
        return Api.given().contentType(contentType).accept("application/json").queryParam("dryRun", dryRun)
                .body(file).put("/api/v1/units/" + unit + "/tree").then();
    }

    private static ValidatableResponse csv(long unit, String text, boolean dryRun) {
        return put(unit, "text/csv", text.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    private static String export(long unit) {
        return new String(Api.given().get("/api/v1/units/" + unit + "/tree.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
    }

    private static String code(String prefix) {
        return Api.unique(prefix);
    }

    @Test
    void anImportCreatesTheTreeAndTheSameFileAgainChangesNothing() {
        long org = Api.unit("株式会社インポート", null, null);
        String site = code("site");
        String sales = code("sales");
        String file = BOM + "code,name,parent_code,kind,headcount\r\n"
                + site + ",東京本社,,SITE,\r\n"
                + sales + ",\"営業部, 第一課\",\"" + site + "\",DEPARTMENT,12\r\n"
                + code("it") + ",情報システム部," + site + ",,3\r\n";
        csv(org, file, false).statusCode(200).body("dryRun", equalTo(false)).body("rows", equalTo(3))
                .body("created", equalTo(3)).body("unchanged", equalTo(0)).body("errorCount", equalTo(0))
                .body("changes.type", hasItems("CREATE"));
        String exported = export(org);
        assertTrue(exported.startsWith(BOM + "code,name,parent_code,kind,headcount\r\n"), exported);
        assertTrue(exported.contains(sales + ",\"営業部, 第一課\"," + site + ",DEPARTMENT,12\r\n"), exported);
        csv(org, file, false).statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(3))
                .body("changes", hasSize(0));
        csv(org, exported.substring(1), false).statusCode(200).body("unchanged", equalTo(3)).body("changes", hasSize(0));
        assertEquals(exported, export(org));
    }

    @Test
    void oneFileRenamesMovesRekindsArchivesAndUnarchivesAndOpenRoundsFollow() {
        long org = Api.unit("株式会社再編", null, null);
        String a = code("a");
        String b = code("b");
        String d1 = code("d1");
        String d2 = code("d2");
        csv(org, "code,name,parent_code,kind,headcount\n" + a + ",A,,SITE,\n" + b + ",B,,SITE,\n"
                + d1 + ",D1," + a + ",DEPARTMENT,5\n" + d2 + ",D2," + a + ",DEPARTMENT,\n", false).statusCode(200)
                .body("created", equalTo(4));
        long round = Api.round(org);
        long d1Id = unitId(org, d1);
        String d3 = code("d3");
        csv(org, "code,name,parent_code,kind,headcount\n" + a + ",A,,SITE,\n" + b + ",B2,,SITE,40\n"
                + d1 + ",D1," + b + ",DEPARTMENT,6\n" + d3 + ",D3," + b + ",,\n", true).statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(1)).body("moved", equalTo(1))
                .body("updated", equalTo(2)).body("archived", equalTo(1)).body("unchanged", equalTo(1))
                .body("changes.find { it.code == '" + d1 + "' }.fields", equalTo(List.of("parent_code", "headcount")))
                .body("changes.find { it.code == '" + d2 + "' }.type", equalTo("ARCHIVE"))
                .body("changes.find { it.code == '" + d3 + "' }.unitId", equalTo(null));
        Api.given().get("/api/v1/units/" + d1Id).then().body("parentId", equalTo((int) unitId(org, a)))
                .body("headcount", equalTo(5)).body("revision", equalTo(1));

        csv(org, "code,name,parent_code,kind,headcount\n" + a + ",A,,SITE,\n" + b + ",B2,,SITE,40\n"
                + d1 + ",D1," + b + ",DEPARTMENT,6\n" + d3 + ",D3," + b + ",,\n", false).statusCode(200)
                .body("created", equalTo(1)).body("moved", equalTo(1)).body("archived", equalTo(1));
        long bId = unitId(org, b);
        Api.given().get("/api/v1/units/" + d1Id).then().body("parentId", equalTo((int) bId))
                .body("headcount", equalTo(6)).body("revision", equalTo(2));
        Api.given().get("/api/v1/units/" + bId).then().body("name", equalTo("B2")).body("headcount", equalTo(40));
        long d3Id = unitId(org, d3);
        Api.given().get("/api/v1/units/" + d3Id).then().body("kind", equalTo("DEPARTMENT"));
        // The open round enrolled the new department, as it does a unit created on its own.
        Api.submit(round, d3Id, "I".repeat(25)).statusCode(201);

        // The archived department is made active again by a file that lists it.
        csv(org, export(org) + d2 + ",D2," + a + ",DEPARTMENT,\n", false).statusCode(200)
                .body("unarchived", equalTo(1)).body("created", equalTo(0));
        // A site that becomes a department under another site moves with its kind.
        csv(org, "code,name,parent_code,kind,headcount\n" + a + ",A," + b + ",DEPARTMENT,\n" + b + ",B2,,SITE,40\n"
                + d1 + ",D1," + b + ",DEPARTMENT,6\n" + d3 + ",D3," + b + ",,\n" + d2 + ",D2," + a + ",DEPARTMENT,\n", false)
                .statusCode(200).body("moved", equalTo(1)).body("updated", equalTo(1));
        Api.given().get("/api/v1/units/" + unitId(org, d2)).then().body("archived", equalTo(false));
    }

    @Test
    void everyErrorIsListedByRowAndColumnAndNothingChanges() {
        long org = Api.unit("株式会社エラー", null, null);
        String site = code("s");
        csv(org, "code,name,parent_code,kind,headcount\n" + site + ",Site,,SITE,\n", false).statusCode(200);
        String before = export(org);
        String file = "code,name,parent_code,kind,headcount\n"
                + site + ",Site,,SITE,\n"          // 2: fine
                + "has space,Bad,,,\n"             // 3: code
                + "ok1,,,,\n"                      // 4: name
                + "ok2,Two,nowhere,,\n"            // 5: parent_code
                + "ok3,Three,,TEAM,0\n"            // 6: kind, headcount
                + site + ",Again,,,\n"             // 7: duplicate code
                + "c1,C1,c2,,\n"                   // 8: cycle
                + "c2,C2,c1,,\n"                   // 9: cycle
                + "x,y\n";                         // 10: width
        csv(org, file, true).statusCode(200).body("dryRun", equalTo(true)).body("errorCount", equalTo(9))
                .body("changes", hasSize(0))
                .body("errors.findAll { it.row == 3 }.column", equalTo(List.of("code")))
                .body("errors.findAll { it.row == 4 }.column", equalTo(List.of("name")))
                .body("errors.findAll { it.row == 5 }.column", equalTo(List.of("parent_code")))
                .body("errors.findAll { it.row == 6 }.column", equalTo(List.of("kind", "headcount")))
                .body("errors.findAll { it.row == 7 }.column", equalTo(List.of("code")))
                .body("errors.findAll { it.row == 8 }.column", equalTo(List.of("parent_code")))
                .body("errors.findAll { it.row == 9 }.column", equalTo(List.of("parent_code")))
                .body("errors.find { it.row == 10 }.column", equalTo(null));
        csv(org, file, false).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItems("rows[3].code", "rows[6].kind", "rows[6].headcount", "rows[10]"));
        assertEquals(before, export(org));
        // Kinds are checked against the parent's once the rows are right.
        csv(org, "code,name,parent_code,kind,headcount\n" + site + ",Site,,SITE,\nco,Co," + site + ",COMPANY,\n", true)
                .statusCode(200).body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("kind"));
    }

    @Test
    void aFileThatIsNotUtf8OrHasAnotherHeaderIsRefusedAsAWhole() {
        long org = Api.unit("株式会社文字", null, null);
        byte[] shiftJis = "code,name,parent_code,kind,headcount\nx,営業部,,,\n".getBytes(Charset.forName("Shift_JIS"));
        put(org, "text/csv", shiftJis, true).statusCode(400).body("errors[0].field", equalTo("file"));
        csv(org, "code,name,parent,kind,headcount\n", true).statusCode(400).body("errors[0].field", equalTo("file"));
        csv(org, "", true).statusCode(400).body("errors[0].field", equalTo("file"));
        put(org, XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8), true).statusCode(400)
                .body("errors[0].field", equalTo("file"));
        Api.given().contentType("text/plain").body("x").put("/api/v1/units/" + org + "/tree").then().statusCode(415);
    }

    @Test
    void newUnitsGetTheirIdsLevelByLevel() {
        long org = Api.unit("株式会社採番", null, null);
        String east = code("east");
        String west = code("west");
        List<String> departments = List.of(code("d"), code("d"), code("d"), code("d"));
        csv(org, "code,name,parent_code,kind,headcount\n" + east + ",東,,SITE,\n" + departments.get(0) + ",一," + east + ",,\n"
                + departments.get(1) + ",二," + east + ",,\n" + west + ",西,,SITE,\n" + departments.get(2) + ",三," + west
                + ",,\n" + departments.get(3) + ",四," + west + ",,\n", false).statusCode(200).body("created", equalTo(6));
        assertEquals(unitId(org, east) + 1, unitId(org, west));
        long first = unitId(org, departments.get(0));
        for (int d = 1; d < departments.size(); d++) {
            assertEquals(first + d, unitId(org, departments.get(d)), "the departments' ids follow one another");
        }
    }

    @Test
    void xlsxIsExportedAndImportedLikeCsv() throws IOException {
        long org = Api.unit("株式会社エクセル", null, null);
        String site = code("001");
        byte[] workbook = workbook(List.of(List.of("code", "name", "parent_code", "kind", "headcount"),
                List.of(site, "=本社", "", "SITE", ""), List.of(code("d"), "総務部", site, "", 7.0)));
        put(org, XLSX, workbook, false).statusCode(200).body("created", equalTo(2));
        Api.given().get("/api/v1/units/" + unitId(org, site)).then().body("name", equalTo("=本社"));
        byte[] exported = Api.given().get("/api/v1/units/" + org + "/tree.xlsx").then().statusCode(200)
                .contentType(XLSX).header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = read.getSheetAt(0);
            assertEquals(site, sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(7.0, sheet.getRow(2).getCell(4).getNumericCellValue());
        }
        put(org, XLSX, exported, false).statusCode(200).body("unchanged", equalTo(2)).body("changes", hasSize(0));
        String csv = export(org);
        // Browsers and links pick the form on the one address, by Accept or by format.
        Api.given().accept(XLSX).get("/api/v1/units/" + org + "/tree").then().statusCode(200).contentType(XLSX);
        Api.given().accept("text/csv").get("/api/v1/units/" + org + "/tree?format=xlsx").then().statusCode(200)
                .contentType(XLSX);
        assertEquals(csv, new String(Api.given().accept("text/csv").get("/api/v1/units/" + org + "/tree").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8));
        assertTrue(csv.contains(",'=本社,"), csv);
        csv(org, csv, false).statusCode(200).body("unchanged", equalTo(2));
        assertArrayEquals(csv.getBytes(StandardCharsets.UTF_8), export(org).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anImportIsAuditedUnitByUnit() {
        long org = Api.unit("株式会社監査", null, null);
        String site = code("s");
        csv(org, "code,name,parent_code,kind,headcount\n" + site + ",Site,,SITE,\n", false).statusCode(200);
        csv(org, "code,name,parent_code,kind,headcount\n" + site + ",Site 2,,SITE,\n", false).statusCode(200);
        long id = unitId(org, site);
        json().get("/api/v1/audit-events?unitId=" + org).then().statusCode(200)
                .body("items.findAll { it.resourceId == '" + id + "' }.action", equalTo(List.of("unit.updated", "unit.created")))
                .body("items.find { it.action == 'unit.updated' && it.resourceId == '" + id + "' }.revisionAfter", equalTo(2));
    }

    @Test
    void anAdministratorImportsUnderItsOwnSubtreeOnlyAndOtherTreesLookMissing() {
        long mine = Api.unit("株式会社自社", null, null);
        long theirs = Api.unit("株式会社他社", null, null);
        String site = code("s");
        String key = json().body(Map.of("name", "tree admin", "role", "ADMIN", "unitId", mine)).post("/api/v1/api-keys")
                .then().statusCode(201).extract().jsonPath().getString("secret");
        String file = "code,name,parent_code,kind,headcount\n" + site + ",Site,,SITE,\n";
        Api.as(key).contentType("text/csv").body(file).put("/api/v1/units/" + theirs + "/tree").then().statusCode(404);
        Api.as(key).contentType("text/csv").body(file).put("/api/v1/units/" + Long.MAX_VALUE + "/tree").then().statusCode(404);
        Api.as(key).get("/api/v1/units/" + theirs + "/tree.csv").then().statusCode(404);
        assertEquals(BOM + "code,name,parent_code,kind,headcount\r\n", export(theirs));
        Api.as(key).contentType("text/csv").body(file).put("/api/v1/units/" + mine + "/tree").then().statusCode(200)
                .body("created", equalTo(1));
        json().get("/api/v1/units?parentId=" + mine).then().body("items.code", hasItem(site));
    }

    private static long unitId(long org, String code) {
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        List<Long> queue = new java.util.ArrayList<>(List.of(org));
        while (!queue.isEmpty()) {
            long parent = queue.remove(0);
            List<Map<String, Object>> items = json().get("/api/v1/units?includeArchived=true&size=200&parentId=" + parent)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            for (Map<String, Object> item : items) {
                if (code.equals(item.get("code"))) {
                    found.add(item);
                }
                queue.add(((Number) item.get("id")).longValue());
            }
        }
        assertEquals(1, found.size(), code);
        return ((Number) found.get(0).get("id")).longValue();
    }

    private static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("組織");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (!"".equals(value)) {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
