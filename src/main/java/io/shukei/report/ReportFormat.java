package io.shukei.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;

import io.shukei.api.Downloads;
import io.shukei.api.ProblemException;

/** The forms of a report, chosen by {@code ?format=} (for links and browsers) or else by Accept. */
enum ReportFormat {
    JSON(MediaType.APPLICATION_JSON_TYPE, "json"),
    CSV(Downloads.CSV_UTF8, "csv"),
    XLSX(MediaType.valueOf(Downloads.XLSX), "xlsx"),
    HTML(Downloads.HTML_UTF8, "html");

    private final MediaType mediaType;
    private final String extension;

    ReportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /**
     * The explicit format if given, else the first accepted type (in the client's order of
     * preference) that a format satisfies; a wildcard gets JSON, the first listed.
     */
    static ReportFormat choose(String format, List<MediaType> accepted) {
        if (format != null && !format.isBlank()) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("format", "must be one of "
                            + Arrays.stream(values()).map(f -> f.extension).collect(Collectors.joining(", "))));
        }
        for (MediaType type : accepted) {
            for (ReportFormat f : values()) {
                if (type.isCompatible(f.mediaType)) {
                    return f;
                }
            }
        }
        throw new ProblemException(406, "/problems/not-acceptable", "Not acceptable",
                "A report is available as application/json, text/csv, " + Downloads.XLSX + " or text/html", null);
    }
}
