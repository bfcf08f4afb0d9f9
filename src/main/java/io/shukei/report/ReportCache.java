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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.config.ShukeiConfig;
import io.shukei.export.BuildTurns;
import io.shukei.export.FileBody;


/**
 * The JSON report with a strong ETag from {@link ReportVersion}: 304 Not Modified when If-None-Match
 * names the current tag, otherwise the serialised report, kept in a small cache under its tag.
 * The tag is computed in the database before the report is read, so a cached body is never older than
 * its tag and every instance answers the same tag for the same data; a change anywhere (a sheet, the
 * round, a unit) makes a new tag, and the old entry is dropped when a request finds it stale. The
 * cache holds at most shukei.report-cache.max-bytes of JSON (16 MiB: one report over 10,000 units is
 * about 9 MB), least recently used first out.
 *
 * <p>Bodies are files in a directory of the service's own under java.io.tmpdir, not arrays on the Java
 * heap: a 9 MB body held there, and built there while the previous one was still cached, filled the
 * old generation of a small heap with every build and cost a full collection each time. Each response
 * opens its file while the cache's lock is held, so a body dropped afterwards (its file deleted) is still
 * read to its end: an open file outlives its name.
 *
 * <p>A client that accepts gzip (Accept-Encoding) gets the body compressed, about a tenth of its size
 * (the report repeats the same band texts and unit names throughout). The compressed copy is made once
 * per cached body, when it is first asked for, and kept beside it; it is its own representation with
 * its own strong ETag (the tag with "-gzip"), so a cache never takes one for the other.
 */
@ApplicationScoped
class ReportCache {

    private static final int BUFFER = 64 * 1024;
    private static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final ReportVersion versions;
    private final ReportService service;
    private final BuildTurns builds;
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final Path directory;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    ReportCache(ReportVersion versions, ReportService service, BuildTurns builds, ObjectMapper mapper,
                ShukeiConfig config) {
        this.versions = versions;
        this.service = service;
        this.builds = builds;
        this.mapper = mapper;
        this.maxBytes = config.reportCache().maxBytes();
        try {
            this.directory = Files.createTempDirectory("shukei-reports-", PRIVATE);
        } catch (IOException e) {
            throw new UncheckedIOException("No directory for cached reports under java.io.tmpdir", e);
        }
    }

    private record Key(long roundId, Long unitId, String policy) {
    }

    /** A cached body, and its gzip copy once one was asked for (gzip null until then). */
    private record Entry(String etag, Path file, long size, Path gzip, long gzipSize) {
    }

    /** A body opened for one response. */
    private record Opened(FileBody body, boolean gzip) {
    }

    /**
     * The JSON report, gzip-compressed when Accept-Encoding allows it; for a HEAD request (head) only its
     * headers, with no file left open.
     */
    Response json(long roundId, Long unitId, String policy, String ifNoneMatch, String acceptEncoding, boolean head) {
        long node = service.node(roundId, unitId);
        String etag = versions.etag(roundId, node, policy);
        boolean gzip = acceptsGzip(acceptEncoding);
        String tag = gzip ? etag.substring(0, etag.length() - 1) + "-gzip\"" : etag;
        if (matches(ifNoneMatch, tag)) {
            return Response.notModified(EntityTag.valueOf(tag)).header(HttpHeaders.VARY, VARY).build();
        }
        Key key = new Key(roundId, node, policy == null || policy.isBlank() ? null : policy);
        Opened body = cached(key, etag, gzip);
        if (body == null || gzip && !body.gzip()) {
            if (body != null) {
                body.body().discard();
            }
            body = builds.run(() -> made(key, etag, gzip, () -> service.report(roundId, node, policy)));
        }
        Response.ResponseBuilder response = Response.ok().type(MediaType.APPLICATION_JSON_TYPE).tag(EntityTag.valueOf(tag))
                .header(HttpHeaders.VARY, VARY);
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return body.body().into(response, head).build();
    }

    /**
     * Under a build turn: the body another request made while this one waited (the first of many that
     * arrive together builds it, the others find it), or the body built and, when wanted, compressed now.
     */
    private Opened made(Key key, String etag, boolean gzip, Supplier<ReportResponse> report) {
        Opened body = cached(key, etag, gzip);
        if (body == null) {
            body = store(key, etag, write(report.get()));
        }
        return gzip && !body.gzip() ? compress(key, etag, body) : body;
    }

    private Path write(ReportResponse report) {
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

    /** Compresses a body opened for this response; the copy is kept with its entry if that is still current. */
    private Opened compress(Key key, String etag, Opened body) {
        Path file = null;
        try {
            file = newFile(".json.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), BUFFER)) {
                body.body().write(out);
            }
            return keepCompressed(key, etag, file);
        } catch (IOException e) {
            body.body().discard();
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

    /**
     * The body cached under the tag, opened: its gzip copy when one is wanted and kept, else the body itself.
     * An entry of an older tag is dropped now, before its successor is built.
     */
    private synchronized Opened cached(Key key, String etag, boolean gzip) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.etag().equals(etag)) {
            try {
                return gzip && entry.gzip() != null ? open(entry.gzip(), true) : open(entry.file(), false);
            } catch (IOException e) {
                // Removed by something else (a temporary-files cleaner): built again like a stale one.
            }
        }
        drop(entries.remove(key));
        return null;
    }

    /** Keeps a newly written body, unless it alone exceeds the limit, and opens it for the response that built it. */
    private synchronized Opened store(Key key, String etag, Path file) {
        Opened opened;
        try {
            opened = open(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("A report just written cannot be read", e);
        }
        long size = opened.body().length();
        if (size > maxBytes) {
            delete(file);
            return opened;
        }
        Entry previous = entries.put(key, new Entry(etag, file, size, null, 0));
        bytes += size;
        drop(previous);
        evict();
        return opened;
    }

    /**
     * Opens a compressed copy for the response that made it and keeps it with its entry, unless the entry
     * changed meanwhile or another request kept a copy first: then this one is served once and deleted.
     */
    private synchronized Opened keepCompressed(Key key, String etag, Path file) throws IOException {
        Opened opened = open(file, true);
        Entry entry = entries.get(key);
        if (entry == null || !entry.etag().equals(etag) || entry.gzip() != null) {
            delete(file);
            return opened;
        }
        long size = opened.body().length();
        entries.put(key, new Entry(etag, entry.file(), entry.size(), file, size));
        bytes += size;
        evict();
        return opened;
    }

    /** Least recently used out until the cache holds no more than its limit. */
    private void evict() {
        for (Iterator<Entry> eldest = entries.values().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
            Entry entry = eldest.next();
            eldest.remove();
            drop(entry);
        }
    }

    private void drop(Entry entry) {
        if (entry != null) {
            bytes -= entry.size() + entry.gzipSize();
            delete(entry.file());
            delete(entry.gzip());
        }
    }

    private static Opened open(Path file, boolean gzip) throws IOException {
        return new Opened(FileBody.open(file), gzip);
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Tried again at shutdown; the entry is gone either way.
        }
    }

    /** The cache's directory (for tests). */
    Path directory() {
        return directory;
    }

    /** Every file of the directory, also those a failed delete left, then the directory. */
    @PreDestroy
    synchronized void removeFiles() {
        entries.clear();
        bytes = 0;
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(ReportCache::delete);
        } catch (IOException e) {
            // The directory is gone already.
        }
        delete(directory);
    }

    /**
     * Whether Accept-Encoding allows gzip (RFC 9110 §12.5.3): named as gzip or x-gzip, or covered by "*",
     * with a quality above 0; without the header the body is sent as it is.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double named = null;
        Double any = null;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = named == null ? quality : Math.max(named, quality);
            } else if (coding.equals("*")) {
                any = quality;
            }
        }
        Double quality = named != null ? named : any;
        return quality != null && quality > 0;
    }

    /** If-None-Match: "*" or a list of tags, weak ones compared by their opaque part (RFC 9110 weak comparison). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
