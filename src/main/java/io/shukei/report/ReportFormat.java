package io.shukei.report;

import io.shukei.export.Negotiation;

/** The forms of a report; JSON first, so a wildcard Accept gets JSON. */
enum ReportFormat implements Negotiation.Offer {
    JSON(Negotiation.Format.JSON),
    CSV(Negotiation.Format.CSV),
    XLSX(Negotiation.Format.XLSX),
    HTML(Negotiation.Format.HTML);

    private final Negotiation.Format format;

    ReportFormat(Negotiation.Format format) {
        this.format = format;
    }

    @Override
    public Negotiation.Format format() {
        return format;
    }
}
