package io.shukei.api;

import java.util.Locale;

/** The two languages the service speaks; Japanese unless the client prefers English. */
public enum Language {
    JA, EN;

    /**
     * Picks the language from an explicit {@code lang} parameter, else from Accept-Language
     * (the first of ja/en in the client's order of preference, honouring q-values).
     */
    public static Language of(String override, String acceptLanguage) {
        if (override != null && !override.isBlank()) {
            return parse(override).orElseThrow(() -> ProblemException.invalid("lang", "must be ja or en"));
        }
        return preferred(null, acceptLanguage, JA);
    }

    /**
     * As {@link #of} but never refuses: an override or Accept-Language that names neither language gives the
     * fallback (problem details, which must be answered whatever the request said).
     */
    public static Language preferred(String override, String acceptLanguage, Language fallback) {
        if (override != null && !override.isBlank()) {
            return parse(override).orElse(fallback);
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return fallback;
        }
        Language best = fallback;
        double bestQ = -1;
        for (String range : acceptLanguage.split(",")) {
            String[] parts = range.trim().split(";");
            double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            var lang = parse(parts[0]);
            if (lang.isPresent() && q > bestQ && q > 0) {
                best = lang.get();
                bestQ = q;
            }
        }
        return best;
    }

    private static java.util.Optional<Language> parse(String tag) {
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("-")[0];
        return switch (primary) {
            case "ja" -> java.util.Optional.of(JA);
            case "en" -> java.util.Optional.of(EN);
            default -> java.util.Optional.empty();
        };
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String pick(String ja, String en) {
        return this == JA ? ja : en;
    }
}
