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
}
