package io.shukei.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The packaged service reads its settings as Quarkus documents, before Quarkus itself runs. */
class ShukeiMainIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDatabaseNamedInDotEnvIsUsedAndNoEmbeddedOneStarts() throws Exception {
        Path workingDirectory = Files.createTempDirectory("shukei-dotenv");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Files.writeString(workingDirectory.resolve(".env"), String.join("\n",
                    "QUARKUS_DATASOURCE_JDBC_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "QUARKUS_DATASOURCE_USERNAME=postgres",
                    "QUARKUS_DATASOURCE_PASSWORD=postgres", ""));
            try (ServiceProcess service = ServiceProcess.startIn(workingDirectory, Map.of())) {
                HttpResponse<String> created = service.send("POST", "/api/v1/units", "{\"code\":\"dotenv\",\"name\":\"設定ファイル\"}");
                assertEquals(201, created.statusCode(), created.body());
                long id = JSON.readTree(created.body()).get("id").asLong();

                try (Connection c = postgres.getPostgresDatabase().getConnection();
                     PreparedStatement s = c.prepareStatement("SELECT code FROM unit WHERE id = ?")) {
                    s.setLong(1, id);
                    try (ResultSet row = s.executeQuery()) {
                        assertTrue(row.next(), "the unit is in the database named in .env");
                        assertEquals("dotenv", row.getString(1));
                    }
                }
                HttpResponse<String> live = service.send("GET", "/q/health/live", null);
                JsonNode embedded = JSON.readTree(live.body()).get("checks").findParent("embedded");
                assertFalse(embedded.get("embedded").asBoolean(), live.body());
                assertFalse(Files.exists(workingDirectory.resolve("data")), "no embedded database was set up");
                service.terminate(Duration.ofSeconds(30));
            }
        }
    }
}
