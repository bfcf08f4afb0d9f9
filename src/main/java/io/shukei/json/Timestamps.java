package io.shukei.json;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Writes timestamps exactly as Jackson's own serializer does (ISO-8601 with the value's offset:
 * {@code 2026-05-10T01:23:45.123Z}, seconds always, the fraction without trailing zeros and none when
 * zero), but for the UTC values the service stores and returns, digit by digit into one small buffer.
 * A report over 10,000 units writes 20,000 timestamps, and {@link DateTimeFormatter} builds several
 * objects (BigDecimals for the fraction among them) for each one. Other offsets and years beyond four
 * digits go to the formatter, as before.
 */
@Singleton
class Timestamps implements ObjectMapperCustomizer {

    private static final int MAX_LENGTH = "yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ".length();

    /** After Quarkus' own customizers, which register Jackson's time module: the module registered last wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("shukei-timestamps").addSerializer(OffsetDateTime.class, new Serializer()));
    }

    /** Writes a UTC timestamp of years 0..9999 into the buffer and returns its length; -1 for any other value. */
    private static int write(OffsetDateTime t, char[] text) {
        int year = t.getYear();
        if (!t.getOffset().equals(ZoneOffset.UTC) || year < 0 || year > 9999) {
            return -1;
        }
        int i = digits(text, 0, year, 4);
        text[i++] = '-';
        i = digits(text, i, t.getMonthValue(), 2);
        text[i++] = '-';
        i = digits(text, i, t.getDayOfMonth(), 2);
        text[i++] = 'T';
        i = digits(text, i, t.getHour(), 2);
        text[i++] = ':';
        i = digits(text, i, t.getMinute(), 2);
        text[i++] = ':';
        i = digits(text, i, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            text[i++] = '.';
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            i = digits(text, i, nano, width);
        }
        text[i++] = 'Z';
        return i;
    }

    private static int digits(char[] text, int at, int value, int width) {
        for (int p = at + width - 1; p >= at; p--) {
            text[p] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static final class Serializer extends StdSerializer<OffsetDateTime> {

        Serializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            char[] text = new char[MAX_LENGTH];
            int length = write(value, text);
            if (length < 0) {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
            } else {
                gen.writeString(text, 0, length);
            }
        }
    }
}
