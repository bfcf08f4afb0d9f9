package io.shukei.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shukei.Api;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/** Request bodies are read before the resource runs over HTTP/1.1, and left to stream over HTTP/2. */
@QuarkusTest
class BodyLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    Vertx vertx;

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

    /** Status, Content-Type and body of a POST sent over cleartext HTTP/2 with prior knowledge (no upgrade). */
    private record Answer(int status, String type, String body) {
    }

    private Answer http2(String path, Buffer body, boolean declareLength) throws Exception {
        var client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        try {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
                    .setPort(base.getPort()).setURI(path)
                    .putHeader("Authorization", "Bearer " + Api.ADMIN_KEY).putHeader("Content-Type", "application/json");
            return client.request(options).compose(request -> {
                if (declareLength) {
                    request.putHeader("Content-Length", String.valueOf(body.length()));
                }
                return request.send(body);
            }).compose((HttpClientResponse response) -> response.body().map(b -> new Answer(response.statusCode(),
                    response.getHeader("Content-Type"), b.toString()))).toCompletionStage().toCompletableFuture()
                    .get(20, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    @Test
    void anOversizeBodyOverHttp2WithPriorKnowledgeIsAProblem() throws Exception {
        Buffer oversize = Buffer.buffer("{\"code\":\"x\",\"name\":\"" + "x".repeat(1_100_000) + "\"}");
        for (boolean declared : new boolean[] {true, false}) {
            Answer answer = http2("/api/v1/units", oversize, declared);
            assertEquals(413, answer.status(), "length declared: " + declared);
            assertTrue(answer.type().startsWith("application/problem+json"), "length declared: " + declared);
            assertEquals("/problems/payload-too-large", JSON.readTree(answer.body()).path("type").asText());
        }
        String code = Api.unique("h2");
        Answer created = http2("/api/v1/units", Buffer.buffer("{\"code\":\"" + code + "\",\"name\":\"Org\"}"), true);
        assertEquals(201, created.status(), created.body());
    }
}
