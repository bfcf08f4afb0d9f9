package io.shukei.http;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.shukei.language.Language;
import io.shukei.problem.ProblemException;

/** Parses query parameters into values, or into a 400 problem naming the parameter (JAX-RS would answer 404). */
public final class QueryParams {

    private QueryParams() {
    }

    /** An enum-valued parameter; the problem lists the allowed values. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ProblemException.invalid(field, "must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /**
     * The language of a page or file: an explicit {@code lang} parameter, which must be ja or en, else
     * Accept-Language (the first of ja/en in the client's order of preference, honouring q-values), else Japanese.
     */
    public static Language language(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return Language.parse(lang).orElseThrow(() -> ProblemException.invalid("lang", "must be ja or en"));
        }
        return Language.preferred(null, acceptLanguage, Language.JA);
    }
}
