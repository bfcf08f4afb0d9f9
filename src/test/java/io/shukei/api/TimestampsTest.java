package io.shukei.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    /** Jackson's own writing with the UTC context zone, as the service's mapper had it before. */
    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setTimeZone(java.util.TimeZone.getTimeZone("UTC"));

    private static final ObjectMapper OURS = JACKSON.copy();

    static {
        new Timestamps().customize(OURS);
    }

    @Test
    void writesTheSameTextAsJacksonForAnyInstantAndOffset() throws Exception {
        Random random = new Random(20261126);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-02T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-30T00:00:00Z").getEpochSecond());
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1) / 60 * 60);
            OffsetDateTime value = Instant.ofEpochSecond(seconds, nano).atOffset(offset);
            assertEquals(JACKSON.writeValueAsString(value), OURS.writeValueAsString(value), value.toString());
        }
    }

    @Test
    void keepsTheFractionWithoutTrailingZerosAndWritesUtc() throws Exception {
        assertEquals("\"2030-01-02T00:08:07.12Z\"",
                OURS.writeValueAsString(OffsetDateTime.parse("2030-01-02T09:08:07.120+09:00")));
        assertEquals("\"2026-05-10T01:23:45Z\"", OURS.writeValueAsString(OffsetDateTime.parse("2026-05-10T01:23:45Z")));
        assertEquals("\"2026-05-10T01:23:45.000000001Z\"",
                OURS.writeValueAsString(OffsetDateTime.parse("2026-05-10T01:23:45.000000001Z")));
    }

    @Test
    void leavesYearsBeyondFourDigitsToTheFormatter() throws Exception {
        OffsetDateTime far = OffsetDateTime.parse("+12345-01-01T00:00:00Z");
        assertEquals(JACKSON.writeValueAsString(far), OURS.writeValueAsString(far));
        assertEquals("+12345-01-01T00:00:00Z", Timestamps.format(far));
    }
}
