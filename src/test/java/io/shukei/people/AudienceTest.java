package io.shukei.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.shukei.language.Language;

class AudienceTest {

    private static final OffsetDateTime MOMENT = OffsetDateTime.parse("2026-12-07T14:28:09.089084020Z");

    @Test
    void timesAreLocalToTheMinuteInTheConfiguredZone() {
        Audience ja = new Audience(Language.JA, ZoneId.of("Asia/Tokyo"));
        assertEquals("2026年12月7日 23:28", ja.time(MOMENT));
        assertEquals("2027年3月31日", ja.date(LocalDate.of(2027, 3, 31)));
        assertEquals("7 Dec 2026, 23:28", new Audience(Language.EN, ZoneId.of("Asia/Tokyo")).time(MOMENT));
        assertEquals("2026年12月7日 15:28", new Audience(Language.JA, ZoneId.of("Europe/Berlin")).time(MOMENT));
    }

    @Test
    void labelsAndChangesAreWrittenForPeople() {
        Audience ja = new Audience(Language.JA, ZoneId.of("Asia/Tokyo"));
        Labelled open = new Labelled() {
            @Override
            public String ja() {
                return "受付中";
            }

            @Override
            public String en() {
                return "Open";
            }
        };
        assertEquals("受付中", ja.text(open));
        assertEquals("Open", new Audience(Language.EN, ZoneId.of("UTC")).text(open));
        assertEquals("−9.00", ja.change(new BigDecimal("-9.00")));
        assertEquals("+3.00", ja.change(new BigDecimal("3.00")));
        assertEquals("±0.00", ja.change(new BigDecimal("0.00")));
        assertEquals("—", ja.number(null));
    }
}
