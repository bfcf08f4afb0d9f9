package io.shukei.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportCacheTest {

    @Test
    void ifNoneMatchComparesTagsWeaklyAndAcceptsAStarOrAList() {
        String tag = "\"7-abc\"";
        assertTrue(ReportCache.matches("\"7-abc\"", tag));
        assertTrue(ReportCache.matches("W/\"7-abc\"", tag));
        assertTrue(ReportCache.matches("\"x\", \"7-abc\"", tag));
        assertTrue(ReportCache.matches("*", tag));
        assertFalse(ReportCache.matches(null, tag));
        assertFalse(ReportCache.matches(" ", tag));
        assertFalse(ReportCache.matches("\"7-abd\"", tag));
        assertFalse(ReportCache.matches("7-abc", tag));
    }

    @Test
    void gzipIsSentOnlyWhenAcceptEncodingAllowsIt() {
        assertTrue(ReportCache.acceptsGzip("gzip"));
        assertTrue(ReportCache.acceptsGzip("deflate, GZIP;q=0.5"));
        assertTrue(ReportCache.acceptsGzip("x-gzip"));
        assertTrue(ReportCache.acceptsGzip("br, *"));
        assertFalse(ReportCache.acceptsGzip(null));
        assertFalse(ReportCache.acceptsGzip(""));
        assertFalse(ReportCache.acceptsGzip("identity"));
        assertFalse(ReportCache.acceptsGzip("gzip;q=0"));
        assertFalse(ReportCache.acceptsGzip("gzip;q=0, *"), "an explicit refusal outweighs *");
        assertFalse(ReportCache.acceptsGzip("*;q=0"));
        assertFalse(ReportCache.acceptsGzip("gzip;q=x"));
    }
}
