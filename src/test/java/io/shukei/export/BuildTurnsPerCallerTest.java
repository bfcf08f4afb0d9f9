package io.shukei.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.shukei.problem.ProblemException;

/** Build turns are shared out per caller: one caller's queue of builds never stands before another caller's build. */
class BuildTurnsPerCallerTest {

    @Test
    void anotherCallersBuildRunsBeforeTheQueueOfABusyCaller() throws Exception {
        BuildTurns turns = new BuildTurns(1, 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch release = new CountDownLatch(1);
            List<Future<?>> all = new ArrayList<>();
            all.add(pool.submit(() -> turns.run("respondent", () -> {
                order.add("respondent 0");
                await(release);
                return null;
            })));
            Awaitility.await().until(() -> order.size() == 1);
            for (int i = 1; i <= 4; i++) {
                int n = i;
                all.add(pool.submit(() -> turns.run("respondent", () -> order.add("respondent " + n))));
                Awaitility.await().until(() -> turns.waiting("respondent") == n);
            }
            all.add(pool.submit(() -> turns.run("manager", () -> order.add("manager"))));
            Awaitility.await().until(() -> turns.waiting("manager") == 1);
            release.countDown();
            for (Future<?> f : all) {
                f.get(20, TimeUnit.SECONDS);
            }
            assertEquals("manager", order.get(1), "order " + order);
            assertEquals(6, order.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerWithTooManyBuildsWaitingIsToldToComeBackLater() throws Exception {
        BuildTurns turns = new BuildTurns(1, 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.submit(() -> turns.run("flood", () -> {
                await(release);
                return null;
            }));
            Awaitility.await().until(() -> turns.running() == 1);
            pool.submit(() -> turns.run("flood", () -> null));
            pool.submit(() -> turns.run("flood", () -> null));
            Awaitility.await().until(() -> turns.waiting("flood") == 2);
            ProblemException refused = assertThrows(ProblemException.class, () -> turns.run("flood", () -> null));
            assertEquals(429, refused.status());
            assertTrue(refused.toProblem().extensions() == null || refused.toProblem().extensions().isEmpty());
            // another caller is not refused: it waits for a turn like anyone
            Future<String> other = pool.submit(() -> turns.run("other", () -> "built"));
            release.countDown();
            assertEquals("built", other.get(20, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
