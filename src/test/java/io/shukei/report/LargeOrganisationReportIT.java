package io.shukei.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import io.shukei.db.ServiceProcess;

/**
 * What a request needs does not grow with the organisation: the packaged service with a heap smaller than the one
 * it ships with (96 MB against deploy/jvm.options's 128 MB), far smaller than the organisation's rows (60,000
 * departments with a sheet each, written by SQL), answers its root report, the report's next page of units, the
 * trend, its CSV, every sheet as CSV and its workbook (1.5 million answer rows, sent as they are written, over more than a connection's idle
 * limit), and stays up without an OutOfMemoryError. (Before the report was read as a stream, a report of this size held its rows, the sheets and
 * the whole JSON on the heap, tens of MB, and ran a heap of this size out.)
 */
class LargeOrganisationReportIT {

    private static final int DEPARTMENTS = 60_000;
    private static final int SITES = 250;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DOWNLOAD = Duration.ofMinutes(5);

    @Test
    void aSmallHeapAnswersTheReportOfALargeOrganisationInEveryForm() throws Exception {
        Path data = Files.createTempDirectory("shukei-large").resolve("data");
        try (ServiceProcess service = ServiceProcess.startWith(
                List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
                Map.of("SHUKEI_EMBEDDED_DB_DIR", data.toString()))) {
            long org = id(service.send("POST", "/api/v1/units", "{\"code\":\"large\",\"name\":\"大きな組織\"}"));
            try (Connection db = connect(data)) {
                load(db, org);
            }
            long round = id(service.send("POST", "/api/v1/rounds", "{\"title\":\"large\",\"scopeUnitId\":" + org + "}"));
            try (Connection db = connect(data)) {
                sheets(db, round);
            }

            HttpResponse<String> report = service.send("GET", "/api/v1/rounds/" + round + "/report", null);
            assertEquals(200, report.statusCode(), report.body());
            JsonNode body = JSON.readTree(report.body());
            assertEquals(DEPARTMENTS, body.path("coverage").path("submitted").asInt());
            assertEquals(SITES, body.path("children").size());
            assertTrue(report.body().length() < 1_000_000, "the report's size does not grow with the units: "
                    + report.body().length() + " bytes");

            HttpResponse<String> page = service.send("GET", "/api/v1/rounds/" + round + "/report?include=units&limit=1000", null);
            assertEquals(200, page.statusCode(), page.body());
            String next = JSON.readTree(page.body()).path("unitsNext").asText();
            HttpResponse<String> second = service.send("GET", next, null);
            assertEquals(200, second.statusCode(), second.body());
            assertEquals(1000, JSON.readTree(second.body()).path("units").size());

            HttpResponse<String> trend = service.send("GET", "/api/v1/units/" + org + "/trend", null);
            assertEquals(200, trend.statusCode(), trend.body());
            JsonNode point = JSON.readTree(trend.body()).path("rounds").path(0);
            assertEquals(body.path("score").decimalValue(), point.path("score").decimalValue(), trend.body());
            assertEquals(SITES, point.path("children").size());

            // Every unit × question in the CSV (25 rows each, after the summary and the tables).
            long csv = lines(service.download("/api/v1/rounds/" + round + "/report.csv", "text/csv", DOWNLOAD));
            assertTrue(csv > 25L * DEPARTMENTS, csv + " lines");
            // Every sheet, one row each, after the header.
            long sheets = lines(service.download("/api/v1/rounds/" + round + "/submissions.csv", "text/csv", DOWNLOAD));
            assertEquals(DEPARTMENTS + 1L, sheets);
            long xlsx = bytes(service.download("/api/v1/rounds/" + round + "/report.xlsx", "*/*", DOWNLOAD));
            assertTrue(xlsx > 1_000_000, xlsx + " bytes");

            assertTrue(service.isAlive(), service.logged());
            assertFalse(service.logged().contains("OutOfMemoryError"), service.logged());
        }
    }

    private static long id(HttpResponse<String> created) throws Exception {
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).path("id").asLong();
    }

    /** The embedded PostgreSQL the service started, with the password it generated and keeps in its data directory. */
    private static Connection connect(Path data) throws Exception {
        String port = Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim();
        String password = Files.readString(data.resolve("shukei-db-password.txt")).trim();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
    }

    /** Sites and departments under the organisation, with ids from one reserved block of the units' sequence. */
    private static void load(Connection db, long org) throws SQLException {
        try (Statement s = db.createStatement()) {
            long base = one(s, "SELECT nextval('unit_seq')");
            s.execute("SELECT setval('unit_seq', " + (base + 50L * ((SITES + DEPARTMENTS) / 50 + 2)) + ")");
            s.execute("INSERT INTO unit (id, parent_id, path, code, name, headcount, kind, created_at, updated_at, revision) "
                    + "SELECT " + base + " + s, " + org + ", '/" + org + "/' || (" + base + " + s) || '/', 'site-' || s, "
                    + "'拠点 ' || s, NULL, 'SITE', now(), now(), 1 FROM generate_series(1, " + SITES + ") AS s");
            s.execute("INSERT INTO unit (id, parent_id, path, code, name, headcount, kind, created_at, updated_at, revision) "
                    + "SELECT " + base + " + " + SITES + " + d, " + base + " + 1 + (d - 1) % " + SITES + ", '/" + org
                    + "/' || (" + base + " + 1 + (d - 1) % " + SITES + ") || '/' || (" + base + " + " + SITES
                    + " + d) || '/', 'dept-' || d, '部署 ' || d, 5 + d % 200, 'DEPARTMENT', now(), now(), 1 "
                    + "FROM generate_series(1, " + DEPARTMENTS + ") AS d");
        }
    }

    /** A current sheet for every participant (as bench/sheets.sql writes them), わからない among the answers. */
    private static void sheets(Connection db, long round) throws SQLException {
        try (Statement s = db.createStatement()) {
            long sheet = one(s, "SELECT nextval('submission_seq')");
            long revision = one(s, "SELECT nextval('submission_revision_seq')");
            long block = 50L * (DEPARTMENTS / 50 + 2);
            s.execute("SELECT setval('submission_seq', " + (sheet + block) + "), setval('submission_revision_seq', "
                    + (revision + block) + ")");
            s.execute("CREATE TEMP TABLE large_sheet AS SELECT row_number() OVER (ORDER BY unit_id) AS k, unit_id, "
                    + "substr(repeat('IIIPPNU', 5), 1 + (unit_id % 7)::int, 25) AS answers "
                    + "FROM round_participant WHERE round_id = " + round);
            String score = "4 * (25 - length(replace(answers, 'I', ''))) + 2 * (25 - length(replace(answers, 'P', ''))) "
                    + "- (25 - length(replace(answers, 'U', '')))";
            s.execute("INSERT INTO submission (id, round_id, unit_id, revision, answers, score, respondent, catalog_version, "
                    + "created_at, updated_at) SELECT " + sheet + " + k, " + round + ", unit_id, 1, answers, " + score
                    + ", '部署長', 'tmg-handbook-2024', now(), now() FROM large_sheet");
            s.execute("INSERT INTO submission_revision (id, submission_id, revision, answers, comments, score, respondent, "
                    + "catalog_version, created_at) SELECT " + revision + " + k, " + sheet + " + k, 1, answers, "
                    + "'{\"25\": \"確認中\"}'::jsonb, " + score + ", '部署長', 'tmg-handbook-2024', now() FROM large_sheet");
        }
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long lines(HttpResponse<InputStream> response) throws Exception {
        assertEquals(200, response.statusCode());
        long lines = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[65_536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static long bytes(HttpResponse<InputStream> response) throws Exception {
        assertEquals(200, response.statusCode());
        try (InputStream in = response.body()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
