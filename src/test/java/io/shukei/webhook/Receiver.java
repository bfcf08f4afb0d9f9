package io.shukei.webhook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on 127.0.0.1 that records what it gets and answers with scripted status codes. */
public final class Receiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request the receiver acknowledged, with its headers as they came (names in any case). */
    public record Received(Map<String, List<String>> headers, String body) {

        public String id() {
            return headers.get("webhook-id").get(0);
        }

        public long timestamp() {
            return Long.parseLong(headers.get("webhook-timestamp").get(0));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String type() {
            return json().get("type").asText();
        }

        /**
         * Verifies as an integrator would, with the Standard Webhooks library rather than our own code: the
         * signature over id, timestamp and body with the secret as the service showed it, and a timestamp
         * within the library's tolerance. Throws the library's reason when it refuses.
         */
        public void verify(String secret) throws EmptyWebhookSecretException, WebhookVerificationException {
            new Webhook(secret).verify(body, headers);
        }

        @Override
        public String toString() {
            return headers.get("webhook-id") + " " + body;
        }
    }

    private final HttpServer server;
    /** Unique to this receiver: the system reuses ports, and a later test must not see an earlier test's events. */
    private final String path = "/hook/" + UUID.randomUUID();
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    // Sent to an earlier receiver that had this port: not this test's event.
                    exchange.sendResponseHeaders(410, -1);
                    return;
                }
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
                arrived.incrementAndGet();
                held.await();
                Integer status = script.poll();
                int code = status == null ? 200 : status;
                if (code / 100 == 2) {
                    received.add(new Received(headers, body));
                }
                byte[] answer = ("status " + code).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(code, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers, in order; 200 once they are used up. */
    public void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    /** Requests from now on get no answer until {@link #release()}: a receiver that is slow for as long as a test needs. */
    public void hold() {
        held = new CountDownLatch(1);
    }

    /** Answers the held requests and those that come later. */
    public void release() {
        held.countDown();
    }

    /** Requests that reached the receiver, answered yet or not. */
    public int arrived() {
        return arrived.get();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until the receiver has acknowledged an event matching the filter. */
    public Received await(Predicate<Received> filter) {
        return await(filter, Duration.ofSeconds(20));
    }

    public Received await(Predicate<Received> filter, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertTrue(received.stream().anyMatch(filter), () -> "No such event in " + received));
        return received.stream().filter(filter).findFirst().orElseThrow();
    }

    public static Predicate<Received> event(String type, Map<String, Long> ids) {
        return r -> r.type().equals(type) && ids.entrySet().stream()
                .allMatch(e -> r.json().get("data").path(e.getKey()).asLong() == e.getValue());
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdown();
    }
}
