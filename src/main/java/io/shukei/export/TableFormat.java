package io.shukei.export;

/** The forms of a table for other systems (sheets of a round, member companies); JSON first, so a wildcard Accept gets JSON. */
public enum TableFormat implements Negotiation.Offer {
    JSON(Negotiation.Format.JSON),
    CSV(Negotiation.Format.CSV);

    private final Negotiation.Format format;

    TableFormat(Negotiation.Format format) {
        this.format = format;
    }

    @Override
    public Negotiation.Format format() {
        return format;
    }
}
