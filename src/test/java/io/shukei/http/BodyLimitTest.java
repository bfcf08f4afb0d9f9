package io.shukei.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;

/** Request bodies are read before the resource runs over HTTP/1.1, and left to stream over HTTP/2. */
@QuarkusTest
class BodyLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    private HttpResponse<String> send(HttpClient.Version version, String method, String path, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jsonBodiesReachTheResourceOverHttp11AndHttp2() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            String code = Api.unique("v");
            HttpResponse<String> created = send(version, "POST", "/api/v1/units",
                    "{\"code\":\"" + code + "\",\"name\":\"Org\"}");
            assertEquals(201, created.statusCode(), version + ": " + created.body());
            assertEquals(code, JSON.readTree(created.body()).path("code").asText(), version.toString());
            long org = JSON.readTree(created.body()).path("id").asLong();
            long dept = Api.unit("Dept", org, null);
            long round = Api.round(org);
            HttpResponse<String> sheet = send(version, "PUT", "/api/v1/rounds/" + round + "/submissions/" + dept,
                    JSON.writeValueAsString(Api.sheet("I".repeat(25))));
            assertEquals(201, sheet.statusCode(), version + ": " + sheet.body());
            assertEquals(100, JSON.readTree(sheet.body()).path("score").asInt(), version.toString());
        }
    }

    @Test
    void anEmptyOrOversizeBodyIsAProblemOverHttp11AndHttp2() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> empty = send(version, "POST", "/api/v1/units", "");
            assertEquals(400, empty.statusCode(), version + ": " + empty.body());
            HttpResponse<String> oversize = send(version, "POST", "/api/v1/units",
                    "{\"code\":\"x\",\"name\":\"" + "x".repeat(1_100_000) + "\"}");
            assertEquals(413, oversize.statusCode(), version.toString());
            assertTrue(oversize.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    version.toString());
            assertEquals("/problems/payload-too-large", JSON.readTree(oversize.body()).path("type").asText(), version.toString());
        }
    }
}
