package io.shukei.export;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Downloads built on a thread of their own into a temporary file that the response sends as it grows. The first
 * bytes leave while the build still reads (a large organisation's workbook takes longer to write than a
 * connection may stay silent), the build's turn and transaction end when the file is written whatever the
 * client's pace, and nothing is held on the heap. The file's name is removed at once; the two open descriptors
 * outlive it, so nothing is left on disk whatever becomes of the response.
 */
@ApplicationScoped
public class LiveDownloads {

    private static final Logger LOG = Logger.getLogger(LiveDownloads.class);
    private static final int BUFFER = 65_536;

    /** A build: says what the response's headers need (head), then writes the body. */
    @FunctionalInterface
    public interface Build<H> {
        void run(Consumer<H> head, OutputStream out) throws IOException;
    }

    /** A started download: what the build said for the headers, and the body that follows the build. */
    public record Live<H>(H head, Body body) {
    }

    private final Executor executor;

    @Inject
    LiveDownloads(ManagedExecutor executor) {
        this((Executor) executor);
    }

    LiveDownloads(Executor executor) {
        this.executor = executor;
    }

    /**
     * Starts the build (with the caller's request context) and waits until it has given the head, so that what it
     * throws before that (a 404, a 429) is answered as a problem; what fails later ends the response unfinished.
     */
    public <H> Live<H> start(Build<H> build) {
        Body body = Body.create();
        CompletableFuture<H> head = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try {
                try (OutputStream out = new BufferedOutputStream(body.writer(), BUFFER)) {
                    build.run(head::complete, out);
                }
                head.complete(null);
                body.finish(null);
            } catch (Throwable e) {
                head.completeExceptionally(e);
                body.finish(e);
            }
        }, executor);
        try {
            return new Live<>(head.get(), body);
        } catch (ExecutionException e) {
            body.discard();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException("The download cannot be written", asIo(e.getCause()));
        } catch (InterruptedException e) {
            body.discard();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the download was started", e);
        }
    }

    private static IOException asIo(Throwable e) {
        return e instanceof IOException io ? io : new IOException(e);
    }

    /**
     * The body of a live download: the file as far as the build has written it, then the rest as it comes. The
     * build writes through {@link #writer()}; a response that ends early (the client went away) stops the build at
     * its next write.
     */
    public static final class Body implements StreamingOutput {

        private final OutputStream file;
        private final InputStream in;
        private final OutputStream writer = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                synchronized (Body.this) {
                    if (abandoned) {
                        throw new InterruptedIOException("The download's response has ended");
                    }
                }
                file.write(bytes, offset, length);
                written(length);
            }
        };
        private long written;
        private boolean done;
        private Throwable failure;
        private boolean abandoned;

        private Body(OutputStream file, InputStream in) {
            this.file = file;
            this.in = in;
        }

        private static Body create() {
            Path path = null;
            try {
                // Readable by the service's user only, like every file Files.createTempFile makes.
                path = Files.createTempFile("shukei-", ".download");
                FileOutputStream out = new FileOutputStream(path.toFile());
                try {
                    return new Body(out, new FileInputStream(path.toFile()));
                } catch (IOException e) {
                    out.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No temporary file for a download", e);
            } finally {
                if (path != null) {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        path.toFile().deleteOnExit();
                    }
                }
            }
        }

        /** Where the build writes, unbuffered: wrap it in a buffer of the build's own. */
        OutputStream writer() {
            return writer;
        }

        private synchronized void written(int length) {
            written += length;
            notifyAll();
        }

        private synchronized void finish(Throwable failure) {
            try {
                file.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
            this.failure = failure;
            done = true;
            notifyAll();
        }

        @Override
        public void write(OutputStream out) throws IOException {
            try (in) {
                byte[] buffer = new byte[BUFFER];
                long sent = 0;
                while (true) {
                    long available = available(sent);
                    if (available < 0) {
                        return;
                    }
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, available));
                    if (n < 0) {
                        throw new IOException("The download's file ended before what was written to it");
                    }
                    out.write(buffer, 0, n);
                    sent += n;
                }
            } catch (IOException | RuntimeException e) {
                discard();
                throw e;
            }
        }

        /** Bytes written past {@code sent}, once there are some; -1 when the build has ended and all is sent. */
        private synchronized long available(long sent) throws IOException {
            while (written == sent && !done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while the download was written");
                }
            }
            if (written > sent) {
                return written - sent;
            }
            if (failure != null) {
                LOG.warnf(failure, "A download ended unfinished after %d bytes", sent);
                throw new IOException("The download could not be written to its end", failure);
            }
            return -1;
        }

        /**
         * The whole length, once the build has ended (a HEAD request: the headers say the length of the body a GET
         * sends).
         */
        synchronized long length() throws IOException {
            while (!done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while the download was written");
                }
            }
            if (failure != null) {
                throw new IOException("The download could not be written to its end", failure);
            }
            return written;
        }

        /**
         * Puts the body on a response. A HEAD request waits for the build and gets the length only; the runtime
         * never asks a body it does not send to write itself.
         */
        public Response.ResponseBuilder into(Response.ResponseBuilder response, boolean head) {
            if (!head) {
                return response.entity(this);
            }
            try {
                response.header(HttpHeaders.CONTENT_LENGTH, length());
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                discard();
            }
        }

        /** Stops the build at its next write and closes the file unread. */
        synchronized void discard() {
            abandoned = true;
            try {
                in.close();
            } catch (IOException e) {
                // Nothing more is read from it; the descriptor is released either way.
            }
        }
    }
}
