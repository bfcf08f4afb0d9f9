package io.shukei.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.export.FileBody;

/**
 * The JSON report bodies the cache keeps, as files in a directory of the service's own under java.io.tmpdir,
 * not as arrays on the Java heap: a 9 MB body held there, and built there while the previous one was still
 * cached, filled the old generation of a small heap with every build and cost a full collection each time.
 * A file deleted while a response reads it is still read to its end: an open file outlives its name.
 */
@ApplicationScoped
class ReportFiles {

    private static final int BUFFER = 64 * 1024;
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final ObjectMapper mapper;
    private final Path directory;

    ReportFiles(ObjectMapper mapper) {
        this.mapper = mapper;
        try {
            this.directory = Files.createTempDirectory("shukei-reports-", PRIVATE);
        } catch (IOException e) {
            throw new UncheckedIOException("No directory for cached reports under java.io.tmpdir", e);
        }
    }

    /** The report written as JSON to a new file. */
    Path write(ReportResponse report) {
        Path file = null;
        try {
            file = newFile(".json");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
                mapper.writeValue(out, report);
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("The report cannot be written as JSON", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /**
     * A gzip-compressed copy of a body opened for one response, in a new file: the report repeats the same band
     * texts and unit names throughout, so the copy is about a tenth of the size. The body is read to its end.
     */
    Path compress(FileBody body) {
        Path file = null;
        try {
            file = newFile(".json.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), BUFFER)) {
                body.write(out);
            }
            return file;
        } catch (IOException e) {
            body.discard();
            delete(file);
            throw new UncheckedIOException("The report cannot be compressed", e);
        }
    }

    private Path newFile(String suffix) throws IOException {
        if (!Files.isDirectory(directory)) {
            // A temporary-files cleaner may have removed the directory of a service idle for days.
            Files.createDirectories(directory, PRIVATE);
        }
        return Files.createTempFile(directory, "report-", suffix);
    }

    static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Tried again at shutdown; the body is gone from the cache either way.
        }
    }

    Path directory() {
        return directory;
    }

    /** Every file of the directory, also those a failed delete left, then the directory. */
    void removeAll() {
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(ReportFiles::delete);
        } catch (IOException e) {
            // The directory is gone already.
        }
        delete(directory);
    }
}
