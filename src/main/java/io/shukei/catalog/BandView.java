package io.shukei.catalog;

import java.util.EnumMap;
import java.util.Map;

import io.shukei.tally.Band;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A band with IPA's situation and next step in both languages. */
@Schema(name = "Band")
public record BandView(Band code, Catalog.Text situation, Catalog.Text nextStep) {

    /** One view per band, shared: a report over thousands of units names a band for every one. */
    private static final Map<Band, BandView> VIEWS = new EnumMap<>(Band.class);

    static {
        for (Band band : Band.values()) {
            VIEWS.put(band, new BandView(band, new Catalog.Text(band.situationJa(), band.situationEn()),
                    new Catalog.Text(band.nextStepJa(), band.nextStepEn())));
        }
    }

    public static BandView of(Band band) {
        return band == null ? null : VIEWS.get(band);
    }
}
