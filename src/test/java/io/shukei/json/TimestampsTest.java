package io.shukei.json;

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

    /** Jackson's own writing as Quarkus configures it by default: text, no explicit time zone. */
    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final ObjectMapper OURS = JACKSON.copy();

    static {
        new Timestamps().customize(OURS);
    }

    @Test
    void writesTheSameTextAsJacksonForAnyInstantAndOffset() throws Exception {
        Random random = new Random(20261126);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("-0999-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T00:00:00Z").getEpochSecond());
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            // Most values the service writes are UTC; the others must come out exactly as Jackson writes them too.
            ZoneOffset offset = i % 3 == 0 ? ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1) / 60 * 60)
                    : ZoneOffset.UTC;
            OffsetDateTime value = Instant.ofEpochSecond(seconds, nano).atOffset(offset);
            assertEquals(JACKSON.writeValueAsString(value), OURS.writeValueAsString(value), value.toString());
        }
    }

    @Test
    void keepsTheFractionWithoutTrailingZeros() throws Exception {
        assertEquals("\"2030-01-02T00:08:07.12Z\"", OURS.writeValueAsString(OffsetDateTime.parse("2030-01-02T00:08:07.120Z")));
        assertEquals("\"2026-05-10T01:23:45Z\"", OURS.writeValueAsString(OffsetDateTime.parse("2026-05-10T01:23:45Z")));
        assertEquals("\"2026-05-10T01:23:45.000000001Z\"",
                OURS.writeValueAsString(OffsetDateTime.parse("2026-05-10T01:23:45.000000001Z")));
        assertEquals("\"0000-01-01T00:00:00Z\"", OURS.writeValueAsString(OffsetDateTime.parse("0000-01-01T00:00:00Z")));
    }

    @Test
    void leavesOtherOffsetsAndYearsBeyondFourDigitsToTheFormatter() throws Exception {
        for (String text : new String[] {"2030-01-02T09:08:07.12+09:00", "+12345-01-01T00:00:00Z", "-0001-12-31T23:59:59.5Z"}) {
            OffsetDateTime value = OffsetDateTime.parse(text);
            assertEquals(JACKSON.writeValueAsString(value), OURS.writeValueAsString(value));
            assertEquals("\"" + text + "\"", OURS.writeValueAsString(value));
        }
    }
}
