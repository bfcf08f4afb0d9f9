package io.shukei.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.core.StreamingOutput;

/**
 * A response body kept as a list of fixed-size chunks. A report over 10,000 units is about 9 MB of
 * JSON; written into one growing array it would be copied on every growth and once more at the end,
 * and a single array that large goes straight to the old generation of a small heap. Chunks are
 * filled once, kept in the cache as they are and written to each response one after another.
 */
final class ChunkedBody extends OutputStream implements StreamingOutput {

    private static final int CHUNK = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int used;
    private long size;
    private boolean closed;

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("The body is complete");
        }
        while (length > 0) {
            if (current == null || used == current.length) {
                current = new byte[CHUNK];
                used = 0;
                chunks.add(current);
            }
            int n = Math.min(length, current.length - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    /** Ends writing: the last chunk is cut to its used length, so the cache holds no unused space. */
    @Override
    public void close() {
        if (!closed && current != null && used < current.length) {
            chunks.set(chunks.size() - 1, Arrays.copyOf(current, used));
        }
        closed = true;
        current = null;
    }

    long size() {
        return size;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        for (byte[] chunk : chunks) {
            out.write(chunk);
        }
    }
}
