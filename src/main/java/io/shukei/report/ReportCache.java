package io.shukei.report;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The JSON report with a strong ETag from {@link ReportVersion}: 304 Not Modified when If-None-Match
 * names the current tag, otherwise the serialised report, kept in a small in-memory cache under its tag.
 * The tag is computed in the database before the report is read, so a cached body is never older than
 * its tag and every instance answers the same tag for the same data; a change anywhere (a sheet, the
 * round, a unit) makes a new tag, and the old entry is dropped when a request finds it stale. The
 * cache holds at most shukei.report-cache.max-bytes of JSON (16 MiB: one report over 10,000 units is
 * about 9 MB), least recently used first out.
 */
@ApplicationScoped
class ReportCache {

    private final ReportVersion versions;
    private final ReportService service;
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    ReportCache(ReportVersion versions, ReportService service, ObjectMapper mapper,
                @ConfigProperty(name = "shukei.report-cache.max-bytes", defaultValue = "16777216") long maxBytes) {
        this.versions = versions;
        this.service = service;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    private record Key(long roundId, Long unitId, String policy) {
    }

    private record Entry(String etag, ChunkedBody body) {
    }

    Response json(long roundId, Long unitId, String policy, String ifNoneMatch) {
        long node = service.node(roundId, unitId);
        String etag = versions.etag(roundId, node, policy);
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified(EntityTag.valueOf(etag)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        Key key = new Key(roundId, node, policy == null || policy.isBlank() ? null : policy);
        ChunkedBody body = cached(key, etag);
        if (body == null) {
            body = new ChunkedBody();
            try (ChunkedBody out = body) {
                mapper.writeValue(out, service.report(roundId, node, policy));
            } catch (IOException e) {
                throw new IllegalStateException("The report cannot be written as JSON", e);
            }
            store(key, new Entry(etag, body));
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(EntityTag.valueOf(etag))
                .header(HttpHeaders.CONTENT_LENGTH, body.size()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** The body cached under the tag; an entry of an older tag is dropped now, before its successor is built. */
    private synchronized ChunkedBody cached(Key key, String etag) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.etag().equals(etag)) {
            return entry.body();
        }
        entries.remove(key);
        bytes -= entry.body().size();
        return null;
    }

    private synchronized void store(Key key, Entry entry) {
        if (entry.body().size() > maxBytes) {
            return;
        }
        Entry previous = entries.put(key, entry);
        bytes += entry.body().size() - (previous == null ? 0 : previous.body().size());
        for (Iterator<Entry> eldest = entries.values().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
            bytes -= eldest.next().body().size();
            eldest.remove();
        }
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
