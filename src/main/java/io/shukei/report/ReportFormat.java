package io.shukei.report;

import jakarta.ws.rs.core.MediaType;

import io.shukei.api.Downloads;
import io.shukei.api.Negotiation;

/** The forms of a report; JSON first, so a wildcard Accept gets JSON. */
enum ReportFormat implements Negotiation.Offer {
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

    @Override
    public MediaType mediaType() {
        return mediaType;
    }

    @Override
    public String extension() {
        return extension;
    }
}
