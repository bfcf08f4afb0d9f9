package io.shukei.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ChunkedBodyTest {

    @Test
    void writesBackEveryByteInOrderAcrossChunkBoundaries() throws Exception {
        Random random = new Random(7);
        byte[] expected = new byte[3 * 64 * 1024 + 12_345];
        random.nextBytes(expected);
        ChunkedBody body = new ChunkedBody();
        // Pieces of uneven sizes, some larger than a chunk, and single bytes.
        for (int at = 0; at < expected.length; ) {
            int n = Math.min(expected.length - at, random.nextInt(5) == 0 ? 1 : random.nextInt(150_000));
            if (n == 1) {
                body.write(expected[at]);
            } else {
                body.write(expected, at, n);
            }
            at += n;
        }
        body.close();
        assertEquals(expected.length, body.size());
        // Written twice, as the cache serves one body to several responses.
        for (int i = 0; i < 2; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            body.write(out);
            assertArrayEquals(expected, out.toByteArray());
        }
    }

    @Test
    void anEmptyBodyWritesNothingAndAClosedOneRefusesMore() throws Exception {
        ChunkedBody body = new ChunkedBody();
        body.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.write(out);
        assertEquals(0, out.size());
        assertEquals(0, body.size());
        assertThrows(IllegalStateException.class, () -> body.write(new byte[] {1}, 0, 1));
    }
}
