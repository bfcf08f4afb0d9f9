package io.shukei.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NegotiationTest {

    @Test
    void gzipIsSentOnlyWhenAcceptEncodingAllowsIt() {
        assertTrue(Negotiation.acceptsGzip("gzip"));
        assertTrue(Negotiation.acceptsGzip("deflate, GZIP;q=0.5"));
        assertTrue(Negotiation.acceptsGzip("x-gzip"));
        assertTrue(Negotiation.acceptsGzip("br, *"));
        assertFalse(Negotiation.acceptsGzip(null));
        assertFalse(Negotiation.acceptsGzip(""));
        assertFalse(Negotiation.acceptsGzip("identity"));
        assertFalse(Negotiation.acceptsGzip("gzip;q=0"));
        assertFalse(Negotiation.acceptsGzip("gzip;q=0, *"), "an explicit refusal outweighs *");
        assertFalse(Negotiation.acceptsGzip("*;q=0"));
        assertFalse(Negotiation.acceptsGzip("gzip;q=x"));
    }
}
