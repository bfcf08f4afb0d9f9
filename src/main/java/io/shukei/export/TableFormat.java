package io.shukei.export;

/** The forms of a table for other systems (sheets of a round, member companies); JSON first, so a wildcard Accept gets JSON. */
public enum TableFormat implements Negotiation.Offer {
    JSON, CSV;

    @Override
    public Negotiation.Format format() {
        return this == JSON ? Negotiation.Format.JSON : Negotiation.Format.CSV;
    }
}
