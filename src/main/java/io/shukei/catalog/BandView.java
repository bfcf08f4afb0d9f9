package io.shukei.catalog;

import io.shukei.tally.Band;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A band with IPA's situation and next step in both languages. */
@Schema(name = "Band")
public record BandView(Band code, Catalog.Text situation, Catalog.Text nextStep) {

    public static BandView of(Band band) {
        return band == null ? null : new BandView(band, new Catalog.Text(band.situationJa(), band.situationEn()),
                new Catalog.Text(band.nextStepJa(), band.nextStepEn()));
    }
}
