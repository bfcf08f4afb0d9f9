package io.shukei.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on 127.0.0.1 that records what it gets and answers with scripted status codes. */
public final class Receiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Received(String id, long timestamp, String signature, String body) {
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

        /** Verifies as a receiver would: HMAC-SHA256 over id.timestamp.body with the decoded secret. */
        public boolean signedWith(String secret) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return List.of(signature.split(" ")).contains(expected);
        }
    }

    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var headers = exchange.getRequestHeaders();
                arrived.incrementAndGet();
                Thread.sleep(delay.toMillis());
                Integer status = script.poll();
                int code = status == null ? 200 : status;
                if (code / 100 == 2) {
                    received.add(new Received(headers.getFirst("webhook-id"), Long.parseLong(headers.getFirst("webhook-timestamp")),
                            headers.getFirst("webhook-signature"), body));
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
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next answers, in order; 200 once they are used up. */
    public void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** Requests that reached the receiver, answered yet or not. */
    public int arrived() {
        return arrived.get();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until the receiver has acknowledged an event matching the filter. */
    public Received await(Predicate<Received> filter) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            for (Received r : received) {
                if (filter.test(r)) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No such event in " + received);
    }

    public static Predicate<Received> event(String type, Map<String, Long> ids) {
        return r -> r.type().equals(type) && ids.entrySet().stream()
                .allMatch(e -> r.json().get("data").path(e.getKey()).asLong() == e.getValue());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
