package io.shukei.submission;

import io.shukei.api.Negotiation;

/** The forms of a round's submission export; JSON first, so a wildcard Accept gets JSON. */
enum SubmissionFormat implements Negotiation.Offer {
    JSON(Negotiation.Format.JSON),
    CSV(Negotiation.Format.CSV);

    private final Negotiation.Format format;

    SubmissionFormat(Negotiation.Format format) {
        this.format = format;
    }

    @Override
    public Negotiation.Format format() {
        return format;
    }
}
