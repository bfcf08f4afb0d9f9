package io.shukei.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A process shaped like the service at the moment of the failure: a non-daemon thread that keeps the JVM
 * alive (as the HTTP server's do) while a worker thread exhausts the heap (as a report too large for it
 * did). Run by {@link OutOfMemoryExitIT} in a JVM of its own; prints "serving" once the keeper runs.
 */
public final class HeapExhaustion {

    private HeapExhaustion() {
    }

    public static void main(String... args) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread keeper = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "keeper");
        keeper.start();
        System.out.println("serving");
        System.out.flush();
        Thread worker = new Thread(() -> {
            List<long[]> held = new ArrayList<>();
            while (true) {
                held.add(new long[1 << 16]);
            }
        }, "worker");
        worker.start();
        worker.join();
        System.out.println("worker died, process lives on");
        System.out.flush();
    }
}
