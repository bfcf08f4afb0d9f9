package io.shukei.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.shukei.tally.Band;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A band with IPA's situation and next step in both languages. */
@Schema(name = "BandDescription")
@JsonSerialize(using = BandView.Json.class)
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

    /**
     * The totals of the band as the sheet's table gives them: 100点, 70点以上100点未満, 50点以上70点未満, 50点未満.
     * Bands run from the highest; each ends where the one above begins.
     */
    public Catalog.Text range() {
        Integer from = code.threshold();
        Integer below = code.ordinal() == 0 ? null : Band.values()[code.ordinal() - 1].threshold();
        if (below == null) {
            return new Catalog.Text(from + "点", from + " points");
        }
        if (from == null) {
            return new Catalog.Text(below + "点未満", "under " + below);
        }
        return new Catalog.Text(from + "点以上" + below + "点未満", from + " or more, under " + below);
    }

    /**
     * Writes each band as JSON encoded once, as UTF-8 bytes: the same as the record's own serialisation,
     * which encoded the Japanese texts again for every unit of a report (a fifth of a large report's bytes).
     */
    static final class Json extends StdSerializer<BandView> {

        private static final Map<Band, SerializedString> ENCODED = new EnumMap<>(Band.class);

        static {
            ObjectMapper plain = new ObjectMapper();
            for (BandView view : VIEWS.values()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("code", view.code().name());
                fields.put("situation", view.situation());
                fields.put("nextStep", view.nextStep());
                try {
                    ENCODED.put(view.code(), new SerializedString(plain.writeValueAsString(fields)));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        Json() {
            super(BandView.class);
        }

        @Override
        public void serialize(BandView view, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeRawValue(ENCODED.get(view.code()));
        }
    }
}
