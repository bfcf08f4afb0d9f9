package io.shukei.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;

/**
 * A delivery connects to the address the target policy checked, never to what the name resolves to later,
 * keeps the name for TLS (SNI, certificate check) and the Host header, and goes past any proxy the JVM is
 * configured with.
 */
class WebhookSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    private static Vertx vertx;
    private static HttpServer tls;
    private static HttpServer plain;
    private static HttpServer proxy;
    private static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();
    private static final Queue<String> PROXIED = new ConcurrentLinkedQueue<>();
    private static Path certificate;

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, out);
    }

    @BeforeAll
    static void servers() throws Exception {
        Path keystore = dir.resolve("hook.p12");
        certificate = dir.resolve("hook.pem");
        keytool("-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hook.test",
                "-ext", "san=dns:hook.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "secret", "-keypass", "secret");
        keytool("-exportcert", "-rfc", "-alias", "hook", "-keystore", keystore.toString(), "-storepass", "secret",
                "-file", certificate.toString());
        vertx = Vertx.vertx();
        tls = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true).setHost("127.0.0.1")
                        .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("secret")))
                .requestHandler(request -> request.body().onSuccess(body -> {
                    SEEN.add("sni=" + request.connection().indicatedServerName() + " host=" + request.getHeader("Host")
                            + " path=" + request.uri() + " id=" + request.getHeader("webhook-id") + " body=" + body);
                    request.response().setStatusCode(204).end();
                }))
                .listen(0).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        plain = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(request -> request.body().onSuccess(body -> {
                    SEEN.add("host=" + request.getHeader("Host") + " path=" + request.uri());
                    request.response().setStatusCode(200).end("thanks");
                }))
                .listen(0).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        proxy = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(request -> {
                    PROXIED.add(request.method() + " " + request.uri());
                    request.response().setStatusCode(200).end("proxied");
                })
                .listen(0).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static WebhookSender sender() {
        return new WebhookSender(vertx, Duration.ofSeconds(5), TIMEOUT,
                new HttpClientOptions().setTrustOptions(new PemTrustOptions().addCertPath(certificate.toString())));
    }

    private static WebhookSender.Outcome send(WebhookSender sender, String url, String address) throws Exception {
        TargetPolicy.Target target = new TargetPolicy.Target(URI.create(url), InetAddress.getByName(address));
        return sender.send(target, Map.of("webhook-id", "evt_1"), "{\"type\":\"round.closed\"}")
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void anHttpsTargetIsReachedAtTheCheckedAddressUnderItsName() throws Exception {
        SEEN.clear();
        // hook.test resolves nowhere: only the address the policy checked can have been used.
        WebhookSender.Outcome outcome = send(sender(), "https://hook.test:" + tls.actualPort() + "/in?x=1", "127.0.0.1");
        assertNull(outcome.error(), outcome.error());
        assertEquals(204, outcome.status());
        assertEquals(List.of("sni=hook.test host=hook.test:" + tls.actualPort() + " path=/in?x=1 id=evt_1 "
                + "body={\"type\":\"round.closed\"}"), List.copyOf(SEEN));
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        WebhookSender.Outcome outcome = send(sender(), "https://other.test:" + tls.actualPort() + "/in", "127.0.0.1");
        assertNull(outcome.status());
        assertNotNull(outcome.error());
    }

    @Test
    void theJvmsProxySettingsAreNotUsed() throws Exception {
        SEEN.clear();
        PROXIED.clear();
        Map<String, String> settings = Map.of("http.proxyHost", "127.0.0.1", "http.proxyPort", String.valueOf(proxy.actualPort()),
                "https.proxyHost", "127.0.0.1", "https.proxyPort", String.valueOf(proxy.actualPort()), "http.nonProxyHosts", "");
        Map<String, String> before = new java.util.HashMap<>();
        settings.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        settings.forEach(System::setProperty);
        try {
            WebhookSender.Outcome outcome = send(sender(), "http://hook.test:" + plain.actualPort() + "/plain", "127.0.0.1");
            assertEquals(200, outcome.status(), outcome.error());
            assertEquals("thanks", outcome.excerpt());
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
        assertEquals(List.of(), List.copyOf(PROXIED));
        assertEquals(List.of("host=hook.test:" + plain.actualPort() + " path=/plain"), List.copyOf(SEEN));
    }

    @Test
    void theAnswerIsReadOnlyAsFarAsTheExcerpt() throws Exception {
        HttpServer big = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(request -> request.response().setStatusCode(500).end("x".repeat(1_000_000)))
                .listen(0).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        try {
            WebhookSender.Outcome outcome = send(sender(), "http://hook.test:" + big.actualPort() + "/", "127.0.0.1");
            assertEquals(500, outcome.status());
            assertTrue(outcome.excerpt().length() <= DeliveryQueue.EXCERPT * 4, "excerpt " + outcome.excerpt().length());
        } finally {
            big.close();
        }
        assertTrue(Files.exists(certificate));
    }
}
