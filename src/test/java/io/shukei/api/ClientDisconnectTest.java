package io.shukei.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aClientLeavingMidRequestLogsNoError() throws Exception {
        long org = Api.unit("Org", null, null);
        long dept = Api.unit("Dept", org, null);
        long round = Api.round(org);
        byte[] body = new ObjectMapper().writeValueAsBytes(Api.sheet("I".repeat(25)));
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
            for (int i = 0; i < 20; i++) {
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
            // The sheet was stored by the requests that ran before their client left; wait for all of them.
            Thread.sleep(2000);
            Api.given().get("/api/v1/rounds/" + round + "/submissions/" + dept).then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }
}
