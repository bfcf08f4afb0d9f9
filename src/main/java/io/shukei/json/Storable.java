package io.shukei.json;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What the database stores exactly as a client sent it. Text is Unicode: an unpaired UTF-16 surrogate is not a
 * character (it would be stored as "?", and the same text sent again would differ from what was kept), and
 * PostgreSQL's text cannot hold NUL. No XML document (an xlsx workbook, a page) can hold the other C0 control
 * characters but tab, line feed and carriage return, nor the noncharacters U+FFFE and U+FFFF, so a text kept with
 * them could not be exported as it is. Dates and timestamps lie in the years 0001 to 9999: RFC 3339 (the spec's
 * date and date-time formats) has four-digit years, and every such value is inside PostgreSQL's range.
 * Each method returns why the value is refused, or null when it is fine.
 */
public final class Storable {

    public static final String DATE_RANGE = "must be a date from 0001-01-01 to 9999-12-31";
    public static final String TIMESTAMP_RANGE = "must be a date-time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z";

    private Storable() {
    }

    public static String text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "must not contain the NUL character (\\u0000)";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters other than tab and line breaks: \\u" + hex(c)
                        + " at position " + i;
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return "must be Unicode text: \\u" + hex(c) + " at position " + i + " is a noncharacter";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be Unicode text: an unpaired surrogate (\\u" + hex(c) + ") at position " + i
                        + " is not a character";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format(java.util.Locale.ROOT, "%04X", (int) c);
    }

    public static String date(LocalDate date) {
        return inRange(date.getYear()) ? null : DATE_RANGE;
    }

    /** In range both as written (so that it is written back with four digits) and in UTC (as stored). */
    public static String timestamp(OffsetDateTime time) {
        return inRange(time.getYear()) && inRange(time.withOffsetSameInstant(ZoneOffset.UTC).getYear()) ? null : TIMESTAMP_RANGE;
    }

    private static boolean inRange(int year) {
        return year >= 1 && year <= 9999;
    }
}
