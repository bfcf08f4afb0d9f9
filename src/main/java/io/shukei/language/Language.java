package io.shukei.language;

import java.util.Locale;
import java.util.Optional;

/** The two languages the service speaks; Japanese unless the client prefers English. */
public enum Language {
    JA, EN;

    /**
     * The language from an override (such as a {@code lang} parameter), else from Accept-Language (the first of
     * ja/en in the client's order of preference, honouring q-values), else the fallback. Never refuses: an
     * override or Accept-Language that names neither language gives the fallback.
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

    /** The language a tag (ja, en-GB, …) names, if one of the two. */
    public static Optional<Language> parse(String tag) {
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("-")[0];
        return switch (primary) {
            case "ja" -> Optional.of(JA);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String pick(String ja, String en) {
        return this == JA ? ja : en;
    }
}
