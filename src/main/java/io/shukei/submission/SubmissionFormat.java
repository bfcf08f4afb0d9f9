package io.shukei.submission;

import jakarta.ws.rs.core.MediaType;

import io.shukei.api.Downloads;
import io.shukei.api.Negotiation;

/** The forms of a round's submission export; JSON first, so a wildcard Accept gets JSON. */
enum SubmissionFormat implements Negotiation.Offer {
    JSON(MediaType.APPLICATION_JSON_TYPE, "json"),
    CSV(Downloads.CSV_UTF8, "csv");

    private final MediaType mediaType;
    private final String extension;

    SubmissionFormat(MediaType mediaType, String extension) {
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
