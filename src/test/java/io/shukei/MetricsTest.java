package io.shukei;

import static io.shukei.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** /q/metrics serves HTTP server, connection pool and domain metrics in Prometheus' text format. */
@QuarkusTest
class MetricsTest {

    private static final String SHEET = "IIIIIIIIIIIIIIIIIIIIIIIIU";

    @Test
    void httpServerPoolAndDomainCountersAreExposed() {
        given().get("/api/v1/catalog").then().statusCode(200);
        String text = metrics();
        assertTrue(text.contains("http_server_requests_seconds_count{"), "HTTP server metrics");
        assertTrue(text.contains("uri=\"/api/v1/catalog\""), "HTTP server metrics by route");
        assertTrue(text.contains("agroal_active_count{"), "connection pool metrics");
        assertTrue(text.contains("agroal_available_count{"), "connection pool metrics");
        for (String counter : new String[] {"shukei_submissions_received_total", "shukei_reports_served_total",
                "shukei_webhook_deliveries_total", "shukei_webhook_failures_total"}) {
            assertTrue(Pattern.compile("(?m)^" + counter + " ").matcher(text).find(), counter + " in\n" + text);
        }
    }

    @Test
    void submissionAndReportCountersIncrease() {
        long org = Api.unit("メトリクス株式会社", null, null);
        long dept = Api.unit("総務部", org, 5);
        long round = Api.round(org);

        double submissions = value(metrics(), "shukei_submissions_received_total");
        Api.submit(round, dept, SHEET).statusCode(201);
        assertEquals(submissions + 1, value(metrics(), "shukei_submissions_received_total"), 0.0);

        // The same sheet again stores nothing new and is not counted.
        Api.submit(round, dept, SHEET).statusCode(200);
        assertEquals(submissions + 1, value(metrics(), "shukei_submissions_received_total"), 0.0);

        double reports = value(metrics(), "shukei_reports_served_total");
        given().get("/api/v1/rounds/{r}/report", round).then().statusCode(200);
        assertEquals(reports + 1, value(metrics(), "shukei_reports_served_total"), 0.0);
    }

    private static String metrics() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();
    }

    private static double value(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), name + " not found");
        return Double.parseDouble(m.group(1));
    }
}
