package io.shukei.export;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * A response body read from a file opened for this one response, so that a large report or export is
 * never held on the heap whole. Sending it closes the file; a HEAD request, which sends no body,
 * discards it unread.
 */
public final class FileBody implements StreamingOutput {

    private static final int BUFFER = 65_536;

    /** Writes a body to the stream it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final InputStream in;
    private final long length;

    private FileBody(InputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    /** Opens a file for one response. */
    public static FileBody open(Path file) throws IOException {
        long length = Files.size(file);
        return new FileBody(new FileInputStream(file.toFile()), length);
    }

    /**
     * Writes a body to a temporary file and opens it. The file's name is removed at once: the open file
     * outlives it, and nothing is left on disk whatever becomes of the response.
     */
    public static FileBody spool(Writer writer) {
        Path file = null;
        try {
            // Readable by the service's user only, like every file Files.createTempFile makes.
            file = Files.createTempFile("shukei-", ".download");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
                writer.writeTo(out);
            }
            return open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The download cannot be written", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The number of bytes the body has, for Content-Length. */
    public long length() {
        return length;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (in) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        }
    }

    /**
     * Puts the body and its Content-Length on a response. A HEAD request gets the length only, and the
     * file is closed at once: the runtime never asks a body it does not send to write itself.
     */
    public Response.ResponseBuilder into(Response.ResponseBuilder response, boolean head) {
        response.header(HttpHeaders.CONTENT_LENGTH, length);
        if (head) {
            discard();
            return response;
        }
        return response.entity(this);
    }

    /** Closes the file unread (a HEAD request, or a body replaced by another). */
    public void discard() {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was read from it; the descriptor is released either way.
        }
    }
}
