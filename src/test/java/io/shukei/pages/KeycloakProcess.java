package io.shukei.pages;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.db.ServiceProcess;

/**
 * Keycloak from its Maven Central distribution (unpacked by the "browser" profile), in development mode on
 * 127.0.0.1 with an in-memory database and the test realm imported: client "shukei" (whose tokens name it as
 * their audience), client "other" (whose tokens do not), user "manager".
 */
final class KeycloakProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    final int port;
    final Path log;

    private KeycloakProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static KeycloakProcess start(Path home) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (var realm = KeycloakProcess.class.getResourceAsStream("/keycloak/shukei-realm.json")) {
            Files.copy(realm, imports.resolve("shukei-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        int port = ServiceProcess.freePort();
        int management = ServiceProcess.freePort();
        Path log = Files.createTempFile("keycloak", ".log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                "--health-enabled=true", "--db=dev-mem")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m"));
        KeycloakProcess keycloak = new KeycloakProcess(builder.start(), port, log);
        try {
            keycloak.awaitReady(management);
        } catch (RuntimeException notReady) {
            keycloak.close();
            throw notReady;
        }
        return keycloak;
    }

    /** Ready when its health says so; the first start of a fresh distribution first builds itself (minutes on a busy machine). */
    private void awaitReady(int management) {
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .failFast(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited: " + Files.readString(log));
                    }
                })
                .until(() -> ServiceProcess.HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + management + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/shukei";
    }

    /** An access token from the token endpoint (password grant) for a client of the realm. */
    String token(String realm, String client, String secret, String username, String password)
            throws IOException, InterruptedException {
        Map<String, String> form = secret == null
                ? Map.of("grant_type", "password", "client_id", client, "username", username, "password", password)
                : Map.of("grant_type", "password", "client_id", client, "client_secret", secret, "username", username,
                        "password", password, "scope", "openid");
        HttpResponse<String> response = ServiceProcess.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + client + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** Gives a user of the shukei realm a user attribute, through Keycloak's admin API. */
    void setAttribute(String username, String name, String value) throws IOException, InterruptedException {
        String admin = token("master", "admin-cli", null, "admin", "admin");
        String users = "http://127.0.0.1:" + port + "/admin/realms/shukei/users";
        JsonNode found = JSON.readTree(ServiceProcess.HTTP.send(HttpRequest.newBuilder(
                        URI.create(users + "?exact=true&username=" + username)).header("Authorization", "Bearer " + admin).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get(0);
        var user = (com.fasterxml.jackson.databind.node.ObjectNode) found;
        var attributes = user.has("attributes") ? (com.fasterxml.jackson.databind.node.ObjectNode) user.get("attributes")
                : user.putObject("attributes");
        attributes.set(name, JSON.valueToTree(List.of(value)));
        HttpResponse<String> updated = ServiceProcess.HTTP.send(HttpRequest.newBuilder(
                        URI.create(users + "/" + user.get("id").asText())).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused the attribute: " + updated.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
