package io.shukei.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void ifNoneMatchComparesTagsWeaklyAndAcceptsAStarOrAList() {
        String tag = "\"7-abc\"";
        assertTrue(ETags.isNotModified("\"7-abc\"", tag));
        assertTrue(ETags.isNotModified("W/\"7-abc\"", tag));
        assertTrue(ETags.isNotModified("\"x\", \"7-abc\"", tag));
        assertTrue(ETags.isNotModified("*", tag));
        assertFalse(ETags.isNotModified(null, tag));
        assertFalse(ETags.isNotModified(" ", tag));
        assertFalse(ETags.isNotModified("\"7-abd\"", tag));
        assertFalse(ETags.isNotModified("7-abc", tag));
    }
}
