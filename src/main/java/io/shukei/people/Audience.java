package io.shukei.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import io.shukei.language.Language;

/**
 * Who reads a page or a file: their language and the time zone the service shows times in. Every human form
 * (templates, CSV, workbooks) writes labels, dates and times through it, so that none shows a code, an English
 * word in a Japanese page, or a UTC stamp with nanoseconds.
 */
public record Audience(Language language, ZoneId zone) {

    private static final DateTimeFormatter TIME_JA = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm", Locale.JAPANESE);
    private static final DateTimeFormatter TIME_EN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_JA = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    public boolean japanese() {
        return language == Language.JA;
    }

    /** The language's tag (ja, en), for html lang and Content-Language. */
    public String tag() {
        return language.tag();
    }

    public String pick(String ja, String en) {
        return language.pick(ja, en);
    }

    public String text(Labelled labelled) {
        return labelled == null ? "" : language.pick(labelled.ja(), labelled.en());
    }

    /** A moment as a local date and time to the minute in the service's zone: 2026年12月7日 23:28, 7 Dec 2026, 23:28. */
    public String time(OffsetDateTime moment) {
        return moment == null ? "" : (japanese() ? TIME_JA : TIME_EN).format(moment.atZoneSameInstant(zone));
    }

    public String date(LocalDate date) {
        return date == null ? "" : (japanese() ? DATE_JA : DATE_EN).format(date);
    }

    /** The zone times are shown in, named for people: 日本時間, Japan Time. */
    public String zoneName() {
        return zone.getDisplayName(TextStyle.FULL, japanese() ? Locale.JAPANESE : Locale.ENGLISH);
    }

    /** A score or points with their two decimals; a dash for none. */
    public String number(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    /** A change with its sign (+3.00, −9.00, ±0.00); a dash for none. */
    public String change(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        int sign = value.signum();
        return (sign > 0 ? "+" : sign < 0 ? "−" : "±") + value.abs().toPlainString();
    }
}
