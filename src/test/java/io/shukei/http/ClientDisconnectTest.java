package io.shukei.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

/** A client that leaves before its answer is no server error: nothing is logged as one. */
@QuarkusTest
class ClientDisconnectTest {

    @TestHTTPResource("/")
    URL base;

    private static final int REQUESTS = 20;

    /** True while a thread runs a request through the REST layer: resource, exception mappers, error handler. */
    private static boolean handlingARequest() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().startsWith("org.jboss.resteasy.reactive.server."));
    }

    @Test
    void aClientLeavingMidRequestLogsNoError() throws Exception {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        long round = Api.round(org);
        ObjectMapper mapper = new ObjectMapper();
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                // Sheets that differ from each other, so that each request the service takes stores a revision.
                byte[] body = mapper.writeValueAsBytes(Api.sheet("I".repeat(i) + "P" + "I".repeat(24 - i)));
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("PUT /api/v1/rounds/" + round + "/submissions/" + dept + " HTTP/1.1\r\n"
                            + "Host: " + base.getHost() + "\r\nAuthorization: Bearer " + Api.ADMIN_KEY + "\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    // Reset rather than close politely, and before the answer can have come.
                    socket.setSoLinger(true, 0);
                }
            }
            // Each request ran although its client left: wait until all of them have stored their sheet, then until
            // they have left the REST layer, where a failure to answer would be logged.
            String revisions = "/api/v1/rounds/" + round + "/submissions/" + dept + "/revisions";
            await().atMost(Duration.ofSeconds(20)).until(() -> Api.given().get(revisions).then().statusCode(200)
                    .extract().jsonPath().getInt("totalItems") == REQUESTS);
            await().atMost(Duration.ofSeconds(10)).until(() -> !handlingARequest());
            Api.given().get("/api/v1/rounds/" + round + "/submissions/" + dept).then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }
}
