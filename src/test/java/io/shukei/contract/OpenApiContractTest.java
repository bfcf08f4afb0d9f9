package io.shukei.contract;

import static io.shukei.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The committed spec is the served spec, and every operation is fully described. */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");

    @Test
    void committedSpecEqualsTheServedOne() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        if (Boolean.getBoolean("shukei.openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), served,
                "openapi/openapi.yaml differs from /q/openapi: run ./mvnw test -Dtest=OpenApiContractTest -Dshukei.openapi.update=true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasIdSummaryTagsExamplesAndProblems() {
        Map<String, Object> spec = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "put", "post", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                if (operation.get("operationId") == null) defects.add(where + ": operationId");
                if (operation.get("summary") == null) defects.add(where + ": summary");
                if (operation.get("tags") == null) defects.add(where + ": tags");
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                if (!responses.containsKey("500") || !responses.containsKey("503")) defects.add(where + ": problem responses");
                boolean example = responses.entrySet().stream()
                        .filter(r -> r.getKey().startsWith("2") && !r.getKey().equals("204"))
                        .allMatch(r -> String.valueOf(r.getValue()).contains("example"));
                if (!example) defects.add(where + ": response example");
                if (operation.containsKey("requestBody") && !String.valueOf(operation.get("requestBody")).contains("example")) {
                    defects.add(where + ": request example");
                }
            }
        }
        assertTrue(operations >= 14, "operations found: " + operations);
        assertEquals(List.of(), defects);
    }
}
