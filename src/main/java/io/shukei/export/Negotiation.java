package io.shukei.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;

import io.shukei.problem.ProblemException;

/** Picks the form of a resource by {@code ?format=} (for links and browsers) or else by Accept, and its coding by Accept-Encoding. */
public final class Negotiation {

    private Negotiation() {
    }

    /** A media type and the name {@code ?format=} uses for it. */
    public record Format(MediaType mediaType, String extension) {
        public static final Format JSON = new Format(MediaType.APPLICATION_JSON_TYPE, "json");
        public static final Format CSV = new Format(Downloads.CSV_UTF8, "csv");
        public static final Format XLSX = new Format(MediaType.valueOf(Downloads.XLSX), "xlsx");
        public static final Format HTML = new Format(Downloads.HTML_UTF8, "html");
    }

    /** One form a resource is offered in. */
    public interface Offer {
        Format format();

        default MediaType mediaType() {
            return format().mediaType();
        }

        default String extension() {
            return format().extension();
        }
    }

    /**
     * The offer named by format if given, else the first accepted type (in the client's order of
     * preference) that an offer satisfies; a wildcard gets the first offer.
     */
    public static <F extends Enum<F> & Offer> F choose(Class<F> offers, String format, List<MediaType> accepted) {
        F[] all = offers.getEnumConstants();
        if (format != null && !format.isBlank()) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(all).filter(f -> f.extension().equals(wanted)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("format", "must be one of "
                            + Arrays.stream(all).map(Offer::extension).collect(Collectors.joining(", "))));
        }
        for (MediaType type : accepted) {
            for (F f : all) {
                if (type.isCompatible(f.mediaType())) {
                    return f;
                }
            }
        }
        throw new ProblemException(406, "/problems/not-acceptable", "Not acceptable", "Available as "
                + Arrays.stream(all).map(f -> f.mediaType().getType() + "/" + f.mediaType().getSubtype())
                .collect(Collectors.joining(", ")), null);
    }

    /**
     * Whether Accept-Encoding allows gzip (RFC 9110 §12.5.3): named as gzip or x-gzip, or covered by "*",
     * with a quality above 0; without the header the body is sent as it is.
     */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double named = null;
        Double any = null;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = named == null ? quality : Math.max(named, quality);
            } else if (coding.equals("*")) {
                any = quality;
            }
        }
        Double quality = named != null ? named : any;
        return quality != null && quality > 0;
    }
}
