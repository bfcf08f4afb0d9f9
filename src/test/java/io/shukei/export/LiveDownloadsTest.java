package io.shukei.export;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.shukei.OpenFiles;
import io.shukei.problem.ProblemException;

class LiveDownloadsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final LiveDownloads downloads = new LiveDownloads(threads);

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** A stream that counts what reaches it and lets the test see the first bytes arrive. */
    private static final class Client extends OutputStream {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            received.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            received.write(b, off, len);
        }

        synchronized int size() {
            return received.size();
        }

        synchronized byte[] bytes() {
            return received.toByteArray();
        }
    }

    @Test
    void firstBytesLeaveWhileTheBuildStillWrites() throws Exception {
        CountDownLatch rest = new CountDownLatch(1);
        byte[] first = new byte[200_000];
        LiveDownloads.Live<String> live = downloads.start((head, out) -> {
            head.accept("name");
            out.write(first);
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> rest.await(0, TimeUnit.SECONDS));
            out.write(new byte[] {1, 2, 3});
        });
        assertEquals("name", live.head());

        Client client = new Client();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                live.body().write(client);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.size() == first.length);
        assertTrue(!sending.isDone(), "the response goes on while the build does");
        rest.countDown();
        sending.get(10, TimeUnit.SECONDS);
        assertEquals(first.length + 3, client.size());
        byte[] all = client.bytes();
        assertArrayEquals(new byte[] {1, 2, 3}, java.util.Arrays.copyOfRange(all, first.length, all.length));
    }

    @Test
    void aProblemBeforeTheHeadIsAnsweredAsThatProblem() throws IOException {
        Set<java.nio.file.Path> before = OpenFiles.downloads();
        ProblemException notFound = ProblemException.notFound("round", 7);
        ProblemException thrown = assertThrows(ProblemException.class, () -> downloads.start((head, out) -> {
            throw notFound;
        }));
        assertSame(notFound, thrown);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(before, OpenFiles.downloads()));
    }

    @Test
    void aFailureAfterTheHeadEndsTheBodyUnfinished() {
        LiveDownloads.Live<String> live = downloads.start((head, out) -> {
            head.accept("name");
            out.write(new byte[10]);
            throw new IllegalStateException("the database went away");
        });
        assertThrows(IOException.class, () -> live.body().write(new Client()));
    }

    @Test
    void aClientThatGoesAwayStopsTheBuild() throws Exception {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        LiveDownloads.Live<String> live = downloads.start((head, out) -> {
            head.accept("name");
            try {
                while (true) {
                    out.write(new byte[65_536]);
                }
            } catch (IOException e) {
                ended.set(e);
                stopped.countDown();
                throw e;
            }
        });
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThrows(IOException.class, () -> live.body().write(gone));
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the build stopped");
        assertTrue(ended.get() instanceof java.io.InterruptedIOException, String.valueOf(ended.get()));
    }
}
