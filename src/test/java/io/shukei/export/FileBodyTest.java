package io.shukei.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.shukei.OpenFiles;

class FileBodyTest {

    private static Set<Path> added(Set<Path> now, Set<Path> before) {
        Set<Path> rest = new HashSet<>(now);
        rest.removeAll(before);
        return rest;
    }

    private static Set<Path> spoolFilesOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("shukei-")
                    && f.getFileName().toString().endsWith(".download")).collect(Collectors.toSet());
        }
    }

    @Test
    void spooledBodyIsSentWholeFromAFileWithoutAName() throws IOException {
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Set<Path> before = OpenFiles.downloads();
        Set<Path> onDisk = spoolFilesOnDisk();

        FileBody body = FileBody.spool(out -> out.write(content));
        assertEquals(content.length, body.length());
        Set<Path> open = added(OpenFiles.downloads(), before);
        assertEquals(1, open.size(), "one file, open for the response: " + open);
        assertTrue(open.iterator().next().toString().endsWith(" (deleted)"), "and already without a name: " + open);
        assertEquals(onDisk, spoolFilesOnDisk(), "nothing is left on disk");

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        body.write(sent);
        assertArrayEquals(content, sent.toByteArray());
        assertEquals(before, OpenFiles.downloads(), "sending the body closes its file");
    }

    @Test
    void discardedBodyIsClosedUnread() throws IOException {
        Set<Path> before = OpenFiles.downloads();
        FileBody body = FileBody.spool(out -> out.write(new byte[]{1, 2, 3}));
        assertEquals(1, added(OpenFiles.downloads(), before).size());
        body.discard();
        assertEquals(before, OpenFiles.downloads());
    }

    @Test
    void failedWriteLeavesNoFileOpenOrOnDisk() throws IOException {
        Set<Path> before = OpenFiles.downloads();
        Set<Path> onDisk = spoolFilesOnDisk();
        assertThrows(UncheckedIOException.class, () -> FileBody.spool(out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals(before, OpenFiles.downloads());
        assertEquals(onDisk, spoolFilesOnDisk());
    }
}
