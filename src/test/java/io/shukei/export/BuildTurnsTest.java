package io.shukei.export;

import static io.shukei.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shukei.Api;

@QuarkusTest
class BuildTurnsTest {

    // One caller: as many as shukei.max-waiting-builds lets wait (one more would be told to come back, 429).
    private static final int REQUESTS = 8;

    @Inject
    MeterRegistry registry;

    private double built() {
        return registry.counter("shukei.reports.served").count();
    }

    @Test
    void reportRequestsArrivingTogetherShareOneBuild() throws Exception {
        long org = Api.unit("Org", null, null);
        List<Long> units = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            units.add(Api.unit("D" + i, org, 10));
        }
        long round = Api.round(org);
        for (long unit : units) {
            Api.submit(round, unit, "IPNU".repeat(7).substring(0, 25)).statusCode(201);
        }
        String path = "/api/v1/rounds/" + round + "/report";

        double before = built();
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return json().get(path);
                }));
            }
            start.countDown();
            Set<Map<String, Object>> reports = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertEquals(200, response.statusCode());
                Map<String, Object> report = new HashMap<>(response.jsonPath().getMap(""));
                // Each build stamps its own time (one build here, but that is checked below).
                report.remove("generatedAt");
                reports.add(report);
            }
            assertEquals(1, reports.size(), "every request gets the same report");
        } finally {
            pool.shutdownNow();
        }
        double builds = built() - before;
        assertEquals(1.0, builds, "builds for " + REQUESTS + " requests at once");
    }
}
