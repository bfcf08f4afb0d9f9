package io.shukei.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.shukei.config.ShukeiConfig;
import io.shukei.export.BuildTurns;
import io.shukei.export.FileBody;
import io.shukei.export.Negotiation;
import io.shukei.http.ETags;
import io.shukei.security.Access;

/**
 * The JSON report with a strong ETag from {@link ReportVersion}: 304 Not Modified when If-None-Match
 * names the current tag, otherwise the serialised report, kept in a small cache under its tag.
 * The tag is computed in the database before the report is read, so a cached body is never older than
 * its tag and every instance answers the same tag for the same data; a change anywhere (a sheet, the
 * round, a unit) makes a new tag, and the old body is dropped when a request finds it stale. The
 * cache holds at most shukei.report-cache.max-bytes of bodies (16 MiB: one report over 10,000 units is
 * about 9 MB as JSON); beyond it Caffeine drops what is least likely to be asked for again, and a body
 * larger than the limit alone is served once and not kept. The bodies are files ({@link ReportFiles}); a
 * dropped body's file is deleted at once.
 *
 * <p>A client that accepts gzip (Accept-Encoding) gets the body compressed. The compressed copy is made
 * once per cached body, when it is first asked for, and kept beside it; it is its own representation with
 * its own strong ETag (the tag with "-gzip"), so a cache never takes one for the other.
 */
@ApplicationScoped
class ReportCache {

    private static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;

    private final ReportVersion versions;
    private final ReportService service;
    private final BuildTurns builds;
    private final ReportFiles files;
    private final Access access;
    private final long maxBytes;
    private final Cache<Key, Body> bodies;
    /** The reports themselves (a few hundred KB at most whatever the size of the tree), for the pages of units. */
    private final Cache<Key, Summary> summaries = Caffeine.newBuilder().maximumSize(32).build();

    ReportCache(ReportVersion versions, ReportService service, BuildTurns builds, ReportFiles files, Access access,
                ShukeiConfig config) {
        this.versions = versions;
        this.access = access;
        this.service = service;
        this.builds = builds;
        this.files = files;
        this.maxBytes = config.reportCache().maxBytes();
        // Removals run on the calling thread, so a body's file is gone when the request that dropped it answers.
        this.bodies = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Body body) -> (int) Math.min(body.size(), Integer.MAX_VALUE))
                .executor(Runnable::run)
                .<Key, Body>removalListener((key, body, cause) -> ReportFiles.delete(body == null ? null : body.file()))
                .build();
    }

    /** A report as cached: of one node under one policy, as JSON or as its gzip copy. */
    private record Key(long roundId, long node, String policy, boolean gzip) {

        Key compressed() {
            return new Key(roundId, node, policy, true);
        }

        Key plain() {
            return new Key(roundId, node, policy, false);
        }
    }

    /** A cached body: its file, of the report whose version is the tag. */
    private record Body(String etag, Path file, long size) {
    }

    /** A report of the version the tag names. */
    private record Summary(String etag, ReportResponse report) {
    }

    /**
     * The report with one page of its units (include=units): built from the report of the current version, which
     * is kept for the following pages, and the page's rows; the tag names the version and the page.
     */
    Response page(long roundId, Long unitId, String policy, String cursor, int limit, String ifNoneMatch, boolean head) {
        long node = service.node(roundId, unitId);
        String etag = versions.etag(roundId, node, policy);
        String tag = etag.substring(0, etag.length() - 1) + "-units-" + limit + (cursor == null ? "" : "-" + cursor) + "\"";
        if (ETags.isNotModified(ifNoneMatch, tag)) {
            return Response.notModified(EntityTag.valueOf(tag)).header(HttpHeaders.VARY, VARY).build();
        }
        Key key = new Key(roundId, node, policy == null || policy.isBlank() ? null : policy, false);
        ReportResponse report = builds.run(access.caller().identity(), () -> {
            Summary summary = summaries.getIfPresent(key);
            if (summary == null || !summary.etag().equals(etag)) {
                summary = new Summary(etag, service.report(roundId, node, policy));
                summaries.put(key, summary);
            }
            ReportService.UnitPage page = service.units(roundId, node, cursor, limit);
            String next = page.next() == null ? null : "/api/v1/rounds/" + roundId + "/report?include=units"
                    + (unitId == null ? "" : "&unitId=" + unitId) + (key.policy() == null ? "" : "&policy=" + key.policy())
                    + "&limit=" + limit + "&cursor=" + page.next();
            return summary.report().withUnits(page.units(), next);
        });
        return Response.ok(head ? null : report).type(MediaType.APPLICATION_JSON_TYPE).tag(EntityTag.valueOf(tag))
                .header(HttpHeaders.VARY, VARY).build();
    }

    /**
     * The JSON report, gzip-compressed when Accept-Encoding allows it; for a HEAD request (head) only its
     * headers, with no file left open.
     */
    Response json(long roundId, Long unitId, String policy, String ifNoneMatch, String acceptEncoding, boolean head) {
        long node = service.node(roundId, unitId);
        String etag = versions.etag(roundId, node, policy);
        boolean gzip = Negotiation.acceptsGzip(acceptEncoding);
        String tag = gzip ? etag.substring(0, etag.length() - 1) + "-gzip\"" : etag;
        if (ETags.isNotModified(ifNoneMatch, tag)) {
            return Response.notModified(EntityTag.valueOf(tag)).header(HttpHeaders.VARY, VARY).build();
        }
        Key key = new Key(roundId, node, policy == null || policy.isBlank() ? null : policy, gzip);
        FileBody body = opened(key, etag);
        if (body == null) {
            body = builds.run(access.caller().identity(), () -> made(key, etag, () -> service.report(roundId, node, policy)));
        }
        Response.ResponseBuilder response = Response.ok().type(MediaType.APPLICATION_JSON_TYPE).tag(EntityTag.valueOf(tag))
                .header(HttpHeaders.VARY, VARY);
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return body.into(response, head).build();
    }

    /**
     * Under a build turn: the body another request made while this one waited (the first of many that
     * arrive together builds it, the others find it), or the body built and, when wanted, compressed now.
     */
    private FileBody made(Key key, String etag, Supplier<ReportResponse> report) {
        FileBody body = opened(key, etag);
        if (body != null) {
            return body;
        }
        FileBody plain = key.gzip() ? opened(key.plain(), etag) : null;
        if (plain == null) {
            plain = kept(key.plain(), etag, files.write(report.get()));
        }
        return key.gzip() ? kept(key.compressed(), etag, files.compress(plain)) : plain;
    }

    /**
     * The body cached under the key for the tag, opened for one response; null when there is none. A body of
     * an older tag, or one whose file something else removed (a temporary-files cleaner), is dropped now, before
     * its successor is built.
     */
    private FileBody opened(Key key, String etag) {
        Body cached = bodies.getIfPresent(key);
        if (cached == null) {
            return null;
        }
        if (cached.etag().equals(etag)) {
            try {
                return FileBody.open(cached.file());
            } catch (IOException e) {
                // Gone from outside, or dropped by another request meanwhile: built again like a stale one.
            }
        }
        bodies.asMap().remove(key, cached);
        return null;
    }

    /** Opens a newly written body for the response that made it and keeps it, unless it alone exceeds the limit. */
    private FileBody kept(Key key, String etag, Path file) {
        FileBody opened;
        try {
            opened = FileBody.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("A report just written cannot be read", e);
        }
        if (opened.length() > maxBytes) {
            ReportFiles.delete(file);
        } else {
            bodies.put(key, new Body(etag, file, opened.length()));
        }
        return opened;
    }

    /** The directory of the cached bodies (for tests). */
    Path directory() {
        return files.directory();
    }

    /** Drops every body, then removes every file of the directory and the directory itself. */
    @PreDestroy
    void removeFiles() {
        bodies.invalidateAll();
        files.removeAll();
    }
}
