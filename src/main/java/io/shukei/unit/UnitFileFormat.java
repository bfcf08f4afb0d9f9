package io.shukei.unit;

import io.shukei.export.Negotiation;

/** The forms of the unit tree file; CSV first, so that a wildcard Accept gets CSV. */
enum UnitFileFormat implements Negotiation.Offer {
    CSV, XLSX;

    @Override
    public Negotiation.Format format() {
        return this == CSV ? Negotiation.Format.CSV : Negotiation.Format.XLSX;
    }
}
